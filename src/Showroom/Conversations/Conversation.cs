using Showroom.Dealers;

namespace Showroom.Conversations;

public enum ConversationStatus
{
    /// <summary>In line or being offered: no agent yet.</summary>
    Waiting,
    Active,
    Ended,

    /// <summary>Nobody accepted it within the missed-chat limit; the shopper was offered the lead form. Final, like Ended.</summary>
    Missed,
}

public enum SenderKind
{
    Shopper,
    Agent,
    System,
}

/// <summary>What the shopper is looking at, read from the dealer's page.</summary>
public sealed record VehicleOfInterest(
    int? Year, string? Make, string? Model, string? Trim, string? Vin, string? StockNumber, string? Condition, decimal? Price);

/// <summary>A page of the dealer's site the shopper opened during the chat.</summary>
public sealed record PageVisit(string Url, string? Title, DateTimeOffset At);

/// <summary>A chat between one visitor of a dealer's site and the dealership.</summary>
public sealed class Conversation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DealerId { get; set; }
    public DepartmentKind Department { get; set; }
    public Guid VisitorId { get; set; }
    public ConversationStatus Status { get; set; }
    public Guid? AssignedAgentId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The sequence number of the newest message; the next one gets LastSeq + 1.</summary>
    public long LastSeq { get; set; }

    public string? ShopperName { get; set; }
    public string? ShopperEmail { get; set; }
    public string? ShopperPhone { get; set; }
    public string? PageUrl { get; set; }
    public string? PageTitle { get; set; }
    public VehicleOfInterest? Vehicle { get; set; }

    /// <summary>The pages the shopper opened while chatting, oldest first (the last <see cref="MaxPagesKept"/>).</summary>
    public List<PageVisit> PagesVisited { get; set; } = [];

    public const int MaxPagesKept = 30;

    /// <summary>The address the shopper started from (behind trusted proxies, the client's): for blocking abuse.</summary>
    public string? ShopperIp { get; set; }

    /// <summary>The visitor chatted with this dealer before.</summary>
    public bool ReturningShopper { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>Read receipts: each side has read up to this seq.</summary>
    public long ShopperReadSeq { get; set; }
    public long AgentReadSeq { get; set; }

    /// <summary>The transcript was e-mailed to the shopper (once per chat).</summary>
    public DateTimeOffset? TranscriptSentAt { get; set; }

    /// <summary>The last time a tab of the shopper was connected: a chat whose shopper is gone long enough is closed.</summary>
    public DateTimeOffset ShopperSeenAt { get; set; }

    /// <summary>How the chat is being routed while Waiting (see Routing).</summary>
    public RoutingState Routing { get; set; } = new();

    public bool IsOpen => Status is ConversationStatus.Waiting or ConversationStatus.Active;
}

/// <summary>
/// Where a waiting chat stands in routing. <see cref="Stamp"/> is bumped by every routing decision in the
/// same conditional update that checks it, so two nodes deciding for the same chat at once cannot both win.
/// </summary>
public sealed class RoutingState
{
    /// <summary>When the chat entered the line (again, for a chat handed back): queue order and the missed-chat limit count from here.</summary>
    public DateTimeOffset QueuedAt { get; set; }

    /// <summary>Offered with transfer eligibility (Available or Away), e.g. handed back when its agent went Offline.</summary>
    public bool IsTransfer { get; set; }

    /// <summary>Within a round an agent who passed (declined or timed out) is not offered the chat again.</summary>
    public int Round { get; set; }

    /// <summary>0: the department; then the escalation steps the department enables, in order.</summary>
    public int EscalationLevel { get; set; }

    /// <summary>When routing must look at this chat again (an offer deadline, an escalation, the missed-chat limit).</summary>
    public DateTimeOffset? NextAt { get; set; }

    /// <summary>A returning shopper's previous agent, offered first when eligible.</summary>
    public Guid? PreferredAgentId { get; set; }

    public long Stamp { get; set; }
}

/// <summary>One message. (ConversationId, ClientMessageId) is unique: a retried send finds the stored one.</summary>
public sealed class ChatMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ConversationId { get; set; }
    public Guid DealerId { get; set; }
    public long Seq { get; set; }
    public required string ClientMessageId { get; set; }
    public SenderKind Sender { get; set; }
    public Guid? SenderAgentId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset SentAt { get; set; }
}
