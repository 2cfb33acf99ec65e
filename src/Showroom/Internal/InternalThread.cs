namespace Showroom.Internal;

public enum ThreadKind
{
    /// <summary>Two agents of a dealer.</summary>
    Direct,

    /// <summary>Everyone at a dealer; its id is the dealer's id, so there is exactly one.</summary>
    TeamRoom,
}

/// <summary>An agents-only chat. Direct threads hold their two agents in a fixed order (the smaller id first).</summary>
public sealed class InternalThread
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DealerId { get; set; }
    public ThreadKind Kind { get; set; }
    public Guid? AgentA { get; set; }
    public Guid? AgentB { get; set; }
    public long LastSeq { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One message of an internal thread: stored once per client id, numbered without gaps, like customer chats.</summary>
public sealed class InternalMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ThreadId { get; set; }
    public long Seq { get; set; }
    public required string ClientMessageId { get; set; }
    public Guid AgentId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

/// <summary>How far one agent has read one thread: unread counts for Do Not Disturb and for the next sign-in.</summary>
public sealed class InternalReadMark
{
    public Guid ThreadId { get; set; }
    public Guid AgentId { get; set; }
    public long ReadSeq { get; set; }
}
