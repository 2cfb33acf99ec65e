namespace Showroom.Email;

public sealed record EmailMessage(string To, string Subject, string TextBody);

/// <summary>The seam to the mail server: SMTP when configured, the log otherwise.</summary>
public interface IEmailSender
{
    bool IsConfigured { get; }

    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>With no SMTP host set, mail is written to the log so a developer can follow links.</summary>
public sealed class LogEmailSender(ILogger<LogEmailSender> log, IHostEnvironment environment) : IEmailSender
{
    public bool IsConfigured => false;

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        // Bodies carry one-time links: they are logged only in Development.
        if (environment.IsDevelopment())
        {
            log.LogInformation("E-mail (no SMTP server configured) to {To}: {Subject}\n{Body}", message.To, message.Subject, message.TextBody);
        }
        else
        {
            log.LogWarning("E-mail to {To} not sent: no SMTP server is configured (Smtp:Host). Subject: {Subject}", message.To, message.Subject);
        }
        return Task.CompletedTask;
    }
}
