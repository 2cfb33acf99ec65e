using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Showroom.Browser.Tests.Infrastructure;
using Showroom.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Showroom.Browser.Tests.Conversations.ChatSteps;

namespace Showroom.Browser.Tests.Notifications;

/// <summary>A Showroom server whose Web Push allow-list holds the stand-in push service of these tests.</summary>
public sealed class NotificationsServer : IAsyncLifetime
{
    /// <summary>Never called: no offer is made in these journeys, so nothing is pushed to it.</summary>
    public const string PushService = "https://push.example.test";

    public ShowroomApp App { get; } = ShowroomApp.Create(new Dictionary<string, string?> { ["Push:AllowedServices:0"] = PushService });

    public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

/// <summary>
/// The console's side of notifications: the extension banner and install page, pairing, the notification settings
/// page (channels, Web Push in this browser, paired extensions) and the service worker's push handler. Each test
/// signs in as its own demo agent: the class shares one server.
/// </summary>
public sealed class NotificationSettingsJourneyTests(BrowserFixture browser, NotificationsServer server)
    : BrowserTest(browser, server.App), IClassFixture<BrowserFixture>, IClassFixture<NotificationsServer>
{
    const string Pitch = "Never miss an offer! Use the Showroom Chrome Extension to augment your Showroom in-app notifications";

    static ILocator Banner(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Chrome Extension Not Installed" });

    static ILocator InstalledBanner(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Extension Installed" });

    [Fact]
    public Task Without_the_extension_the_console_says_so_and_INSTALL_EXTENSION_opens_the_install_page() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "sam@example.com");

        // The Chat Screen, as the guide shows it.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chat Screen", Exact = true })).ToBeVisibleAsync();
        await Expect(Banner(page).GetByRole(AriaRole.Heading, new() { Name = "Chrome Extension Not Installed" })).ToBeVisibleAsync();
        await Expect(Banner(page)).ToContainTextAsync(Pitch);
        await Expect(Banner(page).GetByRole(AriaRole.Link, new() { Name = "INSTALL EXTENSION", Exact = true })).ToHaveAttributeAsync("href", "/extension");
        await ScreenshotAsync(page, "extension-banner-not-installed");

        // Edit Profile shows it after the headshot.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sam Carter" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Edit Profile" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit Profile" })).ToBeVisibleAsync();
        await Expect(Banner(page)).ToContainTextAsync(Pitch);
        var below = await page.EvaluateAsync<bool>("""
            () => {
              const drop = document.querySelector(".dropzone"), banner = document.querySelector(".extension-banner");
              return !!drop && !!banner && (drop.compareDocumentPosition(banner) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
            }
            """);
        Assert.True(below, "the banner follows the headshot field");
        await ScreenshotAsync(page, "edit-profile-extension-banner");

        await Banner(page).GetByRole(AriaRole.Link, new() { Name = "INSTALL EXTENSION" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/extension$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Install the Chrome Extension", Level = 1 })).ToBeFocusedAsync();
        await Expect(page.GetByText("Chrome is the recommended browser for taking chats!")).ToBeVisibleAsync();
        await Expect(page.GetByText("With the extension, you’ll get notified of chats with a pop-up window.")).ToBeVisibleAsync();
        var download = page.GetByRole(AriaRole.Link, new() { Name = "Download the extension" });
        await Expect(download).ToHaveAttributeAsync("href", "/api/extension/download");
        await Expect(page.GetByText("chrome://extensions")).ToBeVisibleAsync();
        await Expect(page.GetByText("Turn on Developer mode")).ToBeVisibleAsync();
        await Expect(page.GetByText("Click Load unpacked and choose the unzipped folder")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "For dealer IT: managed installs" })).ToBeVisibleAsync();
        await Expect(page.GetByText("ExtensionInstallAllowlist")).ToBeVisibleAsync();
        // The id IT allow-lists is the one the server gives.
        var info = await page.EvaluateAsync<JsonElement>("fetch('/api/extension').then(r => r.json())");
        await Expect(page.Locator(".extension-facts")).ToContainTextAsync(info.GetProperty("id").GetString()!);
        await AssertNoSeriousViolationsAsync(page, "/extension");
        await page.EvaluateAsync("scrollTo(0, 0)");
        await ScreenshotAsync(page, "extension-install-page");

        // The download is a zip made for this server.
        var response = await page.APIRequest.GetAsync("/api/extension/download");
        Assert.Equal(200, response.Status);
        Assert.Equal("application/zip", response.Headers["content-type"]);

        // The Chat Screen lets the agent hide it for the rest of the session.
        await page.GetByRole(AriaRole.Link, new() { Name = "Chat Screen" }).ClickAsync();
        await Banner(page).GetByRole(AriaRole.Button, new() { Name = "Hide for now" }).ClickAsync();
        await Expect(Banner(page)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chat Screen", Exact = true })).ToBeFocusedAsync();
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chat Screen", Exact = true })).ToBeVisibleAsync();
        await Expect(Banner(page)).ToHaveCountAsync(0);
        // Edit Profile always shows it.
        await page.GotoAsync("/profile");
        await Expect(Banner(page)).ToBeVisibleAsync();
    });

    /// <summary>
    /// Stands in for the extension's content script: answers "ping" with a hello, "pair" by keeping the token and
    /// saying paired, "unpair" by forgetting it, as the contract says (window.postMessage on the console's origin).
    /// Installed only when the test says so, as an extension loaded into an open console would be.
    /// </summary>
    const string FakeExtension = """
        window.__installExtension = () => {
          window.__extension = { token: null, unpaired: 0 };
          const say = (message) => window.postMessage({ source: "showroom-extension", ...message }, location.origin);
          const hello = () => say({ type: "hello", version: "1.0.0", paired: window.__extension.token !== null });
          window.addEventListener("message", (event) => {
            if (event.source !== window || event.data?.source !== "showroom-console") return;
            if (event.data.type === "ping") hello();
            if (event.data.type === "pair") {
              window.__extension.token = event.data.token;
              say({ type: "paired", ok: true });
              hello();
            }
            if (event.data.type === "unpair") {
              window.__extension.token = null;
              window.__extension.unpaired++;
            }
          });
          document.documentElement.dataset.showroomExtension = "1.0.0";
          hello();
        };
        """;

    [Fact]
    public Task An_extension_installed_while_the_console_is_open_is_noticed_and_Connect_extension_pairs_it() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await page.AddInitScriptAsync(FakeExtension);
        await SignInAsync(page, "chris@example.com");
        await Expect(Banner(page)).ToBeVisibleAsync();
        // A hello from another window (here a frame of the console's own origin) is not believed.
        await page.EvaluateAsync("document.body.append(Object.assign(document.createElement('iframe'), { title: 'probe' }))");
        await page.Frames[^1].EvaluateAsync(
            "parent.postMessage({ source: 'showroom-extension', type: 'hello', version: '9.9.9', paired: true }, parent.location.origin)");
        await page.EvaluateAsync("document.querySelector('iframe[title=probe]').remove()");
        await page.WaitForTimeoutAsync(300);
        await Expect(Banner(page)).ToBeVisibleAsync();

        // Installed now, without a reload: the console's next ping finds it.
        await page.EvaluateAsync("window.__installExtension()");
        await Expect(InstalledBanner(page)).ToBeVisibleAsync();
        await Expect(Banner(page)).ToHaveCountAsync(0);
        var connect = InstalledBanner(page).GetByRole(AriaRole.Button, new() { Name = "Connect extension" });
        await Expect(connect).ToBeVisibleAsync();
        await ScreenshotAsync(page, "extension-banner-installed");
        // Pairing is the agent's click, never automatic.
        Assert.Null(await page.EvaluateAsync<string?>("window.__extension.token"));

        await connect.ClickAsync();
        await Expect(InstalledBanner(page).GetByRole(AriaRole.Status)).ToHaveTextAsync("Extension connected.");
        await Expect(connect).ToHaveCountAsync(0);
        await Expect(InstalledBanner(page).GetByRole(AriaRole.Status)).ToBeFocusedAsync();
        var token = await page.EvaluateAsync<string>("window.__extension.token");
        Assert.False(string.IsNullOrEmpty(token));

        await using var chris = await App.SignInAsync("chris@example.com");
        var devices = await chris.GetJsonAsync<JsonElement[]>("/api/me/devices");
        var device = Assert.Single(devices);
        Assert.StartsWith("Chrome", device.GetProperty("name").GetString(), StringComparison.Ordinal);

        // Revoked here, it is this browser's extension: it is told to forget its token.
        await page.GetByRole(AriaRole.Button, new() { Name = "Chris Nguyen" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Notification settings" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Listitem).Filter(new() { HasTextString = device.GetProperty("name").GetString()! });
        await Expect(row).ToContainTextAsync("(this browser)");
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await UntilAsync(async () => await page.EvaluateAsync<int>("window.__extension.unpaired") == 1, "the extension was told to unpair");
        Assert.Null(await page.EvaluateAsync<string?>("window.__extension.token"));
    });

    [Fact]
    public Task Settings_page_from_the_name_menu_keeps_the_channels_and_revokes_a_paired_extension() => RunAsync(async () =>
    {
        await using var jordan = await App.SignInAsync("jordan@example.com");
        using (var paired = await jordan.SendAsync(HttpMethod.Post, "/api/me/devices", new { name = "Chrome on Windows" }))
        {
            Assert.Equal(HttpStatusCode.Created, paired.StatusCode);
        }

        var page = await NewPageAsync();
        await SignInAsync(page, "jordan@example.com");
        // The menu: Edit Profile, Notification settings, Sign out.
        await page.GetByRole(AriaRole.Button, new() { Name = "Jordan Lee" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Menuitem)).ToHaveTextAsync(["Edit Profile", "Notification settings", "Sign out"]);
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Notification settings" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notification settings", Level = 1 })).ToBeFocusedAsync();
        await Expect(page).ToHaveTitleAsync("Notification settings – Showroom");
        await Expect(page.GetByText("Do Not Disturb silences everything.")).ToBeVisibleAsync();

        string[] channels = ["Sound", "Browser notifications", "Extension pop-ups", "Push notifications"];
        foreach (var channel in channels)
        {
            await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = channel, Exact = true })).ToBeCheckedAsync();
        }
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Sound", Exact = true }))
            .ToHaveAccessibleDescriptionAsync(new Regex("rings for chat and transfer offers"));
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Sound", Exact = true }).UncheckAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Saved." })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Push notifications", Exact = true }).UncheckAsync();
        await Expect(page.GetByText("Push notifications are off above")).ToBeVisibleAsync();

        // The paired extension, with when it was paired and last seen (never: it has not connected).
        var row = page.GetByRole(AriaRole.Listitem).Filter(new() { HasTextString = "Chrome on Windows" });
        await Expect(row).ToContainTextAsync(new Regex(@"Paired \w{3} \d{1,2}, \d{4}"));
        await Expect(row).ToContainTextAsync("Last seen: Never");
        await AssertNoSeriousViolationsAsync(page, "/notifications");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "notification-settings.png"), FullPage = true });

        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Sound", Exact = true })).Not.ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Browser notifications", Exact = true })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Extension pop-ups", Exact = true })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Push notifications", Exact = true })).Not.ToBeCheckedAsync();
        var saved = await jordan.GetJsonAsync<JsonElement>("/api/me/notification-settings");
        Assert.False(saved.GetProperty("sound").GetBoolean());
        Assert.True(saved.GetProperty("desktop").GetBoolean());
        Assert.True(saved.GetProperty("extension").GetBoolean());
        Assert.False(saved.GetProperty("push").GetBoolean());

        // Revoke asks first; Cancel keeps it and gives the focus back.
        var revoke = row.GetByRole(AriaRole.Button, new() { Name = "Revoke Chrome on Windows" });
        await revoke.ClickAsync();
        await Expect(row).ToContainTextAsync("Revoke “Chrome on Windows”? It signs out at once.");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke" })).ToBeFocusedAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(revoke).ToBeFocusedAsync();
        await revoke.ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "“Chrome on Windows” was revoked." })).ToBeVisibleAsync();
        await Expect(page.GetByText("No extension is paired with your account.")).ToBeVisibleAsync();
        Assert.Empty(await jordan.GetJsonAsync<JsonElement[]>("/api/me/devices"));

        // The Chat Screen's ring follows the same setting, and turning it back on there is saved too.
        await page.GetByRole(AriaRole.Link, new() { Name = "Chat Screen" }).ClickAsync();
        var ring = page.GetByRole(AriaRole.Checkbox, new() { Name = "Ring for incoming chats" });
        await Expect(ring).Not.ToBeCheckedAsync();
        await ring.CheckAsync();
        await UntilAsync(async () => (await jordan.GetJsonAsync<JsonElement>("/api/me/notification-settings")).GetProperty("sound").GetBoolean(),
            "the Chat Screen's ring turned the Sound channel back on");
    });

    /// <summary>
    /// Stands in for the browser's push service (none is reachable here): subscribe() answers a subscription on the
    /// test's allow-listed origin, with real P-256 keys, and remembers what it was asked.
    /// </summary>
    static string PushStandIn()
    {
        using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var point = key.ExportParameters(false).Q;
        var p256dh = Base64Url([0x04, .. point.X!, .. point.Y!]);
        var auth = Base64Url(RandomNumberGenerator.GetBytes(16));
        return $$"""
            (() => {
              let current = null;
              PushManager.prototype.subscribe = async function (options) {
                window.__subscribeOptions = { userVisibleOnly: options.userVisibleOnly, key: Array.from(new Uint8Array(options.applicationServerKey)) };
                current = {
                  endpoint: "{{NotificationsServer.PushService}}/send/test-subscription",
                  options,
                  toJSON() { return { endpoint: this.endpoint, expirationTime: null, keys: { p256dh: "{{p256dh}}", auth: "{{auth}}" } }; },
                  unsubscribe: async () => { current = null; return true; },
                };
                return current;
              };
              PushManager.prototype.getSubscription = async function () { return current; };
            })();
            """;
    }

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    const string Notifications = """
        async () => {
          const registration = await navigator.serviceWorker.getRegistration("/app/console/");
          const shown = registration ? await registration.getNotifications() : [];
          return shown.map((n) => ({ tag: n.tag, title: n.title, body: n.body, url: n.data?.url ?? null, requireInteraction: n.requireInteraction }));
        }
        """;

    [Fact]
    public Task Push_is_turned_on_in_this_browser_and_the_service_worker_shows_and_closes_offer_notifications() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await page.Context.GrantPermissionsAsync(["notifications"], new() { Origin = App.BaseAddress.GetLeftPart(UriPartial.Authority) });
        await page.AddInitScriptAsync(PushStandIn());
        await SignInAsync(page, "priya@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Priya Patel" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Notification settings" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on push notifications in this browser" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Push notifications are on in this browser." })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Turn off push notifications in this browser" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "notification-settings-push-on");

        // Subscribed as the contract says: user-visible only, with the server's VAPID key; the server kept it.
        var asked = await page.EvaluateAsync<JsonElement>("window.__subscribeOptions");
        Assert.True(asked.GetProperty("userVisibleOnly").GetBoolean());
        await using var priya = await App.SignInAsync("priya@example.com");
        var publicKey = (await priya.GetJsonAsync<JsonElement>("/api/push/public-key")).GetProperty("publicKey").GetString()!;
        var keyBytes = Convert.FromBase64String(publicKey.Replace('-', '+').Replace('_', '/').PadRight((publicKey.Length + 3) / 4 * 4, '='));
        Assert.Equal(keyBytes.Select(b => (int)b), asked.GetProperty("key").EnumerateArray().Select(b => b.GetInt32()));
        var stored = Assert.Single(await priya.GetJsonAsync<JsonElement[]>("/api/me/push-subscriptions"));
        Assert.Equal(NotificationsServer.PushService, stored.GetProperty("endpointOrigin").GetString());

        // The push service's message, delivered to the console's service worker through the DevTools protocol.
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var registrationId = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        cdp.Event("ServiceWorker.workerRegistrationUpdated").OnEvent += (_, e) =>
        {
            foreach (var registration in e!.Value.GetProperty("registrations").EnumerateArray())
            {
                if (registration.GetProperty("scopeURL").GetString()!.EndsWith("/app/console/", StringComparison.Ordinal)
                    && !registration.GetProperty("isDeleted").GetBoolean())
                {
                    registrationId.TrySetResult(registration.GetProperty("registrationId").GetString()!);
                }
            }
        };
        await cdp.SendAsync("ServiceWorker.enable");
        var id = await registrationId.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var origin = App.BaseAddress.GetLeftPart(UriPartial.Authority);
        var offerId = Guid.NewGuid().ToString();
        await cdp.SendAsync("ServiceWorker.deliverPushMessage", new()
        {
            ["origin"] = origin,
            ["registrationId"] = id,
            ["data"] = JsonSerializer.Serialize(new
            {
                type = "offer", offerId, conversationId = Guid.NewGuid(), kind = "Chat",
                title = "Chat offer: Jane Doe", body = "Example Motors Lakeside · Sales · 2022 Toyota RAV4", url = "/",
            }),
        });
        await UntilAsync(async () => (await page.EvaluateAsync<JsonElement>(Notifications)).GetArrayLength() == 1, "the offer's notification shows");
        var shown = (await page.EvaluateAsync<JsonElement>(Notifications))[0];
        Assert.Equal($"offer-{offerId}", shown.GetProperty("tag").GetString());
        Assert.Equal("Chat offer: Jane Doe", shown.GetProperty("title").GetString());
        Assert.Equal("Example Motors Lakeside · Sales · 2022 Toyota RAV4", shown.GetProperty("body").GetString());
        Assert.Equal("/", shown.GetProperty("url").GetString());
        Assert.True(shown.GetProperty("requireInteraction").GetBoolean());

        await cdp.SendAsync("ServiceWorker.deliverPushMessage", new()
        {
            ["origin"] = origin,
            ["registrationId"] = id,
            ["data"] = JsonSerializer.Serialize(new { type = "offer-closed", offerId }),
        });
        await UntilAsync(async () => (await page.EvaluateAsync<JsonElement>(Notifications)).GetArrayLength() == 0, "the closed offer's notification goes");

        // Turned off: unsubscribed here and forgotten by the server.
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn off push notifications in this browser" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Push notifications are off in this browser." })).ToBeVisibleAsync();
        Assert.Empty(await priya.GetJsonAsync<JsonElement[]>("/api/me/push-subscriptions"));
    });

    [Fact]
    public Task A_push_service_that_never_answers_gives_up_after_10_seconds_and_says_what_still_works() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await page.Context.GrantPermissionsAsync(["notifications"], new() { Origin = App.BaseAddress.GetLeftPart(UriPartial.Authority) });
        await page.AddInitScriptAsync("""
            PushManager.prototype.subscribe = function () { window.__subscribing = true; return new Promise(() => {}); };
            PushManager.prototype.getSubscription = async function () { return null; };
            """);
        await page.Clock.InstallAsync();
        await SignInAsync(page, "manager@example.com");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chat Screen", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("/notifications");

        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on push notifications in this browser" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Waiting for this browser’s push service…" })).ToBeVisibleAsync();
        // Polled from here: the page's own timers are Playwright's clock's.
        for (var tries = 0; !await page.EvaluateAsync<bool>("window.__subscribing === true"); tries++)
        {
            Assert.True(tries < 100, "subscribe() was not called within 10 s");
            await Task.Delay(100);
        }
        var unreachable = page.GetByRole(AriaRole.Alert).Filter(new() { HasTextString = "push service could not be reached" });
        // Read at once, not awaited: the installed clock also moves on with real time.
        await page.Clock.RunForAsync(8_000);
        Assert.Equal(0, await unreachable.CountAsync());
        await page.Clock.RunForAsync(2_100);

        await Expect(unreachable).ToHaveTextAsync(
            "This browser’s push service could not be reached, so push notifications are not on. The Chat Screen’s sound and the Chrome extension still work.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Turn on push notifications in this browser" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "notification-settings-push-unreachable.png"), FullPage = true });
        await using var maria = await App.SignInAsync("manager@example.com");
        Assert.Empty(await maria.GetJsonAsync<JsonElement[]>("/api/me/push-subscriptions"));
    });

    /// <summary>Counts the tones played, lets the test hide the tab, and stands in for the Notification API (granted).</summary>
    const string AlertProbes = """
        (() => {
          window.__tones = 0; window.__notes = []; window.__hidden = false;
          const Real = window.AudioContext;
          window.AudioContext = class extends Real {
            createOscillator() { window.__tones++; return super.createOscillator(); }
          };
          Object.defineProperty(Document.prototype, "hidden", { get() { return window.__hidden; }, configurable: true });
          window.Notification = class {
            static get permission() { return "granted"; }
            static async requestPermission() { return "granted"; }
            constructor(title, options) { this.title = title; this.body = options?.body; this.tag = options?.tag; window.__notes.push(this); }
            close() {}
          };
        })();
        """;

    [Fact]
    public Task A_colleagues_team_chat_message_follows_the_channels_and_Do_Not_Disturb_only_counts_it() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await page.AddInitScriptAsync(AlertProbes);
        await SignInAsync(page, "sam@example.com");
        await BecomeAvailableAsync(page);
        // A click: the gesture browsers wait for before they play sound.
        await page.GetByRole(AriaRole.Heading, new() { Name = "Chat Screen", Exact = true }).ClickAsync();
        var samId = await page.EvaluateAsync<string>("fetch('/api/me').then(r => r.json()).then(me => me.id)");
        await using var samApi = await App.SignInAsync("sam@example.com");
        await using var jordan = await App.SignInAsync("jordan@example.com");
        var hub = jordan.AgentHub();
        await hub.StartAsync();
        var thread = (await hub.InvokeAsync<JsonElement>("OpenDirect", samId)).GetProperty("id").GetString()!;
        var toasts = page.GetByRole(AriaRole.Region, new() { Name = "Team chat messages" }).GetByRole(AriaRole.Status);
        var ring = page.GetByRole(AriaRole.Checkbox, new() { Name = "Ring for incoming chats" });
        await Expect(ring).ToBeCheckedAsync();

        // Sound and desktop on, tab hidden: a toast, a short tone and a browser notification.
        await page.EvaluateAsync("window.__hidden = true");
        await hub.InvokeAsync<JsonElement>("SendInternal", thread, "n1", "Lunch at noon?");
        await Expect(toasts.Filter(new() { HasTextString = "Lunch at noon?" })).ToBeVisibleAsync();
        await UntilAsync(async () => await page.EvaluateAsync<int>("window.__notes.length") == 1, "the browser notification");
        Assert.Equal("New message from Jordan", await page.EvaluateAsync<string>("window.__notes[0].title"));
        Assert.Equal("Lunch at noon?", await page.EvaluateAsync<string>("window.__notes[0].body"));
        Assert.Equal($"internal-{thread}", await page.EvaluateAsync<string>("window.__notes[0].tag"));
        await UntilAsync(async () => await page.EvaluateAsync<int>("window.__tones") >= 1, "the message tone");

        // Sound off, saved from another client: this tab follows at once (NotificationSettingsChanged).
        using (var off = await samApi.SendAsync(HttpMethod.Put, "/api/me/notification-settings", new { sound = false, desktop = true, extension = true, push = true }))
        {
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        }
        await Expect(ring).Not.ToBeCheckedAsync();
        var tones = await page.EvaluateAsync<int>("window.__tones");
        await hub.InvokeAsync<JsonElement>("SendInternal", thread, "n2", "Still hungry?");
        await Expect(toasts.Filter(new() { HasTextString = "Still hungry?" })).ToBeVisibleAsync();
        await UntilAsync(async () => await page.EvaluateAsync<int>("window.__notes.length") == 2, "the second notification");
        Assert.Equal(tones, await page.EvaluateAsync<int>("window.__tones"));

        // Do Not Disturb silences everything: no toast, no notification, only the count.
        await page.EvaluateAsync("window.__hidden = false");
        await ChooseStatusAsync(page, "Available", "Do Not Disturb");
        await page.EvaluateAsync("window.__hidden = true");
        await hub.InvokeAsync<JsonElement>("SendInternal", thread, "n3", "Are you there?");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Team chat 3 unread team messages" })).ToBeVisibleAsync();
        await Expect(toasts.Filter(new() { HasTextString = "Are you there?" })).ToHaveCountAsync(0);
        Assert.Equal(2, await page.EvaluateAsync<int>("window.__notes.length"));
        Assert.Equal(tones, await page.EvaluateAsync<int>("window.__tones"));

        using var restore = await samApi.SendAsync(HttpMethod.Put, "/api/me/notification-settings", new { sound = true, desktop = true, extension = true, push = true });
    });

    [Fact]
    public Task An_offer_rings_only_with_Sound_on_and_pops_up_only_with_Browser_notifications_on_and_the_title_always_counts() => RunAsync(async () =>
    {
        var widgetKey = await AllowSiteAsync(App);
        await using var samApi = await App.SignInAsync("sam@example.com");
        async Task ChannelsAsync(bool on)
        {
            using var saved = await samApi.SendAsync(HttpMethod.Put, "/api/me/notification-settings", new { sound = on, desktop = on, extension = true, push = true });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }
        await ChannelsAsync(false);
        var page = await NewPageAsync();
        await page.AddInitScriptAsync(AlertProbes);
        await SignInAsync(page, "sam@example.com");
        await BecomeAvailableAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Chat Screen", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Browser notifications are off in")).ToBeVisibleAsync();
        await page.EvaluateAsync("window.__hidden = true");

        await using var shopper = new ShopperSession(App.BaseAddress, widgetKey, Site);
        var (shopperHub, first) = await StartChatAsync(shopper, new { name = "Pat" });
        await Expect(OfferCard(page, "Pat")).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync("(1) Chat Screen – Showroom");
        await page.WaitForTimeoutAsync(1_000);
        Assert.Equal(0, await page.EvaluateAsync<int>("window.__tones"));
        Assert.Equal(0, await page.EvaluateAsync<int>("window.__notes.length"));
        await shopperHub.InvokeAsync("EndConversation", first);
        await Expect(OfferCard(page, "Pat")).ToHaveCountAsync(0);

        // Both on (from another client): the next offer rings and pops up, tagged like its Web Push notification.
        await ChannelsAsync(true);
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Ring for incoming chats" })).ToBeCheckedAsync();
        await using var second = new ShopperSession(App.BaseAddress, widgetKey, Site);
        var (secondHub, quinn) = await StartChatAsync(second, new { name = "Quinn" });
        await Expect(OfferCard(page, "Quinn")).ToBeVisibleAsync();
        await UntilAsync(async () => await page.EvaluateAsync<int>("window.__tones") >= 2, "the chime");
        await UntilAsync(async () => await page.EvaluateAsync<int>("window.__notes.length") == 1, "the offer's notification");
        Assert.Equal("Incoming chat: Quinn", await page.EvaluateAsync<string>("window.__notes[0].title"));
        Assert.Matches("^offer-[0-9a-f-]{36}$", await page.EvaluateAsync<string>("window.__notes[0].tag"));
        // Nothing left waiting to ring in the class's other journeys.
        await secondHub.InvokeAsync("EndConversation", quinn);
        await Expect(OfferCard(page, "Quinn")).ToHaveCountAsync(0);
    });

    /// <summary>Polls what the browser or the server makes true (a worker's notification, a saved setting).</summary>
    static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Not true within 10 s: {what}");
            await Task.Delay(100);
        }
    }

    static async Task AssertNoSeriousViolationsAsync(IPage page, string screen)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{screen}: " + string.Join("; ", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
