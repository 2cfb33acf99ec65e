using Microsoft.Extensions.DependencyInjection.Extensions;
using Showroom.Configuration;

namespace Showroom.Notifications;

public static class WebPushServices
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Web Push (VAPID): the keys, the allow-list of push services, the outbox and its sender.</summary>
    public static IServiceCollection AddShowroomWebPush(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebPushOptions>(configuration.GetSection(WebPushOptions.Section));
        var options = ConfigurationServices.Bind<WebPushOptions>(configuration, WebPushOptions.Section);
        var allowList = WebPushAllowList.Parse(options.AllowedServices is { Count: > 0 } listed ? listed : WebPushOptions.DefaultServices);
        if (options.Subject is { } subject
            && !(Uri.TryCreate(subject, UriKind.Absolute, out var uri) && uri.Scheme is "mailto" or "https"))
        {
            throw new StartupException($"Push:Subject \"{subject}\" must be a mailto: or https: address, such as mailto:it@example-auto.com.");
        }

        services.AddSingleton(allowList);
        services.TryAddSingleton<ServerKeyStore>();
        services.AddSingleton<VapidKeys>();
        services.AddSingleton<VapidTokens>();
        services.AddSingleton<WebPushSender>();
        services.AddSingleton<WebPushOutbox>();
        services.AddHostedService(sp => sp.GetRequiredService<WebPushOutbox>());
        services.AddSingleton<WebPushOffers>();

        // The URL comes from a browser: no redirects (the allow-list holds for the first hop only), a short timeout,
        // and no HttpClient request logs (they print the URL, a capability).
        services.AddHttpClient(WebPushSender.ClientName, client => client.Timeout = Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectTimeout = Timeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .RemoveAllLoggers();
        return services;
    }
}
