using Showroom.Configuration;

namespace Showroom.Routing;

public static class RoutingServices
{
    /// <summary>Offers: the router, the book of offers, and the sweeper that drives deadlines on every node.</summary>
    public static IServiceCollection AddShowroomRouting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RoutingOptions>(configuration.GetSection(RoutingOptions.Section));
        var options = ConfigurationServices.Bind<RoutingOptions>(configuration, RoutingOptions.Section);
        if (options.SweepInterval <= TimeSpan.Zero || options.RoundPause < TimeSpan.Zero || options.TransferTimeout <= TimeSpan.Zero
            || options.RecheckEvery <= TimeSpan.Zero)
        {
            throw new StartupException(
                "Routing:SweepInterval, Routing:RecheckEvery and Routing:TransferTimeout must be positive, Routing:RoundPause not negative.");
        }
        services.AddSingleton<RoutingWake>();
        services.AddScoped<OfferBook>();
        services.AddScoped<Router>();
        services.AddScoped<Transfers>();
        services.AddSingleton<RoutingSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<RoutingSweeper>());
        return services;
    }
}
