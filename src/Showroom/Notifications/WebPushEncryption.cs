using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Showroom.Notifications;

/// <summary>
/// Message encryption for Web Push (RFC 8291) in the aes128gcm content coding (RFC 8188), as one record: only the
/// browser holding the subscription's private key can read a push, never the push service in between.
/// </summary>
public static class WebPushEncryption
{
    const int RecordSize = 4096;
    const int KeyLength = 65;
    const int HeaderLength = 16 + 4 + 1 + KeyLength;
    const int TagLength = 16;

    /// <summary>The most a payload may hold: one 4096-byte record less its padding delimiter and tag, less the header.</summary>
    public const int MaxPlaintext = RecordSize - HeaderLength - 1 - TagLength;

    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> userAgentPublicKey, ReadOnlySpan<byte> authSecret)
    {
        // A new key pair and salt per message (RFC 8291 §3.1): the content key is never reused.
        using var sender = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        return Encrypt(plaintext, userAgentPublicKey, authSecret, sender, RandomNumberGenerator.GetBytes(16));
    }

    /// <summary>With the sender's key and salt given: the RFC's worked example fixes both.</summary>
    internal static byte[] Encrypt(
        ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> userAgentPublicKey, ReadOnlySpan<byte> authSecret, ECDiffieHellman sender, byte[] salt)
    {
        if (plaintext.Length > MaxPlaintext)
        {
            throw new ArgumentException($"A push payload holds at most {MaxPlaintext} bytes.", nameof(plaintext));
        }
        using var receiver = ImportPublicKey(userAgentPublicKey);
        var senderPublic = PublicKeyOf(sender);
        var ecdhSecret = sender.DeriveRawSecretAgreement(receiver.PublicKey);

        // IKM = HKDF(auth_secret, ecdh_secret, "WebPush: info" || 0x00 || ua_public || as_public, 32)
        byte[] keyInfo = [.. "WebPush: info\0"u8, .. userAgentPublicKey, .. senderPublic];
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, ecdhSecret, 32, authSecret.ToArray(), keyInfo);
        var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt);
        var contentKey = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, "Content-Encoding: aes128gcm\0"u8.ToArray());
        var nonce = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, "Content-Encoding: nonce\0"u8.ToArray());

        // Header: salt || rs || idlen || keyid (the sender's public key), then the one record: the plaintext and
        // the last-record delimiter 0x02, sealed, with its tag.
        var body = new byte[HeaderLength + plaintext.Length + 1 + TagLength];
        salt.CopyTo(body, 0);
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(16), RecordSize);
        body[20] = KeyLength;
        senderPublic.CopyTo(body, 21);
        byte[] record = [.. plaintext, 0x02];
        using var aes = new AesGcm(contentKey, TagLength);
        aes.Encrypt(nonce, record, body.AsSpan(HeaderLength, record.Length), body.AsSpan(HeaderLength + record.Length, TagLength));
        return body;
    }

    /// <summary>A browser's key: 65 bytes, uncompressed, on P-256 (anything else throws CryptographicException).</summary>
    public static ECDiffieHellman ImportPublicKey(ReadOnlySpan<byte> point)
    {
        if (point.Length != KeyLength || point[0] != 0x04)
        {
            throw new CryptographicException("Not an uncompressed P-256 point.");
        }
        return ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = point[1..33].ToArray(), Y = point[33..].ToArray() },
        });
    }

    public static byte[] PublicKeyOf(AsymmetricAlgorithm key)
    {
        var q = key switch
        {
            ECDiffieHellman ecdh => ecdh.ExportParameters(false).Q,
            ECDsa ecdsa => ecdsa.ExportParameters(false).Q,
            _ => throw new ArgumentException("Not an EC key.", nameof(key)),
        };
        return [0x04, .. q.X!, .. q.Y!];
    }
}
