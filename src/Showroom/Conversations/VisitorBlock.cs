namespace Showroom.Conversations;

/// <summary>An abusive shopper, blocked at one dealer by visitor and by address; a manager may lift it.</summary>
public sealed class VisitorBlock
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DealerId { get; set; }
    public Guid VisitorId { get; set; }
    public string? Ip { get; set; }
    public required string Reason { get; set; }
    public Guid BlockedBy { get; set; }
    public DateTimeOffset BlockedAt { get; set; }
    public DateTimeOffset? LiftedAt { get; set; }
    public Guid? LiftedBy { get; set; }
}
