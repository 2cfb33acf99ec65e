using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Showroom.Notifications;

public static class NotificationServices
{
    /// <summary>Server keys, the extension's package, and the agent hub's second way in: a paired extension's token.</summary>
    public static IServiceCollection AddShowroomNotifications(this IServiceCollection services)
    {
        services.AddSingleton<ServerKeyStore>();
        services.AddSingleton<ExtensionPackage>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ExtensionTokenHandler>(ExtensionTokenHandler.SchemeName, null)
            .AddPolicyScheme(ExtensionTokenHandler.HubScheme, null, policy => policy.ForwardDefaultSelector = context =>
                ExtensionTokenHandler.TokenOf(context.Request) is null ? IdentityConstants.ApplicationScheme : ExtensionTokenHandler.SchemeName);
        return services;
    }
}
