using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Showroom.Browser.Tests.Infrastructure;
using Showroom.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Showroom.Browser.Tests.Conversations.ChatSteps;

namespace Showroom.Browser.Tests.Conversations;

/// <summary>
/// The agent's tools on the Chat Screen: canned responses typed with "/", the reply timer that flags a shopper
/// waiting over 30 s (driven with Playwright's clock), chat switching by keyboard, and the ringing controls.
/// </summary>
public sealed class ChatToolsJourneyTests(BrowserFixture browser, ShowroomApp app)
    : BrowserTest(browser, app), IClassFixture<BrowserFixture>, IClassFixture<ShowroomApp>
{
    static ILocator Composer(IPage page, string shopper) => page.GetByRole(AriaRole.Textbox, new() { Name = $"Reply to {shopper}" });

    [Fact]
    public Task Canned_response_is_added_then_inserted_with_slash_and_the_keyboard() => RunAsync(async () =>
    {
        var widgetKey = await AllowSiteAsync(App);
        var page = await NewPageAsync();
        await SignInAsync(page, "sam@example.com");
        await BecomeAvailableAsync(page);

        await using var shopper = new ShopperSession(App.BaseAddress, widgetKey, Site);
        var heard = new ConcurrentQueue<JsonElement>();
        await StartChatAsync(shopper, new { name = "Pat" }, h => h.On<JsonElement>("MessageReceived", m => heard.Enqueue(m)));
        await AcceptAsync(page, "Pat");

        // Two personal responses, added in the dialog.
        await page.GetByRole(AriaRole.Button, new() { Name = "Canned responses", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Canned responses" });
        await Expect(dialog.GetByLabel("Shortcut")).ToBeFocusedAsync();
        await dialog.GetByLabel("Shortcut").FillAsync("Hours!");
        await dialog.GetByLabel("Text").FillAsync("We are open 9 to 7, Monday to Saturday.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(dialog.GetByText("Use 1 to 32 lowercase letters, digits or dashes.")).ToBeVisibleAsync();
        await dialog.GetByLabel("Shortcut").FillAsync("hours");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Status)).ToHaveTextAsync("/hours saved.");
        await dialog.GetByLabel("Shortcut").FillAsync("holiday");
        await dialog.GetByLabel("Text").FillAsync("We are closed on public holidays.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Cell, new() { Name = "/holiday", Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "canned-responses-dialog");
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);

        // "/ho" lists both; ArrowDown then Enter inserts the second in place of "/ho".
        var composer = Composer(page, "Pat");
        await composer.FocusAsync();
        await page.Keyboard.TypeAsync("Thanks! /ho");
        var suggestions = page.GetByRole(AriaRole.Listbox, new() { Name = "Canned responses" });
        await Expect(suggestions.GetByRole(AriaRole.Option)).ToHaveCountAsync(2);
        await Expect(suggestions.GetByRole(AriaRole.Option).First).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(composer).ToHaveAttributeAsync("aria-activedescendant", "canned-option-0");
        await ScreenshotAsync(page, "canned-responses-suggestions");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(suggestions.GetByRole(AriaRole.Option, new() { Name = "/hours We are open 9 to 7, Monday to Saturday." }))
            .ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Enter");
        await Expect(suggestions).ToHaveCountAsync(0);
        await Expect(composer).ToHaveValueAsync("Thanks! We are open 9 to 7, Monday to Saturday.");

        // Escape closes the list and leaves the text; Tab inserts too.
        await page.Keyboard.TypeAsync(" /hol");
        await Expect(suggestions.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Escape");
        await Expect(suggestions).ToHaveCountAsync(0);
        await Expect(composer).ToHaveValueAsync("Thanks! We are open 9 to 7, Monday to Saturday. /hol");
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.TypeAsync("l");
        await Expect(suggestions.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Tab");
        await Expect(composer).ToHaveValueAsync("Thanks! We are open 9 to 7, Monday to Saturday. We are closed on public holidays.");
        await Expect(composer).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Enter");
        await Expect(composer).ToHaveValueAsync("");
        await Eventually.TrueAsync(() => heard.Any(m => m.GetProperty("text").GetString() == "Thanks! We are open 9 to 7, Monday to Saturday. We are closed on public holidays."),
            "the shopper got the reply with both canned texts");
    });

    [Fact]
    public Task Shopper_waiting_over_30_seconds_is_flagged_and_the_keyboard_switches_chats() => RunAsync(async () =>
    {
        var widgetKey = await AllowSiteAsync(App);
        var page = await NewPageAsync();
        // The page's clock runs on from now; the test moves the system time on without firing SignalR's timers.
        await page.Clock.InstallAsync();
        await SignInAsync(page, "sam@example.com");
        await BecomeAvailableAsync(page);

        await using var first = new ShopperSession(App.BaseAddress, widgetKey, Site);
        var (firstHub, firstId) = await StartChatAsync(first, new { name = "Avery" });
        await AcceptAsync(page, "Avery");
        await using var second = new ShopperSession(App.BaseAddress, widgetKey, Site);
        await StartChatAsync(second, new { name = "Blake" });
        await AcceptAsync(page, "Blake");

        await firstHub.InvokeAsync<JsonElement>("SendMessage", firstId, "a1", "Do you take trade-ins?");
        var avery = MyChat(page, "Avery");
        await Expect(avery).ToContainTextAsync("Waiting for a reply 0:0");
        await Expect(avery).Not.ToContainTextAsync("Needs a reply");

        await page.Clock.SetSystemTimeAsync(DateTime.UtcNow.AddSeconds(31));
        await Expect(avery).ToContainTextAsync("Needs a reply · waiting 0:3");
        await Expect(MyChat(page, "Blake")).Not.ToContainTextAsync("Waiting");
        await Expect(page.GetByText("Keyboard: Alt+A accepts the top chat · Alt+↑ and Alt+↓ switch chats · Alt+R goes to the reply box")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "chat-screen-waiting-for-reply");

        // Blake's chat is open; Alt+ArrowUp opens Avery's with the focus still in the reply box.
        await Expect(MyChat(page, "Blake")).ToHaveAttributeAsync("aria-current", "true");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Chat Screen", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Alt+r");
        await Expect(Composer(page, "Blake")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Alt+ArrowUp");
        await Expect(avery).ToHaveAttributeAsync("aria-current", "true");
        await Expect(Composer(page, "Avery")).ToBeFocusedAsync();

        // The reply ends the wait.
        await page.Keyboard.TypeAsync("Yes, we do!");
        await page.Keyboard.PressAsync("Enter");
        await Expect(avery).Not.ToContainTextAsync("Needs a reply");
        await Expect(avery).Not.ToContainTextAsync("Waiting for a reply");

        // From the chat list, focus follows the switch in the list.
        await avery.FocusAsync();
        await page.Keyboard.PressAsync("Alt+ArrowDown");
        await Expect(MyChat(page, "Blake")).ToHaveAttributeAsync("aria-current", "true");
        await Expect(MyChat(page, "Blake")).ToBeFocusedAsync();
    });

    [Fact]
    public Task Click_to_enable_sound_shows_while_the_browser_holds_audio_and_the_sound_setting_is_remembered() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        // Chromium as launched here may let audio play without a gesture: make the AudioContext behave as a browser
        // that holds audio does (suspended until resumed from a click), so the screen's answer to it is what is tested.
        await page.AddInitScriptAsync("""
            (() => {
              const Real = window.AudioContext;
              window.AudioContext = class extends Real {
                constructor(...args) { super(...args); this._held = true; super.suspend(); }
                get state() { return this._held ? "suspended" : super.state; }
                async resume() { this._held = false; await super.resume(); this.dispatchEvent(new Event("statechange")); }
              };
            })();
            """);
        await SignInAsync(page, "sam@example.com");
        var enable = page.GetByRole(AriaRole.Button, new() { Name = "Click to enable sound" });
        await Expect(enable).ToBeVisibleAsync();
        await Expect(page.GetByText("Your browser holds the ring until you click the page.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enable notifications" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "chat-screen-click-to-enable-sound");
        await enable.ClickAsync();
        await Expect(enable).ToHaveCountAsync(0);

        var ring = page.GetByRole(AriaRole.Checkbox, new() { Name = "Ring for incoming chats" });
        await Expect(ring).ToBeCheckedAsync();
        // The agent's Sound channel, saved on the server for all their clients (see Notification settings).
        await page.RunAndWaitForResponseAsync(() => ring.UncheckAsync(),
            r => r.Url.EndsWith("/api/me/notification-settings", StringComparison.Ordinal) && r.Request.Method == "PUT" && r.Ok);
        await page.ReloadAsync();
        await Expect(ring).Not.ToBeCheckedAsync();
        // With the sound off there is nothing to enable.
        await Expect(enable).ToHaveCountAsync(0);
        await ring.CheckAsync();
        await Expect(ring).ToBeCheckedAsync();
    });

    [Fact]
    public Task Agent_of_two_dealers_filters_offers_and_chats_by_dealer() => RunAsync(async () =>
    {
        var widgetKey = await AllowSiteAsync(App);
        var maria = await NewPageAsync();
        await SignInAsync(maria, "manager@example.com");
        await BecomeAvailableAsync(maria);

        await using var shopper = new ShopperSession(App.BaseAddress, widgetKey, Site);
        await StartChatAsync(shopper, new { name = "Emery" });
        var card = OfferCard(maria, "Emery");
        await Expect(card).ToContainTextAsync("Example Motors Downtown · Sales");

        var dealer = maria.GetByLabel("Dealer", new() { Exact = true });
        await dealer.SelectOptionAsync(new SelectOptionValue { Label = "Example Motors Lakeside" });
        await Expect(card).ToHaveCountAsync(0);
        await Expect(maria.GetByText("No chats waiting. When a chat comes through, it appears here.")).ToBeVisibleAsync();
        await dealer.SelectOptionAsync(new SelectOptionValue { Label = "Example Motors Downtown" });
        await Expect(card).ToBeVisibleAsync();
        await ScreenshotAsync(maria, "chat-screen-dealer-filter");
        await AcceptAsync(maria, "Emery");
        await dealer.SelectOptionAsync(new SelectOptionValue { Label = "Example Motors Lakeside" });
        await Expect(MyChat(maria, "Emery")).ToHaveCountAsync(0);
        await Expect(maria.GetByText("No chats at this dealer. Choose All dealers to see the others.")).ToBeVisibleAsync();
        await dealer.SelectOptionAsync(new SelectOptionValue { Label = "All dealers" });
        await Expect(MyChat(maria, "Emery")).ToContainTextAsync("Example Motors Downtown");
    });

    /// <summary>Counts the chime's tones, lets the test hide the tab, and stands in for the Notification API.</summary>
    const string AlertProbes = """
        (() => {
          window.__tones = 0; window.__notes = []; window.__hidden = false;
          const Real = window.AudioContext;
          window.AudioContext = class extends Real {
            createOscillator() { window.__tones++; return super.createOscillator(); }
          };
          Object.defineProperty(Document.prototype, "hidden", { get() { return window.__hidden; }, configurable: true });
          let permission = "default";
          window.Notification = class {
            static get permission() { return permission; }
            static async requestPermission() { permission = "granted"; return permission; }
            constructor(title, options) { this.title = title; this.body = options?.body; this.closed = false; window.__notes.push(this); }
            close() { this.closed = true; }
          };
        })();
        """;

    static async Task<int> TonesAsync(IPage page) => await page.EvaluateAsync<int>("window.__tones");

    /// <summary>Polls from the test's side (the page's timers are Playwright's clock's).</summary>
    static async Task WaitForTonesAsync(IPage page, int atLeast)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (await TonesAsync(page) < atLeast)
        {
            Assert.True(DateTime.UtcNow < until, $"expected at least {atLeast} tones, heard {await TonesAsync(page)}");
            await page.WaitForTimeoutAsync(200);
        }
    }

    [Fact]
    public Task Offer_rings_every_3_seconds_and_notifies_a_hidden_tab_until_it_goes() => RunAsync(async () =>
    {
        var widgetKey = await AllowSiteAsync(App);
        var page = await NewPageAsync();
        await page.AddInitScriptAsync(AlertProbes);
        await page.Clock.InstallAsync();
        await SignInAsync(page, "sam@example.com");
        await BecomeAvailableAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enable notifications" }).ClickAsync();
        await Expect(page.GetByText("Notifications on: a new chat shows one while this tab is hidden.")).ToBeVisibleAsync();
        Assert.Equal(0, await TonesAsync(page));

        await page.EvaluateAsync("window.__hidden = true");
        await using var shopper = new ShopperSession(App.BaseAddress, widgetKey, Site);
        var (hub, id) = await StartChatAsync(shopper, new { name = "Pat", vehicle = new { year = 2022, make = "Toyota", model = "RAV4" } });
        await Expect(OfferCard(page, "Pat")).ToBeVisibleAsync();

        // A chime of two tones at once, and again 3 s later while the offer waits.
        await WaitForTonesAsync(page, 2);
        var first = await TonesAsync(page);
        await page.Clock.RunForAsync(3000);
        await WaitForTonesAsync(page, first + 2);
        Assert.Equal(1, await page.EvaluateAsync<int>("window.__notes.length"));
        Assert.Equal("Incoming chat: Pat", await page.EvaluateAsync<string>("window.__notes[0].title"));
        Assert.Equal("Example Motors Downtown · Sales · 2022 Toyota RAV4", await page.EvaluateAsync<string>("window.__notes[0].body"));

        // The shopper leaves: the card, the notification and the ringing go.
        await hub.InvokeAsync("EndConversation", id);
        await Expect(OfferCard(page, "Pat")).ToHaveCountAsync(0);
        // Polled from here: the page's own timers are Playwright's fake clock.
        for (var tries = 0; !await page.EvaluateAsync<bool>("window.__notes[0].closed"); tries++)
        {
            Assert.True(tries < 50, "the notification was not closed within 5 s");
            await Task.Delay(100);
        }
        var heard = await TonesAsync(page);
        await page.Clock.RunForAsync(6000);
        Assert.Equal(heard, await TonesAsync(page));
    });
}
