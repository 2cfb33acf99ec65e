using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Showroom.Tests.Infrastructure;

/// <summary>
/// A browser's side of Web Push, written for the tests apart from the server's code: its P-256 key pair and auth
/// secret (what PushManager.subscribe makes), and the decryption a browser does (RFC 8291, aes128gcm of RFC 8188),
/// with HKDF spelled out in HMAC-SHA-256 rather than taken from the library the server uses.
/// </summary>
public sealed class PushBrowser : IDisposable
{
    public PushBrowser()
        : this(ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256), RandomNumberGenerator.GetBytes(16))
    {
    }

    public PushBrowser(ECDiffieHellman key, byte[] auth)
    {
        Key = key;
        Auth = auth;
        var q = key.ExportParameters(false).Q;
        PublicKey = [0x04, .. q.X!, .. q.Y!];
    }

    public ECDiffieHellman Key { get; }
    public byte[] Auth { get; }
    public byte[] PublicKey { get; }

    /// <summary>PushSubscription.toJSON() for an endpoint.</summary>
    public object Subscription(string endpoint) =>
        new { endpoint, expirationTime = (object?)null, keys = new { p256dh = Base64Url.EncodeToString(PublicKey), auth = Base64Url.EncodeToString(Auth) } };

    public JsonElement DecryptJson(byte[] body) => JsonSerializer.Deserialize<JsonElement>(Decrypt(body));

    public byte[] Decrypt(byte[] body)
    {
        // Header: salt(16) || rs(4) || idlen(1) || keyid (the sender's public key).
        var salt = body[..16];
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        var idLength = body[20];
        Assert.Equal(65, idLength);
        var senderPublic = body[21..(21 + idLength)];
        var record = body[(21 + idLength)..];
        Assert.True(record.Length <= recordSize, "one record, within the record size");

        using var sender = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = senderPublic[1..33], Y = senderPublic[33..] },
        });
        var ecdhSecret = Key.DeriveRawSecretAgreement(sender.PublicKey);
        var ikm = Hkdf(Auth, ecdhSecret, [.. "WebPush: info\0"u8, .. PublicKey, .. senderPublic], 32);
        var contentKey = Hkdf(salt, ikm, "Content-Encoding: aes128gcm\0"u8.ToArray(), 16);
        var nonce = Hkdf(salt, ikm, "Content-Encoding: nonce\0"u8.ToArray(), 12);

        var padded = new byte[record.Length - 16];
        using var aes = new AesGcm(contentKey, 16);
        aes.Decrypt(nonce, record[..^16], record[^16..], padded);
        // The last record ends with 0x02, then optional zero padding.
        var end = Array.FindLastIndex(padded, b => b != 0);
        Assert.Equal(0x02, padded[end]);
        return padded[..end];
    }

    /// <summary>RFC 5869 with a single output block (every length here is at most 32).</summary>
    static byte[] Hkdf(byte[] salt, byte[] inputKey, byte[] info, int length)
    {
        var prk = HMACSHA256.HashData(salt, inputKey);
        byte[] block = [.. info, 0x01];
        return HMACSHA256.HashData(prk, block)[..length];
    }

    public void Dispose() => Key.Dispose();
}
