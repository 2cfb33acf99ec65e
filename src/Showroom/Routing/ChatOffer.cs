namespace Showroom.Routing;

public enum OfferKind
{
    Chat,
    Transfer,
}

public enum OfferState
{
    Pending,
    Accepted,
    Declined,
    TimedOut,

    /// <summary>Closed by something else: someone accepted, the chat ended or was missed, the sender cancelled.</summary>
    Withdrawn,
}

/// <summary>A waiting chat offered to one agent until <see cref="Deadline"/>. Leaves Pending by one conditional update.</summary>
public sealed class ChatOffer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ConversationId { get; set; }
    public Guid DealerId { get; set; }
    public Guid AgentId { get; set; }
    public OfferKind Kind { get; set; }

    /// <summary>The routing round it belongs to: an agent who passed in a round is not offered the chat again in it.</summary>
    public int Round { get; set; }

    public OfferState State { get; set; }
    public DateTimeOffset OfferedAt { get; set; }
    public DateTimeOffset Deadline { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Transfers: the agent who sends the chat (it stays theirs until accepted) and their note for agents only.</summary>
    public Guid? FromAgentId { get; set; }

    public string? Note { get; set; }

    /// <summary>A transfer to a department: the chat moves to it when accepted.</summary>
    public Dealers.DepartmentKind? ToDepartment { get; set; }
}

public enum RoutingStep
{
    Queued,
    Offered,
    Declined,
    TimedOut,
    Accepted,
    Withdrawn,
    Escalated,
    Missed,

    /// <summary>An agent offered their chat to a colleague or a department.</summary>
    TransferRequested,
    Transferred,
}

/// <summary>One step of a chat's way to an agent, for reports (offer-to-accept latency, missed chats).</summary>
public sealed class RoutingEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ConversationId { get; set; }
    public Guid DealerId { get; set; }
    public Guid? AgentId { get; set; }
    public RoutingStep Step { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>Escalated: the level reached; otherwise the round.</summary>
    public int Level { get; set; }
}
