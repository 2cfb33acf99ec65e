namespace Showroom.Notifications;

/// <summary>A browser's Web Push subscription (RFC 8030) for one agent: where to post, and the keys to encrypt for it (RFC 8291).</summary>
public sealed class WebPushSubscription
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AgentId { get; set; }

    /// <summary>The push service's URL for this browser; only https URLs of allowed push services are stored.</summary>
    public required string Endpoint { get; set; }

    /// <summary>The browser's P-256 public key (base64url, 65 bytes uncompressed).</summary>
    public required string P256dh { get; set; }

    /// <summary>The browser's 16-byte authentication secret (base64url).</summary>
    public required string Auth { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }
}
