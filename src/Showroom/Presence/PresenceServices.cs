using Showroom.Configuration;

namespace Showroom.Presence;

public static class PresenceServices
{
    public static IServiceCollection AddShowroomPresence(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PresenceOptions>(configuration.GetSection(PresenceOptions.Section));
        var options = ConfigurationServices.Bind<PresenceOptions>(configuration, PresenceOptions.Section);
        if (options.SweepInterval <= TimeSpan.Zero || options.GracePeriod < TimeSpan.Zero)
        {
            throw new StartupException("Presence:SweepInterval must be positive and Presence:GracePeriod not negative.");
        }
        if (options.LeaseDuration <= options.SweepInterval)
        {
            throw new StartupException("Presence:LeaseDuration must be longer than Presence:SweepInterval, or live connections would expire between renewals.");
        }
        services.AddSingleton<NodeIdentity>();
        services.AddScoped<PresenceService>();
        services.AddSingleton<PresenceSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<PresenceSweeper>());
        return services;
    }
}
