using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Showroom.Agents;
using Showroom.Configuration;

namespace Showroom.People;

/// <summary>The "Invitations" and "PasswordReset" configuration sections.</summary>
public sealed class PeopleOptions
{
    /// <summary>How long an invitation link works (Invitations:ValidFor, default 7 days).</summary>
    public TimeSpan InvitationValidFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a password-reset link works (PasswordReset:ValidFor, default 24 hours).</summary>
    public TimeSpan ResetValidFor { get; set; } = TimeSpan.FromHours(24);
}

public static class PeopleServices
{
    public static IServiceCollection AddShowroomPeople(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new PeopleOptions();
        if (configuration["Invitations:ValidFor"] is { } invitations)
        {
            options.InvitationValidFor = Duration("Invitations:ValidFor", invitations);
        }
        if (configuration["PasswordReset:ValidFor"] is { } reset)
        {
            options.ResetValidFor = Duration("PasswordReset:ValidFor", reset);
        }
        services.AddSingleton(Options.Create(options));

        // Password-reset tokens from our provider: bound to the security stamp (so single-use) and timed by TimeProvider.
        services.AddTransient<ResetTokenProvider>();
        services.Configure<IdentityOptions>(identity =>
        {
            identity.Tokens.ProviderMap[ResetTokenProvider.Name] = new TokenProviderDescriptor(typeof(ResetTokenProvider));
            identity.Tokens.PasswordResetTokenProvider = ResetTokenProvider.Name;
        });
        services.AddScoped<PeopleAdmin>();
        return services;
    }

    static TimeSpan Duration(string key, string value) =>
        TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero && span <= TimeSpan.FromDays(90)
            ? span
            : throw new StartupException($"{key} \"{value}\" is not a duration between 00:00:01 and 90.00:00:00 (d.hh:mm:ss).");

    /// <summary>The address links in e-mails start with: Showroom:PublicUrl, or the caller's own origin.</summary>
    public static string LinkBase(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<ShowroomOptions>>().Value.PublicUrl is { } configured
            ? configured.ToString().TrimEnd('/')
            : $"{http.Request.Scheme}://{http.Request.Host}";
}
