using System.Collections.Concurrent;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Showroom.Browser.Tests.Infrastructure;
using Showroom.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Showroom.Browser.Tests.Conversations.ChatSteps;

namespace Showroom.Browser.Tests.Conversations;

/// <summary>
/// Chats come to the Chat Screen as offers (Broadcast routing in the demo's Downtown Sales): the agent sees who is
/// waiting and for what, accepts, and talks with typing indicators and read receipts both ways.
/// </summary>
public sealed class OfferJourneyTests(BrowserFixture browser, ShowroomApp app)
    : BrowserTest(browser, app), IClassFixture<BrowserFixture>, IClassFixture<ShowroomApp>
{
    [Fact]
    public Task Offer_card_shows_the_shopper_and_vehicle_and_the_keyboard_accepts_it() => RunAsync(async () =>
    {
        var widgetKey = await AllowSiteAsync(App);
        var page = await NewPageAsync();
        await SignInAsync(page, "sam@example.com");
        await BecomeAvailableAsync(page);
        await Expect(page.GetByText("No chats waiting. When a chat comes through, it appears here.")).ToBeVisibleAsync();

        await using var shopper = new ShopperSession(App.BaseAddress, widgetKey, Site);
        await StartChatAsync(shopper, new
        {
            name = "Pat",
            pageUrl = "https://downtown.example/inventory/2022-toyota-rav4",
            pageTitle = "2022 Toyota RAV4 XLE | Example Motors Downtown",
            vehicle = new { year = 2022, make = "Toyota", model = "RAV4", trim = "XLE", condition = "Used", stockNumber = "R1234", price = 31500 },
        });

        var card = OfferCard(page, "Pat");
        await Expect(IncomingChats(page).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(card).ToContainTextAsync("Example Motors Downtown · Sales");
        await Expect(card).ToContainTextAsync("2022 Toyota RAV4 XLE");
        await Expect(card).ToContainTextAsync("Used · Price 31,500 · Stock # R1234");
        await Expect(card).ToContainTextAsync("Waiting 0:0");
        var pageLink = card.GetByRole(AriaRole.Link, new() { Name = "2022 Toyota RAV4 XLE | Example Motors Downtown" });
        await Expect(pageLink).ToHaveAttributeAsync("href", "https://downtown.example/inventory/2022-toyota-rav4");
        await Expect(pageLink).ToHaveAttributeAsync("rel", "noopener noreferrer");
        await Expect(page).ToHaveTitleAsync("(1) Chat Screen – Showroom");
        await Expect(AcceptButton(page, "Pat")).ToHaveAttributeAsync("title", "Accept (Alt+A)");
        await Expect(page.GetByText("Alt+A accepts the chat at the top of the list.")).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync("Waiting 0:02");

        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("; ", serious.Select(v => $"{v.Id}: {v.Help}")));
        await ScreenshotAsync(page, "chat-screen-offer");

        // A reload reads the waiting offers again: the card is back, once.
        await page.ReloadAsync();
        await Expect(IncomingChats(page).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(card).ToContainTextAsync("2022 Toyota RAV4 XLE");
        await Expect(page).ToHaveTitleAsync("(1) Chat Screen – Showroom");

        // The top offer's Accept is the first stop after the page heading; Alt+A accepts it from anywhere.
        await page.GetByRole(AriaRole.Heading, new() { Name = "Chat Screen", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(AcceptButton(page, "Pat")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Alt+A");

        await Expect(MyChat(page, "Pat")).ToContainTextAsync("Example Motors Downtown");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pat", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Reply to Pat" })).ToBeFocusedAsync();
        await Expect(IncomingChats(page)).ToHaveCountAsync(0);
        await Expect(page).ToHaveTitleAsync("Chat Screen – Showroom");
        await ScreenshotAsync(page, "chat-screen-accepted");
    });

    [Fact]
    public Task Broadcast_offer_rings_every_available_agent_and_the_first_accept_wins() => RunAsync(async () =>
    {
        var widgetKey = await AllowSiteAsync(App);
        var sam = await NewPageAsync();
        var jordan = await NewPageAsync();
        await SignInAsync(sam, "sam@example.com");
        await SignInAsync(jordan, "jordan@example.com");
        await BecomeAvailableAsync(sam);
        await BecomeAvailableAsync(jordan);

        await using var shopper = new ShopperSession(App.BaseAddress, widgetKey, Site);
        await StartChatAsync(shopper, new { name = "Riley", pageUrl = "https://downtown.example/" });
        await Expect(OfferCard(sam, "Riley")).ToBeVisibleAsync();
        await Expect(OfferCard(jordan, "Riley")).ToBeVisibleAsync();

        await AcceptAsync(jordan, "Riley");

        // Sam's card goes at once, and a polite line says why.
        await Expect(OfferCard(sam, "Riley")).ToHaveCountAsync(0);
        await Expect(sam.GetByRole(AriaRole.Region, new() { Name = "Incoming Chats" }).GetByRole(AriaRole.Status))
            .ToHaveTextAsync("Riley: Already taken by Jordan");
        await Expect(sam).ToHaveTitleAsync("Chat Screen – Showroom");
        await Expect(MyChat(sam, "Riley")).ToHaveCountAsync(0);
        await ScreenshotAsync(sam, "chat-screen-offer-taken");
    });

    [Fact]
    public Task A_declined_offer_leaves_and_a_shopper_who_leaves_takes_the_offer_away() => RunAsync(async () =>
    {
        var widgetKey = await AllowSiteAsync(App);
        var sam = await NewPageAsync();
        var jordan = await NewPageAsync();
        await SignInAsync(sam, "sam@example.com");
        await SignInAsync(jordan, "jordan@example.com");
        await BecomeAvailableAsync(sam);
        await BecomeAvailableAsync(jordan);

        await using var shopper = new ShopperSession(App.BaseAddress, widgetKey, Site);
        var (hub, id) = await StartChatAsync(shopper, new { name = "Frankie" });
        await Expect(OfferCard(sam, "Frankie")).ToBeVisibleAsync();
        await Expect(OfferCard(jordan, "Frankie")).ToBeVisibleAsync();

        await sam.GetByRole(AriaRole.Button, new() { Name = "Decline chat from Frankie", Exact = true }).ClickAsync();
        await Expect(OfferCard(sam, "Frankie")).ToHaveCountAsync(0);
        await Expect(sam).ToHaveTitleAsync("Chat Screen – Showroom");
        await Expect(OfferCard(jordan, "Frankie")).ToBeVisibleAsync();

        await hub.InvokeAsync("EndConversation", id);
        await Expect(OfferCard(jordan, "Frankie")).ToHaveCountAsync(0);
        await Expect(jordan.GetByRole(AriaRole.Region, new() { Name = "Incoming Chats" }).GetByRole(AriaRole.Status))
            .ToHaveTextAsync("Frankie: The shopper left");
    });

    [Fact]
    public Task Typing_and_read_receipts_show_both_ways() => RunAsync(async () =>
    {
        var widgetKey = await AllowSiteAsync(App);
        var page = await NewPageAsync();
        await SignInAsync(page, "sam@example.com");
        await BecomeAvailableAsync(page);

        await using var shopper = new ShopperSession(App.BaseAddress, widgetKey, Site);
        var typing = new ConcurrentQueue<JsonElement>();
        var reads = new ConcurrentQueue<JsonElement>();
        var heard = new ConcurrentQueue<JsonElement>();
        var (hub, id) = await StartChatAsync(shopper, new { name = "Casey" }, h =>
        {
            h.On<JsonElement>("Typing", t => typing.Enqueue(t));
            h.On<JsonElement>("ReadUpTo", r => reads.Enqueue(r));
            h.On<JsonElement>("MessageReceived", m => heard.Enqueue(m));
        });
        await AcceptAsync(page, "Casey");

        // The shopper types: the pane says so, until they stop or send.
        var indicator = page.GetByText("Casey is typing…");
        await hub.InvokeAsync("Typing", id, true);
        await Expect(indicator).ToBeVisibleAsync();
        await hub.InvokeAsync("Typing", id, false);
        await Expect(indicator).ToBeHiddenAsync();
        await hub.InvokeAsync("Typing", id, true);
        await Expect(indicator).ToBeVisibleAsync();
        var question = await hub.InvokeAsync<JsonElement>("SendMessage", id, "s1", "Do you take trade-ins?");
        await Expect(indicator).ToBeHiddenAsync();

        // Sam has the chat open in a visible tab: the shopper learns it was read.
        var questionSeq = question.GetProperty("seq").GetInt64();
        await Eventually.TrueAsync(() => reads.Any(r => r.GetProperty("reader").GetString() == "Agent" && r.GetProperty("seq").GetInt64() >= questionSeq),
            "the shopper heard that Sam read the question");

        // Sam types: the shopper hears "typing", then "stopped" when Sam sends.
        var composer = page.GetByRole(AriaRole.Textbox, new() { Name = "Reply to Casey" });
        await composer.PressSequentiallyAsync("We do!");
        await Eventually.TrueAsync(() => typing.Any(t => t.GetProperty("sender").GetString() == "Agent" && t.GetProperty("typing").GetBoolean()),
            "the shopper saw Sam typing");
        await composer.PressAsync("Enter");
        await Eventually.TrueAsync(() => typing.LastOrDefault() is { ValueKind: JsonValueKind.Object } last && !last.GetProperty("typing").GetBoolean(),
            "the shopper saw Sam stop typing");
        await Eventually.TrueAsync(() => heard.Any(m => m.GetProperty("text").GetString() == "We do!"), "the shopper got the answer");
        var answer = heard.First(m => m.GetProperty("text").GetString() == "We do!");

        var reply = page.GetByRole(AriaRole.Log, new() { Name = "Messages with Casey" }).GetByRole(AriaRole.Listitem).Filter(new() { HasTextString = "We do!" });
        await Expect(reply).ToContainTextAsync("Sent");
        await hub.InvokeAsync("MarkRead", id, answer.GetProperty("seq").GetInt64());
        await Expect(reply).ToContainTextAsync("Read");
        await Expect(reply).Not.ToContainTextAsync("Sent");

        await hub.InvokeAsync("Typing", id, true);
        await Expect(indicator).ToBeVisibleAsync();
        await ScreenshotAsync(page, "chat-screen-typing-and-read");
    });

    [Fact]
    public Task Unread_counts_agree_across_the_agents_tabs() => RunAsync(async () =>
    {
        var widgetKey = await AllowSiteAsync(App);
        var first = await NewPageAsync();
        await SignInAsync(first, "sam@example.com");
        await BecomeAvailableAsync(first);

        await using var drew = new ShopperSession(App.BaseAddress, widgetKey, Site);
        await using var emery = new ShopperSession(App.BaseAddress, widgetKey, Site);
        var (drewHub, drewId) = await StartChatAsync(drew, new { name = "Drew" });
        await AcceptAsync(first, "Drew");
        await StartChatAsync(emery, new { name = "Emery" });
        await AcceptAsync(first, "Emery");

        // A second tab of the same browser, also with Emery's chat open.
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync("/");
        await MyChat(second, "Emery").ClickAsync();
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Emery", Exact = true })).ToBeVisibleAsync();

        // Drew writes while nobody looks at Drew's chat: both tabs count it.
        await drewHub.InvokeAsync<JsonElement>("SendMessage", drewId, "p1", "Still there?");
        await Expect(MyChat(first, "Drew")).ToContainTextAsync("1 unread message");
        await Expect(MyChat(second, "Drew")).ToContainTextAsync("1 unread message");
        await ScreenshotAsync(first, "chat-screen-unread");

        // Reading it in the second tab clears it in the first too.
        await MyChat(second, "Drew").ClickAsync();
        await Expect(MyChat(second, "Drew")).Not.ToContainTextAsync("unread");
        await Expect(MyChat(first, "Drew")).Not.ToContainTextAsync("unread");
    });
}
