using Showroom.Configuration;

namespace Showroom.Email;

public static class EmailServices
{
    public static IServiceCollection AddShowroomEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SmtpOptions.Section);
        services.Configure<SmtpOptions>(section);
        var smtp = section.Get<SmtpOptions>() ?? new SmtpOptions();
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            services.AddSingleton<IEmailSender, LogEmailSender>();
            return services;
        }
        // Fail at start, not at the first invitation.
        SmtpEmailSender.ParseSecurity(smtp.Security);
        if (!MimeKit.MailboxAddress.TryParse(smtp.From, out _))
        {
            throw new StartupException($"Smtp:From \"{smtp.From}\" is not a valid e-mail address.");
        }
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        return services;
    }
}
