using System.Security.Cryptography;
using System.Text;

namespace Showroom.Notifications;

/// <summary>
/// A paired extension's token: "<device id>.<secret>". The id finds the row, the secret's hash proves it; the
/// device's connections carry the session id "device:<id>", so Revoke and the sweeps can find and close them.
/// </summary>
public static class ExtensionTokens
{
    const string SessionPrefix = "device:";

    public static (string Token, byte[] SecretHash) New(Guid deviceId)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return ($"{deviceId:N}.{secret}", Hash(secret));
    }

    public static bool TryParse(string? token, out Guid deviceId, out byte[] secretHash)
    {
        deviceId = Guid.Empty;
        secretHash = [];
        var dot = token?.IndexOf('.') ?? -1;
        if (token is null || dot != 32 || token.Length > 128 || !Guid.TryParseExact(token[..dot], "N", out deviceId))
        {
            return false;
        }
        secretHash = Hash(token[(dot + 1)..]);
        return true;
    }

    public static string SessionId(Guid deviceId) => $"{SessionPrefix}{deviceId:N}";

    public static bool TryParseSession(string? sessionId, out Guid deviceId)
    {
        deviceId = Guid.Empty;
        return sessionId is not null && sessionId.StartsWith(SessionPrefix, StringComparison.Ordinal)
            && Guid.TryParseExact(sessionId[SessionPrefix.Length..], "N", out deviceId);
    }

    static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
