namespace Showroom.Notifications;

/// <summary>
/// A key the server makes on first start and keeps in the database, so every node and every restart use the same
/// one: the VAPID key pair (Web Push) and the key that fixes the extension's id.
/// </summary>
public sealed class ServerKey
{
    public const string Vapid = "vapid";
    public const string Extension = "extension";

    public required string Name { get; init; }

    /// <summary>The private key, PKCS#8 DER in base64.</summary>
    public required string Value { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
