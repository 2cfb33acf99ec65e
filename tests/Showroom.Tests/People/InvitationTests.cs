using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.People;

public sealed class InvitationTests
{
    [Fact]
    public async Task Invitation_mailed_through_smtp_is_followed_to_a_password_and_a_sign_in_once()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = ShowroomApp.Create(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Showroom:PublicUrl"] = "https://chat.example.com",
        });
        var dealers = await People.DealerIdsAsync(app);
        await using var manager = await app.SignInAsync("manager@example.com");
        var sales = await People.DepartmentIdAsync(manager, dealers["Example Motors Downtown"], "Sales");

        using var invited = await manager.SendAsync(HttpMethod.Post, "/api/invitations", new
        {
            email = "new.agent@example.com", firstName = "Nina", role = "Agent",
            dealerIds = new[] { dealers["Example Motors Downtown"] }, departmentIds = new[] { sales }, chatLimit = 3,
        });

        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var body = await invited.ReadJsonAsync();
        Assert.True(body.GetProperty("emailed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("inviteUrl").ValueKind);
        var mail = await sink.WaitForMessageAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("To: new.agent@example.com", mail, StringComparison.Ordinal);
        var link = Regex.Match(mail, @"https://chat\.example\.com/invite/[A-Za-z0-9_-]+").Value;
        Assert.NotEmpty(link);
        var token = People.TokenOf(link);

        await using var browser = app.NewSession();
        var preview = await browser.GetJsonAsync<JsonElement>($"/api/invitations/{token}");
        Assert.Equal("new.agent@example.com", preview.GetProperty("email").GetString());
        Assert.Equal(["Example Motors Downtown"], preview.GetProperty("dealerNames").EnumerateArray().Select(d => d.GetString()));
        using var accepted = await browser.SendAsync(HttpMethod.Post, $"/api/invitations/{token}/accept",
            new { firstName = "Nina", lastName = "Novak", password = "nina-password-1", timeZone = "America/Chicago" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("Agent", (await accepted.ReadJsonAsync()).GetProperty("role").GetString());

        await using var nina = await app.SignInAsync("new.agent@example.com", "nina-password-1");
        var people = await manager.GetJsonAsync<JsonElement>($"/api/dealers/{dealers["Example Motors Downtown"]}/people");
        var row = people.EnumerateArray().Single(p => p.GetProperty("email").GetString() == "new.agent@example.com");
        Assert.Equal("Active", row.GetProperty("status").GetString());
        Assert.Equal(3, row.GetProperty("chatLimit").GetInt32());
        Assert.Equal(["Sales"], row.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("kind").GetString()));

        await using var again = app.NewSession();
        Assert.Equal(HttpStatusCode.NotFound, (await again.Http.GetAsync($"/api/invitations/{token}")).StatusCode);
        using var second = await again.SendAsync(HttpMethod.Post, $"/api/invitations/{token}/accept",
            new { firstName = "Eve", lastName = "Evil", password = "evil-password-1", timeZone = "UTC" });
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal("invitation_invalid", (await second.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Without_a_mail_server_the_manager_gets_the_link_and_the_rules_hold()
    {
        await using var app = ShowroomApp.Create(null);
        var dealers = await People.DealerIdsAsync(app);
        var downtown = dealers["Example Motors Downtown"];
        await using var manager = await app.SignInAsync("manager@example.com");
        await using var sam = await app.SignInAsync("sam@example.com");

        using var link = await manager.SendAsync(HttpMethod.Post, "/api/invitations", new { email = "pat@example.com", role = "Manager", dealerIds = new[] { downtown } });
        using var admin = await manager.SendAsync(HttpMethod.Post, "/api/invitations", new { email = "boss@example.com", role = "Admin", dealerIds = new[] { downtown } });
        using var taken = await manager.SendAsync(HttpMethod.Post, "/api/invitations", new { email = "sam@example.com", role = "Agent", dealerIds = new[] { downtown } });
        using var noDealer = await manager.SendAsync(HttpMethod.Post, "/api/invitations", new { email = "x@example.com", role = "Agent", dealerIds = Array.Empty<string>(), chatLimit = 21 });
        using var byAgent = await sam.SendAsync(HttpMethod.Post, "/api/invitations", new { email = "y@example.com", role = "Agent", dealerIds = new[] { downtown } });

        Assert.Equal(HttpStatusCode.Created, link.StatusCode);
        var inviteUrl = (await link.ReadJsonAsync()).GetProperty("inviteUrl").GetString()!;
        Assert.StartsWith(app.BaseAddress.ToString().TrimEnd('/') + "/invite/", inviteUrl, StringComparison.Ordinal);
        Assert.Equal(["not_allowed"], (await admin.ReadJsonAsync()).GetProperty("errors").GetProperty("role").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("email_taken", (await taken.ReadJsonAsync()).GetProperty("code").GetString());
        var errors = (await noDealer.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal(["chatLimit", "dealerIds"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);

        var people = await manager.GetJsonAsync<JsonElement>($"/api/dealers/{downtown}/people");
        var pending = people.EnumerateArray().Single(p => p.GetProperty("status").GetString() == "Invited");
        Assert.Equal("pat@example.com", pending.GetProperty("email").GetString());
        using var revoked = await manager.SendAsync(HttpMethod.Delete, $"/api/invitations/{pending.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        var token = People.TokenOf(inviteUrl);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Http.GetAsync($"/api/invitations/{token}")).StatusCode);
    }

    [Fact]
    public async Task An_invitation_link_expires_after_its_configured_time()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = ShowroomApp.Create(new Dictionary<string, string?> { ["Invitations:ValidFor"] = "2.00:00:00" }, clock);
        var dealers = await People.DealerIdsAsync(app);
        await using var manager = await app.SignInAsync("manager@example.com");
        using var invited = await manager.SendAsync(HttpMethod.Post, "/api/invitations",
            new { email = "late@example.com", role = "Agent", dealerIds = new[] { dealers["Example Motors Lakeside"] } });
        var token = People.TokenOf((await invited.ReadJsonAsync()).GetProperty("inviteUrl").GetString()!);
        await using var browser = app.NewSession();
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync($"/api/invitations/{token}")).StatusCode);

        clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.NotFound, (await browser.Http.GetAsync($"/api/invitations/{token}")).StatusCode);
        using var accepted = await browser.SendAsync(HttpMethod.Post, $"/api/invitations/{token}/accept",
            new { firstName = "Late", lastName = "Larry", password = "late-password-1", timeZone = "UTC" });
        Assert.Equal(HttpStatusCode.NotFound, accepted.StatusCode);
    }
}
