using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Showroom.Browser.Tests.Infrastructure;
using Showroom.Data;
using Showroom.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static Showroom.Browser.Tests.Conversations.ChatSteps;

namespace Showroom.Browser.Tests.Notifications;

/// <summary>
/// The Chrome extension as an agent uses it: downloaded from Showroom, loaded into Chromium, connected through the
/// console, then a pop-up window, a system notification and the badge for every offer, with no console tab open.
/// </summary>
public sealed class ExtensionJourneyTests(ShowroomApp app, ITestOutputHelper output) : IClassFixture<ShowroomApp>
{
    [Fact]
    public Task Extension_pops_up_offers_accepts_them_survives_a_stopped_worker_and_signs_out_when_revoked() => RunAsync(async browser =>
    {
        var widgetKey = await AllowSiteAsync(app);

        // Sam signs in, and connects the extension on the console's extension page.
        var console = await browser.Context.NewPageAsync();
        await SignInAsync(console, "sam@example.com");
        await BecomeAvailableAsync(console);
        await console.GotoAsync("/extension");
        await Expect(console.GetByRole(AriaRole.Heading, new() { Name = "Extension Installed" })).ToBeVisibleAsync();
        await console.GetByRole(AriaRole.Button, new() { Name = "Connect extension" }).ClickAsync();
        await Expect(console.GetByText("Extension connected.")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await browser.StateUntilAsync(s => s.GetProperty("connected").GetBoolean(), "the extension connected");
        var devices = await GetJsonAsync("/api/me/devices");
        Assert.Equal(1, devices.GetArrayLength());

        // No console tab from here: the extension alone keeps Sam online and gets the offer.
        await console.CloseAsync();
        await using var pat = new ShopperSession(app.BaseAddress, widgetKey, Site);
        var (startedAt, answeredAt, _, patChat) = await StartChatTimedAsync(pat, new
        {
            name = "Pat",
            pageUrl = "https://downtown.example/inventory/2022-toyota-rav4",
            pageTitle = "2022 Toyota RAV4 XLE | Example Motors Downtown",
            vehicle = new { year = 2022, make = "Toyota", model = "RAV4", trim = "XLE" },
        });
        var state = await browser.StateUntilAsync(s => s.GetProperty("offers").GetArrayLength() == 1, "the offer reached the extension");
        var offer = state.GetProperty("offers")[0];
        var offerId = offer.GetProperty("id").GetString()!;
        var latency = offer.GetProperty("receivedAt").GetDouble() - startedAt;
        output.WriteLine($"Offer latency (the server's first chat), shopper's StartConversation to the extension's service worker: "
            + $"{latency:F0} ms (StartConversation answered after {answeredAt - startedAt:F0} ms)");
        Assert.InRange(latency, 0, 5_000);

        // A system notification, the badge, and a pop-up window saying who waits for what.
        await browser.StateUntilAsync(s => s.GetProperty("badge").GetString() == "1", "the badge counts the offer");
        Assert.Contains($"offer-{offerId}", await browser.NotificationIdsAsync());
        Assert.Equal([offerId], await browser.PopUpOffersAsync());
        var popUp = await PageAsync(browser, browser.Url($"offer.html?id={offerId}"));
        await Expect(popUp.GetByRole(AriaRole.Heading, new() { Name = "Pat" })).ToBeVisibleAsync();
        await Expect(popUp.Locator("main")).ToContainTextAsync("Chat offer");
        await Expect(popUp.Locator("main")).ToContainTextAsync("Example Motors Downtown · Sales");
        await Expect(popUp.Locator("main")).ToContainTextAsync("2022 Toyota RAV4 XLE");
        await Expect(popUp.GetByRole(AriaRole.Button, new() { Name = "Accept" })).ToBeEnabledAsync();
        await Expect(popUp.GetByRole(AriaRole.Button, new() { Name = "Open" })).ToBeEnabledAsync();
        await Expect(popUp).ToHaveTitleAsync("Chat offer: Pat – Showroom");
        await AssertAccessibleAsync(popUp, "offer pop-up");
        await ScreenshotExtensionAsync(popUp, "extension-offer-popup");

        // The toolbar popup: who is signed in, their status, the waiting chat.
        var action = await browser.Context.NewPageAsync();
        await action.GotoAsync(browser.Url("popup.html"));
        await Expect(action.Locator("main")).ToContainTextAsync("Signed in as Sam");
        await Expect(action.GetByLabel("Status")).ToHaveValueAsync("Available");
        await Expect(action.GetByRole(AriaRole.Heading, new() { Name = "Waiting chats (1)" })).ToBeVisibleAsync();
        await Expect(action.GetByRole(AriaRole.List, new() { Name = "Waiting chats" })).ToContainTextAsync("Pat");
        await Expect(action.GetByRole(AriaRole.Button, new() { Name = "Open Chat Screen" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(action, "action popup");
        await ScreenshotExtensionAsync(action, "extension-action-popup");
        await action.CloseAsync();

        // Accept in the pop-up: the chat is Sam's on the server, the pop-up and the notification go.
        await popUp.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await browser.StateUntilAsync(s => s.GetProperty("offers").GetArrayLength() == 0 && s.GetProperty("badge").GetString() == "", "the offer left");
        var mine = await GetJsonAsync("/api/conversations/mine");
        Assert.Contains(mine.EnumerateArray(), c => c.GetProperty("id").GetGuid() == patChat && c.GetProperty("status").GetString() == "Active");
        await Eventually.TrueAsync(() => popUp.IsClosed, "the pop-up closed");
        Assert.Empty(await browser.PopUpOffersAsync());
        Assert.DoesNotContain($"offer-{offerId}", await browser.NotificationIdsAsync());
        // It opened the Chat Screen, which shows Pat's chat.
        var chatScreen = await PageAsync(browser, app.BaseAddress.ToString());
        await Expect(MyChat(chatScreen, "Pat")).ToBeVisibleAsync();

        // A second offer, with the server warm: the latency the issue asks about. Then the shopper leaves: the pop-up
        // says so for a moment and closes, with its notification.
        await using var casey = new ShopperSession(app.BaseAddress, widgetKey, Site);
        var (caseyStarted, caseyAnswered, caseyHub, caseyChat) = await StartChatTimedAsync(casey, new { name = "Casey", pageUrl = "https://downtown.example/" });
        state = await browser.StateUntilAsync(s => s.GetProperty("offers").GetArrayLength() == 1, "Casey's offer reached the extension");
        offer = state.GetProperty("offers")[0];
        latency = offer.GetProperty("receivedAt").GetDouble() - caseyStarted;
        output.WriteLine($"Offer latency (warm), shopper's StartConversation to the extension's service worker: {latency:F0} ms "
            + $"(StartConversation answered after {caseyAnswered - caseyStarted:F0} ms)");
        Assert.InRange(latency, 0, 5_000);
        var caseyOffer = offer.GetProperty("id").GetString()!;
        popUp = await PageAsync(browser, browser.Url($"offer.html?id={caseyOffer}"));
        await Expect(popUp.GetByRole(AriaRole.Heading, new() { Name = "Casey" })).ToBeVisibleAsync();
        await caseyHub.InvokeAsync("EndConversation", caseyChat);
        await Expect(popUp.GetByRole(AriaRole.Status)).ToHaveTextAsync("The shopper left");
        await Expect(popUp.GetByRole(AriaRole.Button, new() { Name = "Accept" })).ToBeDisabledAsync();
        await ScreenshotExtensionAsync(popUp, "extension-offer-popup-shopper-left");
        await Eventually.TrueAsync(() => popUp.IsClosed, "the pop-up closed after saying why");
        await browser.StateUntilAsync(s => s.GetProperty("offers").GetArrayLength() == 0 && s.GetProperty("badge").GetString() == "", "Casey's offer left");
        Assert.DoesNotContain($"offer-{caseyOffer}", await browser.NotificationIdsAsync());

        // Chrome stops the worker; a chat comes while it is stopped (the Chat Screen keeps Sam online). The worker is
        // started again by its alarm, reconnects and pops up the offer still waiting.
        await SetOfferTimeoutAsync(app, TimeSpan.FromMinutes(2));
        await browser.StopWorkerAsync();
        var stoppedAt = Stopwatch.StartNew();
        Assert.False(browser.WorkerRunning);
        await using var robin = new ShopperSession(app.BaseAddress, widgetKey, Site);
        await StartChatTimedAsync(robin, new { name = "Robin", pageUrl = "https://downtown.example/service" });
        await Expect(OfferCard(chatScreen, "Robin")).ToBeVisibleAsync();
        state = await browser.StateUntilAsync(
            s => browser.WorkerRunning && s.GetProperty("connected").GetBoolean() && s.GetProperty("offers").EnumerateArray().Any(o => o.GetProperty("shopper").GetString() == "Robin"),
            "the restarted worker shows Robin's offer", TimeSpan.FromSeconds(75));
        output.WriteLine($"The stopped worker came back with the waiting offer after {stoppedAt.Elapsed.TotalSeconds:F1} s");
        var robinOffer = state.GetProperty("offers").EnumerateArray().Single(o => o.GetProperty("shopper").GetString() == "Robin").GetProperty("id").GetString()!;
        await browser.StateUntilAsync(s => s.GetProperty("badge").GetString() == "1", "the badge counts Robin's offer");
        Assert.Equal([robinOffer], await browser.PopUpOffersAsync());
        Assert.Contains($"offer-{robinOffer}", await browser.NotificationIdsAsync());

        // Sam revokes the extension in the console: it signs out at once.
        await using (var sam = await app.SignInAsync("sam@example.com"))
        {
            var device = (await sam.GetJsonAsync<JsonElement>("/api/me/devices"))[0].GetProperty("id").GetString();
            using var revoked = await sam.SendAsync(HttpMethod.Delete, $"/api/me/devices/{device}");
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }
        await browser.StateUntilAsync(
            s => !s.GetProperty("connected").GetBoolean() && !s.GetProperty("paired").GetBoolean() && s.GetProperty("badge").GetString() == ""
                && s.GetProperty("offers").GetArrayLength() == 0,
            "the extension signed out");
        Assert.Empty(await browser.PopUpOffersAsync());
        Assert.Empty(await browser.NotificationIdsAsync());
        action = await browser.Context.NewPageAsync();
        await action.GotoAsync(browser.Url("popup.html"));
        await Expect(action.GetByRole(AriaRole.Heading, new() { Name = "Signed out" })).ToBeVisibleAsync();
        await Expect(action.GetByText("Not signed in")).ToBeVisibleAsync();
        await Expect(action.GetByRole(AriaRole.Button, new() { Name = "Sign in with Showroom" })).ToBeVisibleAsync();
        await ScreenshotExtensionAsync(action, "extension-action-popup-signed-out");
    });

    [Fact]
    public Task Chat_Screen_says_Extension_Installed_when_the_extension_is_loaded() => RunAsync(async browser =>
    {
        var page = await browser.Context.NewPageAsync();
        await SignInAsync(page, "jordan@example.com");
        var banner = page.GetByRole(AriaRole.Region, new() { Name = "Extension Installed" });
        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner.GetByRole(AriaRole.Button, new() { Name = "Connect extension" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Chrome Extension Not Installed")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "chat-screen-extension-installed");

        // Connecting from the banner: the extension signs in as Jordan.
        await banner.GetByRole(AriaRole.Button, new() { Name = "Connect extension" }).ClickAsync();
        await Expect(banner.GetByText("Extension connected.")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await browser.StateUntilAsync(s => s.GetProperty("connected").GetBoolean(), "the extension connected");
        var action = await browser.Context.NewPageAsync();
        await action.GotoAsync(browser.Url("popup.html"));
        await Expect(action.Locator("main")).ToContainTextAsync("Signed in as Jordan");

        // The status is the agent's: chosen in the extension, the console shows it at once.
        await action.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Do Not Disturb" });
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Status: Do Not Disturb", Exact = true })).ToBeVisibleAsync();
        await action.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Available" });
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Status: Available", Exact = true })).ToBeVisibleAsync();
        await Expect(action.GetByLabel("Status")).ToHaveValueAsync("Available");
    });

    async Task RunAsync(Func<ExtensionBrowser, Task> journey, [CallerMemberName] string name = "")
    {
        await using var browser = await ExtensionBrowser.LaunchAsync(app);
        try
        {
            await journey(browser);
        }
        catch
        {
            var index = 0;
            foreach (var page in browser.Context.Pages.ToList())
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTest.ScreenshotDirectory, $"FAILED-{name}-{index++}.png"), FullPage = true });
            }
            throw;
        }
    }

    static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Demo.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    static async Task AssertAccessibleAsync(IPage page, string screen)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{screen}: " + string.Join("; ", serious.Select(v => $"{v.Id}: {v.Help}")));
    }

    static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTest.ScreenshotDirectory, $"{name}.png") });

    /// <summary>The extension's pages at the size of their window (the browser gives every page a desktop viewport).</summary>
    static async Task ScreenshotExtensionAsync(IPage page, string name) =>
        await page.Locator("main").ScreenshotAsync(new() { Path = Path.Combine(BrowserTest.ScreenshotDirectory, $"{name}.png") });

    async Task<JsonElement> GetJsonAsync(string path)
    {
        await using var sam = await app.SignInAsync("sam@example.com");
        return await sam.GetJsonAsync<JsonElement>(path);
    }

    /// <summary>
    /// A shopper starts a chat; returns the wall clock (Unix ms, as the worker's receivedAt) just before StartConversation and
    /// when it answered (routing offers the chat before it answers).
    /// </summary>
    static async Task<(double StartedAt, double AnsweredAt, HubConnection Hub, Guid Id)> StartChatTimedAsync(ShopperSession shopper, object request)
    {
        (await shopper.StartSessionAsync()).EnsureSuccessStatusCode();
        var hub = shopper.Hub();
        await hub.StartAsync();
        var startedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var conversation = await hub.InvokeAsync<JsonElement>("StartConversation", request);
        var answeredAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Assert.Equal("Waiting", conversation.GetProperty("status").GetString());
        return (startedAt, answeredAt, hub, conversation.GetProperty("id").GetGuid());
    }

    /// <summary>A page the extension opened (a pop-up window, the Chat Screen), once the browser has it.</summary>
    static async Task<IPage> PageAsync(ExtensionBrowser browser, string url)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(10))
        {
            var page = browser.Context.Pages.FirstOrDefault(p => p.Url == url);
            if (page is not null)
            {
                return page;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"No page at {url}");
    }

    /// <summary>Offers ring longer than the worker's alarm takes to start it again.</summary>
    static async Task SetOfferTimeoutAsync(ShowroomApp app, TimeSpan timeout)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        var dealer = await db.Dealers.SingleAsync(d => d.Name == "Example Motors Downtown");
        var sales = await db.Departments.SingleAsync(d => d.DealerId == dealer.Id && d.Kind == Showroom.Dealers.DepartmentKind.Sales);
        sales.Routing.OfferTimeoutSeconds = (int)timeout.TotalSeconds;
        sales.Routing.EscalateAfterSeconds = (int)timeout.TotalSeconds;
        await db.SaveChangesAsync();
    }
}
