using Showroom.Configuration;

namespace Showroom.Notifications;

/// <summary>The "Push" configuration section: Web Push (VAPID).</summary>
public sealed class WebPushOptions
{
    public const string Section = "Push";

    /// <summary>The browser vendors' push services: Chrome/Edge (FCM), Firefox, Safari, and Windows (WNS).</summary>
    public static readonly string[] DefaultServices =
    [
        "https://fcm.googleapis.com",
        "https://updates.push.services.mozilla.com",
        "https://web.push.apple.com",
        "https://*.notify.windows.com",
    ];

    /// <summary>The VAPID "sub": how a push service can reach the operator (a mailto: or https: URL).</summary>
    public string? Subject { get; set; }

    /// <summary>
    /// Origins of the push services Showroom posts to; "https://*.example.com" allows every host under example.com.
    /// Setting it replaces the defaults (null: <see cref="DefaultServices"/>).
    /// </summary>
    public List<string>? AllowedServices { get; set; }
}

/// <summary>
/// Where Showroom may post pushes. A subscription names a URL the server will call, so only https origins of known
/// push services are accepted (no server-side request forgery); a port is part of the origin.
/// </summary>
public sealed class WebPushAllowList
{
    readonly List<(string Host, bool Wildcard, int Port)> _origins;

    WebPushAllowList(List<(string, bool, int)> origins) => _origins = origins;

    /// <summary>Reads Push:AllowedServices; an entry that is not an https origin stops the start.</summary>
    public static WebPushAllowList Parse(IEnumerable<string> entries) => new(entries.Select(ParseOrigin).ToList());

    public bool Allows(Uri endpoint) =>
        endpoint is { IsAbsoluteUri: true, Scheme: "https", UserInfo: "" }
        && _origins.Any(o => o.Port == endpoint.Port && (o.Wildcard
            ? endpoint.IdnHost.EndsWith("." + o.Host, StringComparison.OrdinalIgnoreCase)
            : string.Equals(endpoint.IdnHost, o.Host, StringComparison.OrdinalIgnoreCase)));

    static (string, bool, int) ParseOrigin(string entry)
    {
        var value = entry.Trim().TrimEnd('/');
        // "*" is not a host name: parse the rest of it, and remember that subdomains are meant.
        var wildcard = value.StartsWith("https://*.", StringComparison.OrdinalIgnoreCase);
        var parsable = wildcard ? "https://" + value["https://*.".Length..] : value;
        if (!Uri.TryCreate(parsable, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new StartupException(
                $"Push:AllowedServices has \"{entry}\", which is not an https origin such as https://push.example.com or https://*.push.example.com (http is never allowed).");
        }
        return (uri.IdnHost, wildcard, uri.Port);
    }
}
