using Showroom.Dealers;

namespace Showroom.Conversations;

public enum ConversationStatus
{
    Waiting,
    Active,
    Ended,
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
