using Showroom.Configuration;

namespace Showroom.Conversations;

public static class ConversationServices
{
    /// <summary>The shoppers' side: visitor tokens, the message store, conversation rules and hub rate limits.</summary>
    public static IServiceCollection AddShowroomConversations(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ConversationOptions>(configuration.GetSection(ConversationOptions.Section));
        var options = ConfigurationServices.Bind<ConversationOptions>(configuration, ConversationOptions.Section);
        if (options.AbandonAfter <= TimeSpan.Zero || options.SweepInterval <= TimeSpan.Zero)
        {
            throw new StartupException("Conversations:AbandonAfter and Conversations:SweepInterval must be positive.");
        }
        services.AddSingleton<VisitorTokens>();
        services.AddScoped<MessageStore>();
        services.AddScoped<ConversationService>();
        services.AddScoped<LiveSignals>();
        services.AddScoped<Transcripts>();
        services.AddScoped<PrivateNotes>();
        services.AddSingleton<ShopperConnections>();
        services.AddSingleton<ConversationSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<ConversationSweeper>());
        services.AddSingleton<ShopperRateLimits>();
        return services;
    }
}
