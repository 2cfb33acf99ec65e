using Showroom.Dealers;

namespace Showroom.Conversations;

/// <summary>A shopper's message left when nobody could chat: for the dealer's managers and CRM.</summary>
public sealed class Lead
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DealerId { get; set; }
    public DepartmentKind Department { get; set; }
    public Guid VisitorId { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public required string Message { get; set; }
    public string? PageUrl { get; set; }
    public VehicleOfInterest? Vehicle { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The chat nobody answered, when the form followed a missed chat.</summary>
    public Guid? ConversationId { get; set; }
}
