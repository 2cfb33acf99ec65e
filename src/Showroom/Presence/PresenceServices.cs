namespace Showroom.Presence;

public static class PresenceServices
{
    public static IServiceCollection AddShowroomPresence(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PresenceOptions>(configuration.GetSection(PresenceOptions.Section));
        services.AddSingleton<NodeIdentity>();
        services.AddScoped<PresenceService>();
        services.AddSingleton<PresenceSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<PresenceSweeper>());
        return services;
    }
}
