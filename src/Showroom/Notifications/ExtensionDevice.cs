namespace Showroom.Notifications;

/// <summary>
/// A paired copy of the Chrome extension: it connects to the agent hub with a token scoped to this agent and
/// device. Only the token's hash is stored; a changed password (security stamp) or Revoke ends it.
/// </summary>
public sealed class ExtensionDevice
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AgentId { get; init; }
    public required string Name { get; set; }

    /// <summary>SHA-256 of the token's secret part.</summary>
    public required byte[] SecretHash { get; init; }

    /// <summary>The agent's security stamp when paired: a password change revokes every device.</summary>
    public required string AgentStamp { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastSeenAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
