using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Showroom.Configuration;

namespace Showroom.Notifications;

/// <summary>
/// The VAPID Authorization header (RFC 8292): "vapid t=&lt;JWT&gt;, k=&lt;public key&gt;", the JWT signed with ES256 for the
/// push service's origin. A token lives 12 hours and is reused for an hour per origin, so a burst of offers costs
/// one signature, not one per push.
/// </summary>
public sealed class VapidTokens(VapidKeys keys, TimeProvider clock, IOptions<WebPushOptions> push, IOptions<ShowroomOptions> showroom)
{
    static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);
    static readonly TimeSpan ReuseFor = TimeSpan.FromHours(1);
    static readonly string Header = Base64Url.EncodeToString("""{"typ":"JWT","alg":"ES256"}"""u8);

    readonly ConcurrentDictionary<string, (string Value, DateTimeOffset RenewAt)> _cache = new(StringComparer.Ordinal);

    /// <summary>Push:Subject, else Showroom:PublicUrl when https, else a local mailbox (fine for tests; set it in production).</summary>
    public string Subject => SubjectOf(push.Value, showroom.Value);

    public static string SubjectOf(WebPushOptions push, ShowroomOptions showroom) =>
        push.Subject ?? (showroom.PublicUrl is { Scheme: "https" } url ? url.GetLeftPart(UriPartial.Authority) : "mailto:admin@localhost");

    public async Task<string> AuthorizationAsync(Uri endpoint, CancellationToken ct)
    {
        var audience = endpoint.GetLeftPart(UriPartial.Authority);
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(audience, out var cached) && now < cached.RenewAt && now > cached.RenewAt - ReuseFor)
        {
            return cached.Value;
        }
        var key = await keys.GetAsync(ct);
        var claims = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["aud"] = audience,
            ["exp"] = (now + Lifetime).ToUnixTimeSeconds(),
            ["sub"] = Subject,
        });
        var signingInput = $"{Header}.{Base64Url.EncodeToString(claims)}";
        var token = $"{signingInput}.{Base64Url.EncodeToString(key.Sign(Encoding.ASCII.GetBytes(signingInput)))}";
        var value = $"vapid t={token}, k={key.PublicKey}";
        if (_cache.Count > 1000)
        {
            // Wildcard services can have many hosts; a full cache just starts again.
            _cache.Clear();
        }
        _cache[audience] = (value, now + ReuseFor);
        return value;
    }
}
