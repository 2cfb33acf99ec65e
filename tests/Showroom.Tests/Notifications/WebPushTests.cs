using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Showroom.Data;
using Showroom.Notifications;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Notifications;

/// <summary>
/// Web Push against a push service the test runs on loopback (https, its own certificate): offers and their closing
/// arrive encrypted (RFC 8291) with a valid VAPID signature (RFC 8292), by the same status rules as the hub's offers;
/// dead subscriptions are dropped; the API accepts only allowed https push services and well-formed keys.
/// Downtown's people: Sam (Sales, Service), Jordan (Sales, Finance), Maria (manager; Sales); Lakeside's: Priya.
/// </summary>
public sealed class WebPushTests : IAsyncLifetime
{
    const string Site = "https://downtown.example";
    readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    readonly List<PushBrowser> _browsers = [];
    LocalPushService _push = null!;
    ShowroomApp _app = null!;
    string _widgetKey = null!;

    public async Task InitializeAsync()
    {
        _push = await LocalPushService.StartAsync();
        _app = ShowroomApp.Create(new Dictionary<string, string?> { ["Push:AllowedServices:0"] = _push.Origin }, _clock, _push.Trust);
        await _app.InitializeAsync();
        _widgetKey = await _app.EmbedWidgetAtAsync("Example Motors Downtown", Site);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _push.DisposeAsync();
        _browsers.ForEach(b => b.Dispose());
    }

    /// <summary>Subscribes a new browser of the agent at the local push service's endpoint "/push/{name}".</summary>
    async Task<PushBrowser> SubscribeAsync(AgentSession agent, string name)
    {
        var browser = new PushBrowser();
        _browsers.Add(browser);
        using var response = await agent.SendAsync(HttpMethod.Post, "/api/me/push-subscriptions", browser.Subscription(_push.Endpoint(name)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return browser;
    }

    /// <summary>Waits for a push to that endpoint whose decrypted JSON matches.</summary>
    async Task<(ReceivedPush Push, JsonElement Json)> PushedAsync(string name, PushBrowser browser, Func<JsonElement, bool> matches, string what)
    {
        (ReceivedPush, JsonElement) found = default;
        await Eventually.TrueAsync(() =>
        {
            foreach (var push in _push.To(name))
            {
                var json = browser.DecryptJson(push.Body);
                if (matches(json))
                {
                    found = (push, json);
                    return true;
                }
            }
            return false;
        }, what);
        return found;
    }

    static Func<JsonElement, bool> OfferFor(string conversationId) =>
        json => json.GetProperty("type").GetString() == "offer" && json.GetProperty("conversationId").GetString() == conversationId;

    Task<ShopperClient> ShopperAsync() => ShopperClient.ConnectAsync(_app, _widgetKey, Site);

    /// <summary>Every stored subscription, read straight from the database.</summary>
    List<WebPushSubscription> Subscriptions()
    {
        using var scope = _app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ShowroomDb>().WebPushSubscriptions.AsNoTracking().ToList();
    }

    static string IdOf(JsonElement element) => element.GetProperty("id").GetString()!;

    /// <summary>Lets anything already sent arrive: used before asserting that something was NOT sent, after a positive control.</summary>
    static Task SettleAsync() => Task.Delay(300);

    [Fact]
    public async Task An_Available_agent_gets_an_encrypted_offer_push_signed_with_VAPID_and_a_closing_push_when_they_accept()
    {
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        var browser = await SubscribeAsync(sam.Session, "sam");
        await using var shopper = await ShopperAsync();

        var chat = IdOf(await shopper.StartAsync(new { name = "Jane Doe", vehicle = new { year = 2024, make = "Honda", model = "Civic" } }));
        var offer = await sam.OfferOfAsync(chat);
        var (push, json) = await PushedAsync("sam", browser, OfferFor(chat), "Sam's offer push");

        Assert.Equal(IdOf(offer), json.GetProperty("offerId").GetString());
        Assert.Equal("Chat", json.GetProperty("kind").GetString());
        Assert.Equal("Chat offer: Jane Doe", json.GetProperty("title").GetString());
        Assert.Equal("Example Motors Downtown · Sales · 2024 Honda Civic", json.GetProperty("body").GetString());
        Assert.Equal("/", json.GetProperty("url").GetString());

        Assert.Equal("aes128gcm", push.Headers["Content-Encoding"]);
        Assert.Equal("application/octet-stream", push.Headers["Content-Type"]);
        Assert.Equal("high", push.Headers["Urgency"]);
        Assert.InRange(int.Parse(push.Headers["TTL"], System.Globalization.CultureInfo.InvariantCulture), 30, 3600);
        var publicKey = (await sam.Session.GetJsonAsync<JsonElement>("/api/push/public-key")).GetProperty("publicKey").GetString();
        var claims = VerifiedVapid(push.Headers["Authorization"], publicKey!);
        Assert.Equal(_push.Origin, claims.GetProperty("aud").GetString());
        var expires = DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64());
        Assert.InRange(expires, _clock.GetUtcNow(), _clock.GetUtcNow().AddHours(24));
        Assert.False(string.IsNullOrWhiteSpace(claims.GetProperty("sub").GetString()));

        await sam.AcceptAsync(offer);
        await PushedAsync("sam", browser, j => j.GetProperty("type").GetString() == "offer-closed" && j.GetProperty("offerId").GetString() == IdOf(offer),
            "the push that closes Sam's offer notification");
        await Eventually.TrueAsync(() => Subscriptions().Single().LastSuccessAt is not null, "the browser's last success is stamped");
        var listed = Assert.Single(await sam.Session.GetJsonAsync<List<JsonElement>>("/api/me/push-subscriptions"));
        Assert.Equal(JsonValueKind.String, listed.GetProperty("lastSuccessAt").ValueKind);
    }

    [Fact]
    public async Task Nothing_is_pushed_to_agents_who_may_not_receive_the_offer_or_have_push_off()
    {
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com", "Away");
        await using var jordan = await AgentClient.ConnectAsync(_app, "jordan@example.com", "DoNotDisturb");
        await using var priya = await AgentClient.ConnectAsync(_app, "priya@example.com");
        await using var maria = await AgentClient.ConnectAsync(_app, "manager@example.com");
        var sams = await SubscribeAsync(sam.Session, "sam");
        await SubscribeAsync(jordan.Session, "jordan");
        await SubscribeAsync(priya.Session, "priya");
        await SubscribeAsync(maria.Session, "maria");
        await SetPushAsync(maria.Session, false);
        await using var shopper = await ShopperAsync();

        var chat = IdOf(await shopper.StartAsync(new { name = "Pat" }));
        await maria.OfferOfAsync(chat);
        // The positive control: once Sam may take the chat, it is offered and pushed to him.
        await sam.Hub.InvokeAsync<JsonElement>("SetStatus", "Available");
        var samsOffer = await sam.OfferOfAsync(chat);
        var (_, pushed) = await PushedAsync("sam", sams, OfferFor(chat), "Sam's push once he is Available");
        await SettleAsync();

        Assert.Equal(IdOf(samsOffer), pushed.GetProperty("offerId").GetString());
        Assert.Single(_push.To("sam"));
        Assert.Empty(_push.To("jordan"));
        Assert.Empty(_push.To("priya"));
        Assert.Empty(_push.To("maria"));
        Assert.False(jordan.WasOffered(chat) || priya.WasOffered(chat));
    }

    [Fact]
    public async Task An_Away_agent_gets_a_push_for_a_transfer_offer()
    {
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        await using var jordan = await AgentClient.ConnectAsync(_app, "jordan@example.com", "Away");
        var browser = await SubscribeAsync(jordan.Session, "jordan");
        await using var shopper = await ShopperAsync();
        var chat = IdOf(await shopper.StartAsync(new { name = "Pat", pageTitle = "Service specials" }));
        await sam.TakeAsync(chat);

        await sam.Hub.InvokeAsync<string>("Transfer", Guid.Parse(chat), new { toAgentId = jordan.Id, note = "Wants financing" });
        var offer = await jordan.OfferOfAsync(chat);
        var (_, json) = await PushedAsync("jordan", browser, OfferFor(chat), "Jordan's transfer offer push");

        Assert.Equal(IdOf(offer), json.GetProperty("offerId").GetString());
        Assert.Equal("Transfer", json.GetProperty("kind").GetString());
        Assert.Equal("Transfer offer: Pat", json.GetProperty("title").GetString());
        Assert.Equal("Example Motors Downtown · Sales · Service specials", json.GetProperty("body").GetString());
        // The chat's first offer (a customer chat) never reached Away Jordan: only the transfer was pushed.
        Assert.Single(_push.To("jordan"), p => browser.DecryptJson(p.Body).GetProperty("type").GetString() == "offer");
    }

    [Fact]
    public async Task A_subscription_the_push_service_answers_Gone_is_dropped_and_the_others_stay()
    {
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        _push.Gone["old-laptop"] = true;
        await SubscribeAsync(sam.Session, "old-laptop");
        var live = await SubscribeAsync(sam.Session, "phone");
        await using var shopper = await ShopperAsync();

        var chat = IdOf(await shopper.StartAsync());
        await PushedAsync("phone", live, OfferFor(chat), "the live browser's push");
        await Eventually.TrueAsync(() => _push.To("old-laptop").Any(), "the push to the gone browser");

        await Eventually.TrueAsync(() => Subscriptions().Count == 1, "the gone subscription is dropped");
        Assert.Equal(_push.Endpoint("phone"), Subscriptions().Single().Endpoint);
        Assert.Single(await sam.Session.GetJsonAsync<List<JsonElement>>("/api/me/push-subscriptions"));
    }

    [Fact]
    public async Task The_API_accepts_only_https_push_services_on_the_allow_list_and_well_formed_keys()
    {
        await using var sam = await _app.SignInAsync("sam@example.com");
        using var browser = new PushBrowser();
        var port = new Uri(_push.Origin).Port;

        foreach (var endpoint in new[]
        {
            $"http://127.0.0.1:{port}/push/plain",
            "https://push.attacker.example/push/x",
            $"https://127.0.0.1:{port + 1}/push/other-port",
            "https://fcm.googleapis.com/fcm/send/abc",
        })
        {
            using var refused = await sam.SendAsync(HttpMethod.Post, "/api/me/push-subscriptions", browser.Subscription(endpoint));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("push_endpoint_not_allowed", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }

        var notOnCurve = Base64Url.EncodeToString([0x04, .. Enumerable.Repeat((byte)7, 64)]);
        await AssertFieldErrorAsync(sam, new { endpoint = _push.Endpoint("x"), keys = new { p256dh = notOnCurve, auth = B64(16) } }, "keys.p256dh", "invalid");
        await AssertFieldErrorAsync(sam, new { endpoint = _push.Endpoint("x"), keys = new { p256dh = B64(33), auth = B64(16) } }, "keys.p256dh", "invalid");
        await AssertFieldErrorAsync(sam, new { endpoint = _push.Endpoint("x"), keys = new { p256dh = Base64Url.EncodeToString(browser.PublicKey), auth = B64(15) } }, "keys.auth", "invalid");
        await AssertFieldErrorAsync(sam, new { endpoint = "not a url", keys = new { p256dh = Base64Url.EncodeToString(browser.PublicKey), auth = B64(16) } }, "endpoint", "invalid");
        await AssertFieldErrorAsync(sam, new { endpoint = _push.Endpoint(new string('a', 2048)), keys = new { p256dh = Base64Url.EncodeToString(browser.PublicKey), auth = B64(16) } }, "endpoint", "too_long");
        await AssertFieldErrorAsync(sam, new { endpoint = _push.Endpoint("x") }, "keys.p256dh", "required");
        Assert.Empty(await sam.GetJsonAsync<List<JsonElement>>("/api/me/push-subscriptions"));

        await using var anonymous = _app.NewSession();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.GetAsync("/api/push/public-key")).StatusCode);
    }

    [Fact]
    public async Task An_agent_cannot_delete_a_colleagues_subscription_and_the_list_shows_the_origin_only()
    {
        await using var sam = await _app.SignInAsync("sam@example.com");
        await using var jordan = await _app.SignInAsync("jordan@example.com");
        await SubscribeAsync(sam, "sams-browser");
        var endpoint = Uri.EscapeDataString(_push.Endpoint("sams-browser"));

        using var notHis = await jordan.SendAsync(HttpMethod.Delete, $"/api/me/push-subscriptions?endpoint={endpoint}");
        var samsList = await sam.GetJsonAsync<List<JsonElement>>("/api/me/push-subscriptions");
        using var own = await sam.SendAsync(HttpMethod.Delete, $"/api/me/push-subscriptions?endpoint={endpoint}");

        Assert.Equal(HttpStatusCode.NoContent, notHis.StatusCode);
        Assert.Equal(_push.Origin, Assert.Single(samsList).GetProperty("endpointOrigin").GetString());
        Assert.DoesNotContain("sams-browser", samsList.Single().ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
        Assert.Empty(await sam.GetJsonAsync<List<JsonElement>>("/api/me/push-subscriptions"));
    }

    [Fact]
    public async Task An_agent_keeps_at_most_ten_browsers_the_oldest_going_first()
    {
        await using var sam = await _app.SignInAsync("sam@example.com");
        for (var i = 0; i < 11; i++)
        {
            await SubscribeAsync(sam, $"browser-{i}");
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var endpoints = Subscriptions().Select(s => s.Endpoint).ToList();
        Assert.Equal(10, endpoints.Count);
        Assert.DoesNotContain(_push.Endpoint("browser-0"), endpoints);
    }

    [Fact]
    public async Task The_VAPID_key_is_made_once_and_survives_a_restart()
    {
        await using var before = await _app.SignInAsync("sam@example.com");
        var key = (await before.GetJsonAsync<JsonElement>("/api/push/public-key")).GetProperty("publicKey").GetString()!;
        await _app.DisposeAsync();

        _app = ShowroomApp.Create(new Dictionary<string, string?> { ["Showroom:DataDirectory"] = _app.DataDirectory }, _clock);
        await using var after = await _app.SignInAsync("sam@example.com");
        var again = (await after.GetJsonAsync<JsonElement>("/api/push/public-key")).GetProperty("publicKey").GetString();

        Assert.Equal(key, again);
        Assert.Equal(65, Base64Url.DecodeFromChars(key).Length);
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ShowroomDb>().ServerKeys.CountAsync(k => k.Name == ServerKey.Vapid));
    }

    static async Task SetPushAsync(AgentSession agent, bool push)
    {
        using var response = await agent.SendAsync(HttpMethod.Put, "/api/me/notification-settings", new { sound = true, desktop = true, extension = true, push });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    static async Task AssertFieldErrorAsync(AgentSession agent, object body, string field, string code)
    {
        using var response = await agent.SendAsync(HttpMethod.Post, "/api/me/push-subscriptions", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    static string B64(int length) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(length));

    /// <summary>Checks "vapid t=&lt;JWT&gt;, k=&lt;key&gt;": k is the server's key and the ES256 signature verifies with it; answers the claims.</summary>
    static JsonElement VerifiedVapid(string authorization, string publicKey)
    {
        Assert.StartsWith("vapid ", authorization, StringComparison.Ordinal);
        var parameters = authorization["vapid ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(publicKey, parameters["k"]);
        var parts = parameters["t"].Split('.');
        Assert.Equal(3, parts.Length);
        var header = JsonSerializer.Deserialize<JsonElement>(Base64Url.DecodeFromChars(parts[0]));
        Assert.Equal("ES256", header.GetProperty("alg").GetString());
        var point = Base64Url.DecodeFromChars(publicKey);
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = point[1..33], Y = point[33..] },
        });
        Assert.True(key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256),
            "the VAPID signature verifies with k");
        return JsonSerializer.Deserialize<JsonElement>(Base64Url.DecodeFromChars(parts[1]));
    }
}
