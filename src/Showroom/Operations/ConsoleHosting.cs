namespace Showroom.Operations;

/// <summary>Serves the built browser clients from wwwroot/app and the console's page for its client-side routes.</summary>
public static class ConsoleHosting
{
    const string ConsolePage = "app/console/index.html";

    public static WebApplication UseBrowserClients(this WebApplication app)
    {
        // A folder's index.html answers its address (the demo dealer site at /app/demo/).
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                // Bundles are loaded by content-hashed URLs and kept for a year. Files loaded by a fixed URL
                // (pages, the widget loader that dealers embed, the extension's files) are revalidated.
                var headers = context.Context.Response.Headers;
                var fixedUrl = context.File.Name.EndsWith(".html", StringComparison.Ordinal)
                    || context.File.Name is "loader.js" or "manifest.json"
                    || context.Context.Request.Path.StartsWithSegments("/app/extension")
                    || !context.Context.Request.QueryString.HasValue;
                headers.CacheControl = fixedUrl ? "no-cache" : "public, max-age=31536000, immutable";
            },
        });
        return app;
    }

    public static WebApplication MapConsole(this WebApplication app)
    {
        // Unknown /api and /hubs paths stay 404, as do missing files; every other path is a console route.
        app.MapFallback("/api/{**path}", () => TypedResults.NotFound());
        app.MapFallback("/hubs/{**path}", () => TypedResults.NotFound());
        app.MapFallbackToFile(ConsolePage, new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers.CacheControl = "no-cache";
                context.Context.Response.Headers["Content-Security-Policy"] =
                    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
                context.Context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Context.Response.Headers["Referrer-Policy"] = "same-origin";
            },
        });
        return app;
    }
}
