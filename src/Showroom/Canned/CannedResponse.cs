namespace Showroom.Canned;

/// <summary>
/// A reply an agent inserts with "/shortcut": personal (<see cref="AgentId"/> set) or for everyone at a dealer
/// (<see cref="DealerId"/> set, kept by its managers). Exactly one of the two is set.
/// </summary>
public sealed class CannedResponse
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid? DealerId { get; set; }
    public Guid? AgentId { get; set; }
    public required string Shortcut { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
