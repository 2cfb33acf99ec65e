namespace Showroom.Conversations;

public static class ConversationServices
{
    /// <summary>The shoppers' side: visitor tokens, the message store, conversation rules and hub rate limits.</summary>
    public static IServiceCollection AddShowroomConversations(this IServiceCollection services)
    {
        services.AddSingleton<VisitorTokens>();
        services.AddScoped<MessageStore>();
        services.AddScoped<ConversationService>();
        services.AddSingleton<ShopperRateLimits>();
        return services;
    }
}
