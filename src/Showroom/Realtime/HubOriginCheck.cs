using Microsoft.Extensions.Options;
using Showroom.Configuration;

namespace Showroom.Realtime;

/// <summary>
/// Browsers do not apply CORS to WebSockets, so another site's page could open the agent hub with the
/// agent's cookie. Connections to the agent hub must come from Showroom's own origin, or from the extension this
/// server built (its id is fixed by the server's key; the extension signs in with its own token, not the cookie).
/// </summary>
public static class HubOriginCheck
{
    public static WebApplication UseAgentHubOriginCheck(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(AgentHub.Path)
                && context.Request.Headers.Origin.ToString() is { Length: > 0 } origin
                && !IsOwnOrigin(context, origin)
                && !await IsOwnExtensionAsync(context, origin))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            await next(context);
        });
        return app;
    }

    static async Task<bool> IsOwnExtensionAsync(HttpContext context, string origin)
    {
        const string scheme = "chrome-extension://";
        if (!origin.StartsWith(scheme, StringComparison.Ordinal))
        {
            return false;
        }
        var package = context.RequestServices.GetRequiredService<Notifications.ExtensionPackage>();
        return origin[scheme.Length..] == (await package.IdentityAsync(context.RequestAborted)).Id;
    }

    static bool IsOwnOrigin(HttpContext context, string origin)
    {
        var own = $"{context.Request.Scheme}://{context.Request.Host}";
        if (string.Equals(origin, own, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var publicUrl = context.RequestServices.GetRequiredService<IOptions<ShowroomOptions>>().Value.PublicUrl;
        return publicUrl is not null && string.Equals(origin, publicUrl.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
    }
}
