using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Showroom.Realtime;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Realtime;

public sealed class AgentHubTests(ShowroomApp app) : IClassFixture<ShowroomApp>
{
    [Fact]
    public async Task Hub_refuses_an_anonymous_connection()
    {
        await using var anonymous = app.NewSession();
        var hub = anonymous.AgentHub();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Hub_refuses_a_page_of_another_origin()
    {
        await using var sam = await app.SignInAsync("sam@example.com");
        var hub = sam.AgentHub(options => options.Headers["Origin"] = "https://evil.example");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task Signed_in_agent_connects_from_the_consoles_origin()
    {
        await using var sam = await app.SignInAsync("sam@example.com");
        var hub = sam.AgentHub(options => options.Headers["Origin"] = app.BaseAddress.GetLeftPart(UriPartial.Authority));

        await hub.StartAsync();

        Assert.Equal(HubConnectionState.Connected, hub.State);
    }

    [Fact]
    public async Task Signing_out_closes_that_browsers_connections_only()
    {
        await using var laptop = await app.SignInAsync("jordan@example.com");
        await using var phone = await app.SignInAsync("jordan@example.com");
        var laptopTabs = new[] { laptop.AgentHub(), laptop.AgentHub() };
        var phoneHub = phone.AgentHub();
        var endedReasons = new List<string>();
        foreach (var hub in laptopTabs.Append(phoneHub))
        {
            hub.On<string>("SessionEnded", reason => { lock (endedReasons) { endedReasons.Add(reason); } });
            await hub.StartAsync();
        }
        var jordanId = Guid.Parse((await laptop.GetJsonAsync<System.Text.Json.JsonElement>("/api/me")).GetProperty("id").GetString()!);
        var registry = app.Services.GetRequiredService<AgentConnections>();
        await Eventually.TrueAsync(() => registry.CountFor(jordanId) == 3, "all three connections registered");

        using var signOut = await laptop.SignOutAsync();

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        await Eventually.TrueAsync(() => laptopTabs.All(h => h.State == HubConnectionState.Disconnected), "both laptop tabs closed");
        Assert.Equal(HubConnectionState.Connected, phoneHub.State);
        // Told why, then closed: exactly the two laptop tabs heard it.
        await Eventually.TrueAsync(() => { lock (endedReasons) { return endedReasons.Count == 2; } }, "both laptop tabs were told");
        lock (endedReasons)
        {
            Assert.Equal(["signed-out", "signed-out"], endedReasons);
        }
    }

    [Fact]
    public async Task Changing_the_password_closes_every_connection_of_the_agent()
    {
        await using var laptop = await app.SignInAsync("manager@example.com");
        await using var phone = await app.SignInAsync("manager@example.com");
        var hubs = new[] { laptop.AgentHub(), phone.AgentHub() };
        foreach (var hub in hubs)
        {
            await hub.StartAsync();
        }

        using var change = await laptop.SendAsync(HttpMethod.Post, "/api/auth/password",
            new { currentPassword = Demo.DemoData.Password, newPassword = "Manager-New-Pass-9" });

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        await Eventually.TrueAsync(() => hubs.All(h => h.State == HubConnectionState.Disconnected), "every connection closed");
        // The old cookie of the other browser cannot open a new connection.
        var again = phone.AgentHub();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => again.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }
}
