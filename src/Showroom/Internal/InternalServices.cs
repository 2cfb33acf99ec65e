namespace Showroom.Internal;

public static class InternalServices
{
    /// <summary>Agents-only chats: direct threads and team rooms.</summary>
    public static IServiceCollection AddShowroomInternalChats(this IServiceCollection services) => services.AddScoped<InternalChats>();
}
