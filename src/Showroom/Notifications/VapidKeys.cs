using System.Buffers.Text;
using System.Security.Cryptography;

namespace Showroom.Notifications;

/// <summary>
/// The server's VAPID key pair (RFC 8292), P-256: made on first start and kept in the database, so every node and
/// every restart sign with the same key and the browsers' subscriptions (bound to its public key) stay valid.
/// </summary>
public sealed class VapidKeys(ServerKeyStore store)
{
    readonly Lock _gate = new();
    Task<VapidKey>? _loading;

    public Task<VapidKey> GetAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            // A failed read (the database briefly away) is tried again by the next caller.
            if (_loading is null || _loading.IsFaulted || _loading.IsCanceled)
            {
                _loading = LoadAsync();
            }
            return _loading.WaitAsync(ct);
        }
    }

    async Task<VapidKey> LoadAsync()
    {
        var pkcs8 = await store.GetOrCreateAsync(ServerKey.Vapid, () =>
        {
            using var made = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            return made.ExportPkcs8PrivateKey();
        }, CancellationToken.None);
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(pkcs8, out _);
        return new VapidKey(key);
    }
}

/// <summary>The loaded key: its public half as browsers take it (applicationServerKey), and ES256 signing.</summary>
public sealed class VapidKey(ECDsa key)
{
    readonly Lock _gate = new();

    /// <summary>Base64url of the 65-byte uncompressed point.</summary>
    public string PublicKey { get; } = Base64Url.EncodeToString(WebPushEncryption.PublicKeyOf(key));

    /// <summary>ES256: SHA-256 and the signature as r || s (64 bytes), as JWS wants it.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        // One ECDsa instance is not documented as safe for concurrent use; signing is rare (tokens are cached).
        lock (_gate)
        {
            return key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
    }
}
