using Showroom.Configuration;

namespace Showroom.Email;

public static class EmailServices
{
    public static IServiceCollection AddShowroomEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SmtpOptions.Section);
        services.Configure<SmtpOptions>(section);
        var smtp = ConfigurationServices.Bind<SmtpOptions>(configuration, SmtpOptions.Section);
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            services.AddSingleton<IEmailSender, LogEmailSender>();
            return services;
        }
        // Fail at start, not at the first invitation.
        SmtpEmailSender.ParseSecurity(smtp.Security);
        if (smtp.Port is < 1 or > 65535)
        {
            throw new StartupException($"Smtp:Port {smtp.Port} is not a port number.");
        }
        if (!MimeKit.MailboxAddress.TryParse(smtp.From, out _))
        {
            throw new StartupException($"Smtp:From \"{smtp.From}\" is not a valid e-mail address.");
        }
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        return services;
    }
}
