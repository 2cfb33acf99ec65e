using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Showroom.Notifications;
using Showroom.Presence;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Notifications;

/// <summary>
/// The Chrome extension's way in: a token paired through the console, accepted by the agent hub only, from the
/// extension's own origin, until it is revoked (or the password changes); and the extension built for this server.
/// </summary>
public sealed class ExtensionPairingTests : IClassFixture<ShowroomApp>
{
    const string Site = "https://downtown.example";
    readonly ShowroomApp _app;

    public ExtensionPairingTests(ShowroomApp app) => _app = app;

    async Task<(AgentSession Console, Guid DeviceId, string Token)> PairAsync(string email)
    {
        var console = await _app.SignInAsync(email);
        using var response = await console.SendAsync(HttpMethod.Post, "/api/me/devices", new { name = "Chrome on Linux" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var paired = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (console, Guid.Parse(paired.GetProperty("id").GetString()!), paired.GetProperty("token").GetString()!);
    }

    static async Task<string> ExtensionOriginAsync(AgentSession console) =>
        "chrome-extension://" + (await console.GetJsonAsync<JsonElement>("/api/extension")).GetProperty("id").GetString();

    /// <summary>A hub connection as the extension makes it: its token, its origin, no cookies.</summary>
    HubConnection ExtensionHub(string token, string origin) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(_app.BaseAddress, "/hubs/agent"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.Headers["Origin"] = origin;
                options.Transports = HttpTransportType.WebSockets;
            })
            .Build();

    [Fact]
    public async Task A_paired_extension_alone_keeps_the_agent_online_and_receives_offers()
    {
        var (console, deviceId, token) = await PairAsync("jordan@example.com");
        await using var _c = console;
        var origin = await ExtensionOriginAsync(console);
        await using var extension = ExtensionHub(token, origin);
        var offers = new List<JsonElement>();
        extension.On<JsonElement>("OfferReceived", o => { lock (offers) { offers.Add(o); } });
        await extension.StartAsync();

        // The sweep that closes connections of ended sessions leaves a live device's alone.
        await _app.Services.GetRequiredService<PresenceSweeper>().SweepAsync(CancellationToken.None);
        var me = await extension.InvokeAsync<JsonElement>("Me");
        Assert.Equal("Jordan Lee", me.GetProperty("displayName").GetString());
        Assert.True(me.GetProperty("notifications").GetProperty("extension").GetBoolean());
        await extension.InvokeAsync<JsonElement>("SetStatus", "Available");

        var widgetKey = await _app.EmbedWidgetAtAsync("Example Motors Downtown", Site);
        await using var shopper = await ShopperClient.ConnectAsync(_app, widgetKey, Site);
        var chat = (await shopper.StartAsync(new { name = "Pat" })).GetProperty("id").GetString();
        Assert.Equal(HubConnectionState.Connected, extension.State);
        await Eventually.TrueAsync(() => { lock (offers) { return offers.Any(o => o.GetProperty("conversationId").GetString() == chat); } },
            "the extension was offered the chat");

        var devices = await console.GetJsonAsync<List<JsonElement>>("/api/me/devices");
        Assert.NotEqual(JsonValueKind.Null, devices.Single(d => d.GetProperty("id").GetGuid() == deviceId).GetProperty("lastSeenAt").ValueKind);
        await extension.InvokeAsync<JsonElement>("SetStatus", "Away");
    }

    [Fact]
    public async Task Revoking_a_device_closes_its_connection_and_refuses_its_token()
    {
        var (console, deviceId, token) = await PairAsync("sam@example.com");
        await using var _c = console;
        var origin = await ExtensionOriginAsync(console);
        await using var extension = ExtensionHub(token, origin);
        var ended = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        extension.On<string>("SessionEnded", reason => ended.TrySetResult(reason));
        extension.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await extension.StartAsync();

        using (var revoke = await console.SendAsync(HttpMethod.Delete, $"/api/me/devices/{deviceId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }
        Assert.Equal("device-revoked", await ended.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(await console.GetJsonAsync<List<JsonElement>>("/api/me/devices"));

        await using var again = ExtensionHub(token, origin);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => again.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var twice = await console.SendAsync(HttpMethod.Delete, $"/api/me/devices/{deviceId}");
        Assert.Equal(HttpStatusCode.NotFound, twice.StatusCode);
    }

    [Fact]
    public async Task The_token_opens_the_agent_hub_only_from_the_servers_own_extension()
    {
        var (console, _, token) = await PairAsync("jordan@example.com");
        await using var _c = console;
        var origin = await ExtensionOriginAsync(console);

        // Another extension (or site) holding the token cannot use it.
        await using var stranger = ExtensionHub(token, "chrome-extension://" + new string('a', 32));
        var forbidden = await Assert.ThrowsAsync<HttpRequestException>(() => stranger.StartAsync());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        // The API is the console's: the token is no key to it.
        using var client = new HttpClient { BaseAddress = _app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var api = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);

        // A guessed or altered token is refused.
        await using var forged = ExtensionHub(token[..^2] + "xx", origin);
        var unauthorized = await Assert.ThrowsAsync<HttpRequestException>(() => forged.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    [Fact]
    public async Task A_password_change_ends_paired_extensions_too()
    {
        var (console, _, token) = await PairAsync("chris@example.com");
        await using var _c = console;
        var origin = await ExtensionOriginAsync(console);
        await using var extension = ExtensionHub(token, origin);
        await extension.StartAsync();

        const string newPassword = "A-new-password-42";
        using (var change = await console.SendAsync(HttpMethod.Post, "/api/auth/password", new { currentPassword = Showroom.Demo.DemoData.Password, newPassword }))
        {
            Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        }
        try
        {
            await Eventually.TrueAsync(() => extension.State == HubConnectionState.Disconnected, "the extension's connection closed");
            await using var again = ExtensionHub(token, origin);
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => again.StartAsync());
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        finally
        {
            await using var signedIn = await _app.SignInAsync("chris@example.com", newPassword);
            using var back = await signedIn.SendAsync(HttpMethod.Post, "/api/auth/password", new { currentPassword = newPassword, newPassword = Showroom.Demo.DemoData.Password });
        }
    }

    [Fact]
    public async Task Devices_are_named_limited_and_private_to_their_agent()
    {
        await using var sam = await _app.SignInAsync("sam@example.com");
        using (var blank = await sam.SendAsync(HttpMethod.Post, "/api/me/devices", new { name = " " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        }
        var (jordan, jordansDevice, _) = await PairAsync("jordan@example.com");
        await using var _j = jordan;
        using var notSams = await sam.SendAsync(HttpMethod.Delete, $"/api/me/devices/{jordansDevice}");
        Assert.Equal(HttpStatusCode.NotFound, notSams.StatusCode);
        Assert.DoesNotContain(await sam.GetJsonAsync<List<JsonElement>>("/api/me/devices"), d => d.GetProperty("id").GetGuid() == jordansDevice);

        await using var priya = await _app.SignInAsync("priya@example.com");
        for (var i = 0; i < NotificationsApi.MaxDevices; i++)
        {
            using var ok = await priya.SendAsync(HttpMethod.Post, "/api/me/devices", new { name = $"Chrome {i}" });
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }
        using var tooMany = await priya.SendAsync(HttpMethod.Post, "/api/me/devices", new { name = "One more" });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal("too_many_devices", (await tooMany.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Notification_settings_are_kept_and_every_client_hears_the_change()
    {
        await using var agent = await AgentClient.ConnectAsync(_app, "manager@example.com", status: null);
        var heard = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.Hub.On<JsonElement>("NotificationSettingsChanged", s => heard.TrySetResult(s));
        var defaults = await agent.Session.GetJsonAsync<JsonElement>("/api/me/notification-settings");
        Assert.True(defaults.GetProperty("sound").GetBoolean() && defaults.GetProperty("push").GetBoolean());

        using var put = await agent.Session.SendAsync(HttpMethod.Put, "/api/me/notification-settings",
            new { sound = false, desktop = true, extension = false, push = true });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var pushed = await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(pushed.GetProperty("sound").GetBoolean());
        var kept = await agent.Session.GetJsonAsync<JsonElement>("/api/me/notification-settings");
        Assert.False(kept.GetProperty("sound").GetBoolean());
        Assert.False(kept.GetProperty("extension").GetBoolean());
        Assert.True(kept.GetProperty("desktop").GetBoolean());

        using var restore = await agent.Session.SendAsync(HttpMethod.Put, "/api/me/notification-settings",
            new { sound = true, desktop = true, extension = true, push = true });
    }

    [Fact]
    public async Task The_extension_download_is_built_for_this_server_with_a_fixed_id()
    {
        await using var console = await _app.SignInAsync("sam@example.com");
        var info = await console.GetJsonAsync<JsonElement>("/api/extension");
        using var response = await console.Http.GetAsync("/api/extension/download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);

        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var manifest = JsonNode.Parse(await ReadAsync(zip, "manifest.json"))!;
        var origin = _app.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.Equal($"{origin}/*", manifest["host_permissions"]![0]!.GetValue<string>());
        Assert.Equal(info.GetProperty("id").GetString(), ExtensionPackage.IdFromPublicKey(Convert.FromBase64String(manifest["key"]!.GetValue<string>())));
        Assert.Equal(origin, JsonNode.Parse(await ReadAsync(zip, "server.json"))!["server"]!.GetValue<string>());
        Assert.NotNull(zip.GetEntry(manifest["background"]!["service_worker"]!.GetValue<string>()));

        // Anonymous callers get nothing.
        using var anonymous = new HttpClient { BaseAddress = _app.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/extension/download")).StatusCode);
    }

    static async Task<string> ReadAsync(ZipArchive zip, string name)
    {
        using var reader = new StreamReader((zip.GetEntry(name) ?? throw new InvalidOperationException($"{name} is missing")).Open());
        return await reader.ReadToEndAsync();
    }
}
