using Showroom.Agents;

namespace Showroom.People;

/// <summary>
/// A one-time link that lets a person set their password and join as an agent. Only the token's hash is
/// stored; the token itself is in the e-mail (or shown once to the inviting manager).
/// </summary>
public sealed class Invitation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Email { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public AgentRole Role { get; set; }
    public List<Guid> DealerIds { get; set; } = [];
    public List<Guid> DepartmentIds { get; set; } = [];
    public int? ChatLimit { get; set; }

    /// <summary>SHA-256 of the token, hex.</summary>
    public required string TokenHash { get; init; }
    public Guid InvitedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public Guid? AgentId { get; set; }
}
