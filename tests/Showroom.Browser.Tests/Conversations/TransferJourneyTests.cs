using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Showroom.Browser.Tests.Infrastructure;
using Showroom.Browser.Tests.Widget;
using Showroom.Data;
using Showroom.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Showroom.Browser.Tests.Conversations.ChatSteps;

namespace Showroom.Browser.Tests.Conversations;

/// <summary>
/// Transfers from the conversation pane: Sam offers a chat to a colleague with a note for agents; the chat stays Sam's
/// until Jordan (Away: transfers still reach them) accepts, declines, or Sam cancels. Maria, in Do Not Disturb, cannot be chosen.
/// The first journey's shopper uses the real widget; the others a shopper hub connection (their widget shows nothing new).
/// </summary>
public sealed class TransferJourneyTests(BrowserFixture browser, ShowroomApp app)
    : BrowserTest(browser, app), IClassFixture<BrowserFixture>, IClassFixture<ShowroomApp>
{
    const string Note = "Wants financing on the RAV4, pre-approved with their bank.";

    /// <summary>The open chat's pane, labelled with the shopper's name.</summary>
    static ILocator Pane(IPage page, string shopper) => page.GetByRole(AriaRole.Region, new() { Name = shopper, Exact = true });

    static ILocator TransferButton(IPage page, string shopper) =>
        Pane(page, shopper).GetByRole(AriaRole.Button, new() { Name = "Transfer", Exact = true });

    static ILocator Dialog(IPage page) => page.GetByRole(AriaRole.Dialog, new() { NameRegex = new("^Transfer the chat with ") });

    static ILocator Colleague(IPage page, string name) => Dialog(page).GetByRole(AriaRole.Radio, new() { Name = name, Exact = true });

    /// <summary>What the pane says about the transfer (a polite status line under its header).</summary>
    static ILocator PaneStatus(IPage page, string shopper) => Pane(page, shopper).Locator(".transfer-bar").GetByRole(AriaRole.Status);

    /// <summary>Sam and Jordan signed in to their consoles, Sam Available and Jordan Away; Maria in Do Not Disturb.</summary>
    async Task<(IPage Sam, IPage Jordan, OnlineAgent Maria)> AgentsAsync()
    {
        var maria = await WidgetPage.AgentOnlineAsync(App, "manager@example.com", "DoNotDisturb");
        var sam = await NewPageAsync();
        var jordan = await NewPageAsync();
        await SignInAsync(sam, "sam@example.com");
        await SignInAsync(jordan, "jordan@example.com");
        await BecomeAvailableAsync(sam);
        await BecomeAvailableAsync(jordan);
        await ChooseStatusAsync(jordan, "Available", "Away");
        return (sam, jordan, maria);
    }

    /// <summary>Sam answers the shopper's question in the chat Sam just accepted.</summary>
    static async Task SamAnswersAsync(IPage sam, string shopper)
    {
        var reply = sam.GetByRole(AriaRole.Textbox, new() { Name = $"Reply to {shopper}" });
        await reply.FillAsync("Yes! Let me bring in our finance expert.");
        await reply.PressAsync("Enter");
    }

    /// <summary>Sam has the chat of a shopper (a raw shopper hub connection) open: they asked a question, Sam answered.</summary>
    async Task<(IPage Sam, IPage Jordan, ShopperSession Shopper, OnlineAgent Maria)> SamChatsWithAsync(string name)
    {
        var widgetKey = await AllowSiteAsync(App);
        var (sam, jordan, maria) = await AgentsAsync();
        var shopper = new ShopperSession(App.BaseAddress, widgetKey, Site);
        var heard = new ConcurrentQueue<JsonElement>();
        var (hub, id) = await StartChatAsync(shopper, new { name, pageUrl = "https://downtown.example/inventory/2022-toyota-rav4",
            vehicle = new { year = 2022, make = "Toyota", model = "RAV4" } }, h => h.On<JsonElement>("MessageReceived", m => heard.Enqueue(m)));
        await hub.InvokeAsync<JsonElement>("SendMessage", id, "p1", "Can I finance the RAV4?");
        await AcceptAsync(sam, name);
        await SamAnswersAsync(sam, name);
        await Eventually.TrueAsync(() => heard.Any(m => m.GetProperty("text").GetString() == "Yes! Let me bring in our finance expert."), "the shopper got Sam's answer");
        return (sam, jordan, shopper, maria);
    }

    /// <summary>The dealer group lets its dealers' agents work each other's chats (off by default).</summary>
    async Task AllowCrossDealerWorkAsync(bool allow)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        await db.DealerGroups.ExecuteUpdateAsync(set => set.SetProperty(g => g.AllowCrossDealerWork, allow));
    }

    /// <summary>
    /// Everything of the widget a shopper could ever see: the page and the widget's shadow root, markup and attributes
    /// included (hidden elements too), and every frame the shopper hub sent the page.
    /// </summary>
    static async Task AssertShopperNeverSawAsync(IPage shopper, IEnumerable<string> frames, string text)
    {
        var html = await shopper.EvaluateAsync<string>("() => document.documentElement.outerHTML + (document.querySelector('showroom-chat')?.shadowRoot?.innerHTML ?? '')");
        Assert.DoesNotContain(text, html, StringComparison.Ordinal);
        Assert.DoesNotContain(frames, f => f.Contains(text, StringComparison.Ordinal));
    }

    [Fact]
    public Task Sam_transfers_to_Jordan_who_is_Away_with_a_note_and_Jordan_takes_the_chat_with_its_history() => RunAsync(async () =>
    {
        await WidgetPage.AllowTestOriginAsync(App);
        var (sam, jordan, maria) = await AgentsAsync();
        await using var _ = maria;
        await using (var jordanApi = await App.SignInAsync("jordan@example.com"))
        {
            var me = await jordanApi.GetJsonAsync<JsonElement>("/api/me");
            await WidgetPage.UploadHeadshotAsync(jordanApi, Guid.Parse(me.GetProperty("id").GetString()!));
        }

        // The shopper, in a browser of their own, starts the chat in the widget on the dealer's RAV4 page.
        var shopper = await NewPageAsync();
        var frames = new ConcurrentQueue<string>();
        shopper.WebSocket += (_, socket) =>
        {
            if (socket.Url.Contains("/hubs/shopper", StringComparison.Ordinal))
            {
                socket.FrameReceived += (_, frame) => frames.Enqueue(frame.Text ?? Encoding.UTF8.GetString(frame.Binary ?? []));
            }
        };
        await shopper.GotoAsync(WidgetPage.Rav4Page);
        await WidgetPage.Launcher(shopper).ClickAsync();
        await shopper.GetByLabel("Name (optional)").FillAsync("Pat");
        await shopper.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await WidgetPage.SendAsync(shopper, "Can I finance the RAV4?");
        await Expect(WidgetPage.Message(shopper, "Can I finance the RAV4?")).ToContainTextAsync("Sent");

        await AcceptAsync(sam, "Pat");
        await SamAnswersAsync(sam, "Pat");
        var agentBar = shopper.GetByRole(AriaRole.Dialog).Locator(".agentbar");
        await Expect(WidgetPage.Message(shopper, "Yes! Let me bring in our finance expert.")).ToContainTextAsync("Sam");
        await Expect(agentBar).ToContainTextAsync("You are chatting with Sam.");
        await Expect(agentBar.Locator(".initial")).ToHaveTextAsync("S");

        // The dialog: labelled, focus inside, Escape closes it and focus returns to Transfer.
        await TransferButton(sam, "Pat").ClickAsync();
        await Expect(Dialog(sam)).ToBeVisibleAsync();
        await Expect(sam.GetByRole(AriaRole.Heading, new() { Name = "Transfer the chat with Pat" })).ToBeFocusedAsync();
        await sam.Keyboard.PressAsync("Escape");
        await Expect(Dialog(sam)).ToHaveCountAsync(0);
        await Expect(TransferButton(sam, "Pat")).ToBeFocusedAsync();

        await TransferButton(sam, "Pat").PressAsync("Enter");
        await Expect(Dialog(sam)).ToBeVisibleAsync();
        // Maria is in Do Not Disturb: listed, disabled, with the reason; Jordan is Away and may take transfers.
        await Expect(Colleague(sam, "Maria Lopez")).ToBeDisabledAsync();
        await Expect(Colleague(sam, "Maria Lopez")).ToHaveAccessibleDescriptionAsync("In Do Not Disturb");
        await Expect(Colleague(sam, "Jordan Lee")).ToBeEnabledAsync();
        await Expect(Colleague(sam, "Jordan Lee")).ToHaveAccessibleDescriptionAsync("Away");
        await Expect(Dialog(sam).GetByRole(AriaRole.Radio, new() { Name = "Finance", Exact = true })).ToHaveAccessibleDescriptionAsync("1 colleague can take it now");
        await Expect(Dialog(sam).GetByRole(AriaRole.Group, new() { Name = "Or to a department" })).ToBeVisibleAsync();
        // The group does not allow cross-dealer work: nobody of Lakeside is listed.
        await Expect(Dialog(sam).GetByText("Example Motors Lakeside")).ToHaveCountAsync(0);

        // Nothing chosen: the dialog says what is missing.
        await Dialog(sam).GetByRole(AriaRole.Button, new() { Name = "Transfer", Exact = true }).ClickAsync();
        await Expect(Dialog(sam).GetByRole(AriaRole.Alert)).ToHaveTextAsync("Choose a colleague or a department.");

        await Colleague(sam, "Jordan Lee").CheckAsync();
        await Dialog(sam).GetByLabel("Note (optional)").FillAsync(Note);
        await Expect(Dialog(sam).GetByLabel("Note (optional)")).ToHaveAccessibleDescriptionAsync("Only agents see this note.");

        // Tab stays in the dialog: past its last button it comes back to the top.
        await Dialog(sam).GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).FocusAsync();
        await sam.Keyboard.PressAsync("Tab");
        await Expect(sam.GetByRole(AriaRole.Heading, new() { Name = "Transfer the chat with Pat" })).ToBeFocusedAsync();
        await sam.Keyboard.PressAsync("Shift+Tab");
        await Expect(Dialog(sam).GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true })).ToBeFocusedAsync();

        var axe = await sam.Locator("dialog").RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("; ", serious.Select(v => $"{v.Id}: {v.Help}")));
        await ScreenshotAsync(sam, "transfer-dialog");

        await Dialog(sam).GetByRole(AriaRole.Button, new() { Name = "Transfer", Exact = true }).ClickAsync();
        await Expect(Dialog(sam)).ToHaveCountAsync(0);
        await Expect(PaneStatus(sam, "Pat")).ToHaveTextAsync("Waiting for Jordan Lee to accept…");
        await Expect(sam.GetByRole(AriaRole.Button, new() { Name = "Cancel transfer" })).ToBeVisibleAsync();
        await Expect(TransferButton(sam, "Pat")).ToHaveAttributeAsync("aria-disabled", "true");
        // Until Jordan accepts, the chat is still Sam's.
        await Expect(MyChat(sam, "Pat")).ToBeVisibleAsync();
        await ScreenshotAsync(sam, "transfer-pending");

        // Jordan, Away, still gets the transfer offer: from Sam, with the note.
        var card = OfferCard(jordan, "Pat");
        await Expect(card).ToContainTextAsync("Transfer from Sam");
        await Expect(card).ToContainTextAsync(Note);
        await ScreenshotAsync(jordan, "transfer-offer-card");
        // Meanwhile the shopper still chats with Sam, and the note is nowhere on their side.
        await Expect(agentBar).ToContainTextAsync("You are chatting with Sam.");
        await AssertShopperNeverSawAsync(shopper, frames, Note);

        await AcceptAsync(jordan, "Pat");
        var log = jordan.GetByRole(AriaRole.Log, new() { Name = "Messages with Pat" });
        await Expect(log).ToContainTextAsync("Can I finance the RAV4?");
        await Expect(log).ToContainTextAsync("Yes! Let me bring in our finance expert.");

        // The chat left Sam's list, and a polite line says where it went.
        await Expect(MyChat(sam, "Pat")).ToHaveCountAsync(0);
        await Expect(sam.Locator(".transfer-notice")).ToHaveTextAsync("Pat: Chat transferred to Jordan");
        await Expect(sam.Locator(".transfer-notice")).ToHaveAttributeAsync("role", "status");
        await ScreenshotAsync(sam, "transfer-done-sender");
        await ScreenshotAsync(jordan, "transfer-done-target");

        // The shopper's widget: Jordan joined, with Jordan's face and name on top; the history stays; still no note.
        await Expect(WidgetPage.Message(shopper, "Jordan joined the chat")).ToBeVisibleAsync();
        await Expect(agentBar).ToContainTextAsync("You are chatting with Jordan.");
        await Expect(agentBar).Not.ToContainTextAsync("Sam");
        var headshot = agentBar.Locator("img");
        await Expect(headshot).ToHaveAttributeAsync("src", new Regex($"^{Regex.Escape(App.BaseAddress.GetLeftPart(UriPartial.Authority))}/media/headshots/"));
        await Expect(headshot).ToHaveAttributeAsync("alt", "");
        Assert.True(await headshot.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "Jordan's headshot loads");
        await Expect(agentBar.Locator(".initial")).ToHaveCountAsync(0);
        var messages = shopper.GetByRole(AriaRole.Log).GetByRole(AriaRole.Listitem);
        await Expect(messages).ToHaveCountAsync(4);
        await Expect(messages.Nth(0)).ToContainTextAsync("Can I finance the RAV4?");
        await Expect(messages.Nth(1)).ToContainTextAsync("Sam joined the chat");
        await Expect(messages.Nth(2)).ToContainTextAsync("Yes! Let me bring in our finance expert.");
        await Expect(messages.Nth(3)).ToContainTextAsync("Jordan joined the chat");
        await ScreenshotAsync(shopper, "transfer-widget-after");
        await AssertShopperNeverSawAsync(shopper, frames, Note);
        Assert.NotEmpty(frames);

        // Jordan's answer reaches the widget under Jordan's name.
        var reply = jordan.GetByRole(AriaRole.Textbox, new() { Name = "Reply to Pat" });
        await reply.FillAsync("Hi Pat, I'm Jordan from finance.");
        await reply.PressAsync("Enter");
        await Expect(WidgetPage.Message(shopper, "Hi Pat, I'm Jordan from finance.")).ToContainTextAsync("Jordan");
        await AssertShopperNeverSawAsync(shopper, frames, Note);
    });

    [Fact]
    public Task A_declined_transfer_stays_with_Sam_who_is_told_why_and_Sam_can_cancel_one() => RunAsync(async () =>
    {
        var (sam, jordan, shopper, maria) = await SamChatsWithAsync("Robin");
        await using var __ = shopper;
        await using var ___ = maria;

        await TransferButton(sam, "Robin").ClickAsync();
        await Colleague(sam, "Jordan Lee").CheckAsync();
        await Dialog(sam).GetByRole(AriaRole.Button, new() { Name = "Transfer", Exact = true }).ClickAsync();
        await Expect(PaneStatus(sam, "Robin")).ToHaveTextAsync("Waiting for Jordan Lee to accept…");

        // Jordan declines: the chat stays Sam's, and the pane says why.
        await jordan.GetByRole(AriaRole.Button, new() { Name = "Decline chat from Robin", Exact = true }).ClickAsync();
        await Expect(PaneStatus(sam, "Robin")).ToHaveTextAsync("Jordan declined the transfer. The chat stays with you.");
        await Expect(MyChat(sam, "Robin")).ToBeVisibleAsync();
        await Expect(TransferButton(sam, "Robin")).Not.ToHaveAttributeAsync("aria-disabled", "true");
        await ScreenshotAsync(sam, "transfer-declined");

        // A second tab of Sam's has the dialog open when the first transfers the chat to the Finance department: its
        // own transfer is refused by the server, and the dialog says why.
        var second = await sam.Context.NewPageAsync();
        await second.GotoAsync("/");
        await MyChat(second, "Robin").ClickAsync();
        await TransferButton(second, "Robin").ClickAsync();
        await Colleague(second, "Jordan Lee").CheckAsync();

        await sam.BringToFrontAsync();
        await TransferButton(sam, "Robin").ClickAsync();
        await Dialog(sam).GetByRole(AriaRole.Radio, new() { Name = "Finance", Exact = true }).CheckAsync();
        await Dialog(sam).GetByRole(AriaRole.Button, new() { Name = "Transfer", Exact = true }).ClickAsync();
        await Expect(PaneStatus(sam, "Robin")).ToHaveTextAsync("Waiting for someone in Finance to accept…");
        await Expect(OfferCard(jordan, "Robin")).ToContainTextAsync("Transfer from Sam");

        await second.BringToFrontAsync();
        await Dialog(second).GetByRole(AriaRole.Button, new() { Name = "Transfer", Exact = true }).ClickAsync();
        await Expect(Dialog(second).GetByRole(AriaRole.Alert)).ToHaveTextAsync("A transfer of this chat is already waiting for an answer.");
        await ScreenshotAsync(second, "transfer-refused");
        await second.Keyboard.PressAsync("Escape");
        await Expect(Dialog(second)).ToHaveCountAsync(0);

        await sam.BringToFrontAsync();
        await sam.GetByRole(AriaRole.Button, new() { Name = "Cancel transfer" }).ClickAsync();
        await Expect(PaneStatus(sam, "Robin")).ToHaveTextAsync("Transfer cancelled. The chat stays with you.");
        await Expect(TransferButton(sam, "Robin")).ToBeFocusedAsync();
        await Expect(OfferCard(jordan, "Robin")).ToHaveCountAsync(0);
        await Expect(MyChat(sam, "Robin")).ToBeVisibleAsync();
        // Every tab of Sam's hears how it ended.
        await Expect(PaneStatus(second, "Robin")).ToHaveTextAsync("Transfer cancelled. The chat stays with you.");

        await sam.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Expect(PaneStatus(sam, "Robin")).ToHaveTextAsync("");
        await Expect(TransferButton(sam, "Robin")).ToBeFocusedAsync();
    });

    [Fact]
    public Task A_waiting_transfer_is_still_shown_after_Sam_reloads_the_console_and_can_be_cancelled() => RunAsync(async () =>
    {
        var (sam, jordan, shopper, maria) = await SamChatsWithAsync("Casey");
        await using var __ = shopper;
        await using var ___ = maria;

        await TransferButton(sam, "Casey").ClickAsync();
        await Colleague(sam, "Jordan Lee").CheckAsync();
        await Dialog(sam).GetByRole(AriaRole.Button, new() { Name = "Transfer", Exact = true }).ClickAsync();
        await Expect(PaneStatus(sam, "Casey")).ToHaveTextAsync("Waiting for Jordan Lee to accept…");
        await Expect(OfferCard(jordan, "Casey")).ToContainTextAsync("Transfer from Sam");

        // The reloaded console asks the hub what Sam sent (SentTransfers): the transfer is shown again, by first name only.
        await sam.ReloadAsync();
        await MyChat(sam, "Casey").ClickAsync();
        await Expect(PaneStatus(sam, "Casey")).ToHaveTextAsync("Waiting for Jordan Lee to accept…");
        await Expect(TransferButton(sam, "Casey")).ToHaveAttributeAsync("aria-disabled", "true");
        await ScreenshotAsync(sam, "transfer-pending-after-reload");

        await sam.GetByRole(AriaRole.Button, new() { Name = "Cancel transfer" }).ClickAsync();
        await Expect(PaneStatus(sam, "Casey")).ToHaveTextAsync("Transfer cancelled. The chat stays with you.");
        await Expect(OfferCard(jordan, "Casey")).ToHaveCountAsync(0);
        await Expect(TransferButton(sam, "Casey")).Not.ToHaveAttributeAsync("aria-disabled", "true");

        // To a department this time: after a reload it still says which one, and Cancel transfer still works.
        await TransferButton(sam, "Casey").ClickAsync();
        await Dialog(sam).GetByRole(AriaRole.Radio, new() { Name = "Finance", Exact = true }).CheckAsync();
        await Dialog(sam).GetByRole(AriaRole.Button, new() { Name = "Transfer", Exact = true }).ClickAsync();
        await Expect(PaneStatus(sam, "Casey")).ToHaveTextAsync("Waiting for someone in Finance to accept…");
        await sam.ReloadAsync();
        await MyChat(sam, "Casey").ClickAsync();
        await Expect(PaneStatus(sam, "Casey")).ToHaveTextAsync("Waiting for someone in Finance to accept…");
        await Expect(OfferCard(jordan, "Casey")).ToContainTextAsync("Transfer from Sam");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Cancel transfer" }).ClickAsync();
        await Expect(PaneStatus(sam, "Casey")).ToHaveTextAsync("Transfer cancelled. The chat stays with you.");
        await Expect(OfferCard(jordan, "Casey")).ToHaveCountAsync(0);
        await Expect(MyChat(sam, "Casey")).ToBeVisibleAsync();
    });

    [Fact]
    public Task Where_the_group_allows_cross_dealer_work_Sam_transfers_to_Parts_at_Lakeside_and_Chris_takes_it() => RunAsync(async () =>
    {
        var (sam, _, shopper, maria) = await SamChatsWithAsync("Dana");
        await using var __ = shopper;
        await using var ___ = maria;
        var chris = await NewPageAsync();
        await SignInAsync(chris, "chris@example.com");
        await BecomeAvailableAsync(chris);

        await AllowCrossDealerWorkAsync(true);
        try
        {
            await TransferButton(sam, "Dana").ClickAsync();
            // Lakeside's people and departments are listed after Downtown's, each named with the dealer.
            var lakesideChris = Colleague(sam, "Chris Nguyen · Example Motors Lakeside");
            await Expect(lakesideChris).ToBeEnabledAsync();
            await Expect(lakesideChris).ToHaveAccessibleDescriptionAsync("Available");
            await Expect(Colleague(sam, "Priya Patel · Example Motors Lakeside")).ToBeDisabledAsync();
            await Expect(Colleague(sam, "Priya Patel · Example Motors Lakeside")).ToHaveAccessibleDescriptionAsync("Offline");
            // Maria works at both: listed once, at the chat's dealer.
            await Expect(Colleague(sam, "Maria Lopez")).ToBeVisibleAsync();
            await Expect(Dialog(sam).GetByRole(AriaRole.Radio, new() { NameRegex = new("^Maria Lopez") })).ToHaveCountAsync(1);
            var parts = Dialog(sam).GetByRole(AriaRole.Radio, new() { Name = "Parts · Example Motors Lakeside", Exact = true });
            await Expect(parts).ToHaveAccessibleDescriptionAsync("1 colleague can take it now");
            await Expect(Dialog(sam).GetByRole(AriaRole.Radio, new() { Name = "Parts", Exact = true })).ToHaveCountAsync(0);
            await ScreenshotAsync(sam, "transfer-dialog-other-dealer");
            var axe = await sam.Locator("dialog").RunAxe();
            var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            Assert.True(serious.Count == 0, string.Join("; ", serious.Select(v => $"{v.Id}: {v.Help}")));

            await parts.CheckAsync();
            await Dialog(sam).GetByRole(AriaRole.Button, new() { Name = "Transfer", Exact = true }).ClickAsync();
            await Expect(Dialog(sam)).ToHaveCountAsync(0);
            await Expect(PaneStatus(sam, "Dana")).ToHaveTextAsync("Waiting for someone in Parts to accept…");

            // The card says it is Downtown's chat, in Lakeside's Parts.
            var card = OfferCard(chris, "Dana");
            await Expect(card).ToContainTextAsync("Transfer from Sam");
            await Expect(card).ToContainTextAsync("Example Motors Downtown · Parts");
            await ScreenshotAsync(chris, "transfer-offer-other-dealer");
            await AcceptAsync(chris, "Dana");
            var log = chris.GetByRole(AriaRole.Log, new() { Name = "Messages with Dana" });
            await Expect(log).ToContainTextAsync("Can I finance the RAV4?");
            await Expect(log).ToContainTextAsync("Yes! Let me bring in our finance expert.");
            await Expect(MyChat(sam, "Dana")).ToHaveCountAsync(0);
            await Expect(sam.Locator(".transfer-notice")).ToHaveTextAsync("Dana: Chat transferred to Chris");
        }
        finally
        {
            // The class's other journeys expect the default: no cross-dealer work.
            await AllowCrossDealerWorkAsync(false);
        }
    });
}
