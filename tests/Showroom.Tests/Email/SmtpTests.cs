using System.Net;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Email;

public sealed class SmtpTests
{
    [Fact]
    public async Task Test_message_sent_through_the_smtp_setting_arrives_at_the_server()
    {
        await using var sink = await SmtpSink.StartAsync(requireAuth: true);
        await using var app = ShowroomApp.Create(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:Username"] = "showroom",
            ["Smtp:Password"] = "secret",
            ["Smtp:From"] = "Showroom <showroom@example.com>",
        });
        await using var admin = await app.SignInAsync("admin@example.com");

        var status = await admin.GetJsonAsync<System.Text.Json.JsonElement>("/api/admin/mail");
        using var response = await admin.SendAsync(HttpMethod.Post, "/api/admin/mail/test", new { to = "it@example.com" });

        Assert.True(status.GetProperty("configured").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var message = await sink.WaitForMessageAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("Subject: Showroom test message", message, StringComparison.Ordinal);
        Assert.Contains("To: it@example.com", message, StringComparison.Ordinal);
        Assert.Contains("showroom@example.com", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_mail_server_is_a_clear_error_not_a_crash()
    {
        await using var app = ShowroomApp.Create(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = TestEnvironment.FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
        });
        await using var admin = await app.SignInAsync("admin@example.com");

        using var response = await admin.SendAsync(HttpMethod.Post, "/api/admin/mail/test", new { to = "it@example.com" });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("The mail server did not accept the message.", (await response.ReadJsonAsync()).GetProperty("title").GetString());
    }
}
