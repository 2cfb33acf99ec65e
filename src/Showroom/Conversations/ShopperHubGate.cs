using Microsoft.EntityFrameworkCore;
using Showroom.Data;

namespace Showroom.Conversations;

/// <summary>
/// In front of the shoppers' hub: the visitor token must be valid and the page's Origin must be one of
/// the token's dealer's website origins. WebSockets are not protected by CORS, so this is the check.
/// </summary>
public static class ShopperHubGate
{
    public static WebApplication UseShopperHubGate(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(ShopperHub.Path))
            {
                await next(context);
                return;
            }
            var origin = context.Request.Headers.Origin.ToString();
            if (HttpMethods.IsOptions(context.Request.Method))
            {
                // A preflight carries no token: it only learns that the real request may be sent,
                // and the real request is checked below.
                AllowOrigin(context, origin);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }
            var token = context.Request.Query["access_token"].ToString();
            if (string.IsNullOrEmpty(token) && context.Request.Headers.Authorization.ToString() is { } header
                && header.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                token = header["Bearer ".Length..];
            }
            var visitor = context.RequestServices.GetRequiredService<VisitorTokens>().Read(token);
            if (visitor is null)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            var db = context.RequestServices.GetRequiredService<ShowroomDb>();
            var origins = await db.Dealers.Where(d => d.Id == visitor.DealerId).Select(d => d.WebsiteOrigins).SingleOrDefaultAsync(context.RequestAborted);
            if (origins is null || !WidgetOrigins.IsAllowed(origins, origin))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            AllowOrigin(context, origin);
            context.User = VisitorTokens.Principal(visitor);
            await next(context);
        });
        return app;
    }

    public static void AllowOrigin(HttpContext context, string origin)
    {
        if (string.IsNullOrEmpty(origin))
        {
            return;
        }
        context.Response.Headers.AccessControlAllowOrigin = origin;
        context.Response.Headers.Vary = "Origin";
        context.Response.Headers.AccessControlAllowHeaders = "authorization, content-type, x-requested-with, x-signalr-user-agent";
        context.Response.Headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
        context.Response.Headers.AccessControlMaxAge = "600";
    }
}
