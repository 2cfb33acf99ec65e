using System.Collections.Concurrent;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Showroom.Browser.Tests.Infrastructure;
using Showroom.Browser.Tests.Widget;
using Showroom.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Showroom.Browser.Tests.Conversations.ChatSteps;

namespace Showroom.Browser.Tests.Conversations;

/// <summary>
/// Transfers from the conversation pane: Sam offers a chat to a colleague with a note for agents; the chat stays Sam's
/// until Jordan (Away: transfers still reach them) accepts, declines, or Sam cancels. Maria, in Do Not Disturb, cannot be chosen.
/// </summary>
public sealed class TransferJourneyTests(BrowserFixture browser, ShowroomApp app)
    : BrowserTest(browser, app), IClassFixture<BrowserFixture>, IClassFixture<ShowroomApp>
{
    const string Note = "Wants financing on the RAV4, pre-approved with their bank.";

    static ILocator TransferButton(IPage page) =>
        page.GetByRole(AriaRole.Region, new() { NameRegex = new("^(Pat|Robin)$") }).GetByRole(AriaRole.Button, new() { Name = "Transfer", Exact = true });

    static ILocator Dialog(IPage page) => page.GetByRole(AriaRole.Dialog, new() { NameRegex = new("^Transfer the chat with ") });

    static ILocator Colleague(IPage page, string name) => Dialog(page).GetByRole(AriaRole.Radio, new() { Name = name, Exact = true });

    /// <summary>What the pane says about the transfer (a polite status line under its header).</summary>
    static ILocator PaneStatus(IPage page) => page.Locator(".transfer-bar").GetByRole(AriaRole.Status);

    /// <summary>Sam Available with the shopper's chat open (they asked a question, Sam answered); Jordan Away, Maria in Do Not Disturb.</summary>
    async Task<(IPage Sam, IPage Jordan, ShopperSession Shopper, ConcurrentQueue<JsonElement> Heard, OnlineAgent Maria)> SamChatsWithAsync(string name)
    {
        var widgetKey = await AllowSiteAsync(App);
        var maria = await WidgetPage.AgentOnlineAsync(App, "manager@example.com", "DoNotDisturb");
        var sam = await NewPageAsync();
        var jordan = await NewPageAsync();
        await SignInAsync(sam, "sam@example.com");
        await SignInAsync(jordan, "jordan@example.com");
        await BecomeAvailableAsync(sam);
        await BecomeAvailableAsync(jordan);
        await ChooseStatusAsync(jordan, "Available", "Away");

        var shopper = new ShopperSession(App.BaseAddress, widgetKey, Site);
        var heard = new ConcurrentQueue<JsonElement>();
        var (hub, id) = await StartChatAsync(shopper, new { name, pageUrl = "https://downtown.example/inventory/2022-toyota-rav4",
            vehicle = new { year = 2022, make = "Toyota", model = "RAV4" } }, h => h.On<JsonElement>("MessageReceived", m => heard.Enqueue(m)));
        await hub.InvokeAsync<JsonElement>("SendMessage", id, "p1", "Can I finance the RAV4?");
        await AcceptAsync(sam, name);
        var reply = sam.GetByRole(AriaRole.Textbox, new() { Name = $"Reply to {name}" });
        await reply.FillAsync("Yes! Let me bring in our finance expert.");
        await reply.PressAsync("Enter");
        await Eventually.TrueAsync(() => heard.Any(m => m.GetProperty("text").GetString() == "Yes! Let me bring in our finance expert."), "the shopper got Sam's answer");
        return (sam, jordan, shopper, heard, maria);
    }

    [Fact]
    public Task Sam_transfers_to_Jordan_who_is_Away_with_a_note_and_Jordan_takes_the_chat_with_its_history() => RunAsync(async () =>
    {
        var (sam, jordan, shopper, heard, maria) = await SamChatsWithAsync("Pat");
        await using var _ = shopper;
        await using var __ = maria;

        // The dialog: labelled, focus inside, Escape closes it and focus returns to Transfer.
        await TransferButton(sam).ClickAsync();
        await Expect(Dialog(sam)).ToBeVisibleAsync();
        await Expect(sam.GetByRole(AriaRole.Heading, new() { Name = "Transfer the chat with Pat" })).ToBeFocusedAsync();
        await sam.Keyboard.PressAsync("Escape");
        await Expect(Dialog(sam)).ToHaveCountAsync(0);
        await Expect(TransferButton(sam)).ToBeFocusedAsync();

        await TransferButton(sam).PressAsync("Enter");
        await Expect(Dialog(sam)).ToBeVisibleAsync();
        // Maria is in Do Not Disturb: listed, disabled, with the reason; Jordan is Away and may take transfers.
        await Expect(Colleague(sam, "Maria Lopez")).ToBeDisabledAsync();
        await Expect(Colleague(sam, "Maria Lopez")).ToHaveAccessibleDescriptionAsync("In Do Not Disturb");
        await Expect(Colleague(sam, "Jordan Lee")).ToBeEnabledAsync();
        await Expect(Colleague(sam, "Jordan Lee")).ToHaveAccessibleDescriptionAsync("Away");
        await Expect(Dialog(sam).GetByRole(AriaRole.Radio, new() { Name = "Finance", Exact = true })).ToHaveAccessibleDescriptionAsync("1 colleague can take it now");
        await Expect(Dialog(sam).GetByRole(AriaRole.Group, new() { Name = "Or to a department" })).ToBeVisibleAsync();

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
        await Expect(PaneStatus(sam)).ToHaveTextAsync("Waiting for Jordan Lee to accept…");
        await Expect(sam.GetByRole(AriaRole.Button, new() { Name = "Cancel transfer" })).ToBeVisibleAsync();
        await Expect(TransferButton(sam)).ToHaveAttributeAsync("aria-disabled", "true");
        // Until Jordan accepts, the chat is still Sam's.
        await Expect(MyChat(sam, "Pat")).ToBeVisibleAsync();
        await ScreenshotAsync(sam, "transfer-pending");

        // Jordan, Away, still gets the transfer offer: from Sam, with the note.
        var card = OfferCard(jordan, "Pat");
        await Expect(card).ToContainTextAsync("Transfer from Sam");
        await Expect(card).ToContainTextAsync(Note);
        await ScreenshotAsync(jordan, "transfer-offer-card");

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

        await Eventually.TrueAsync(() => heard.Any(m => m.GetProperty("text").GetString() == "Jordan joined the chat"), "Pat heard that Jordan joined");
    });

    [Fact]
    public Task A_declined_transfer_stays_with_Sam_who_is_told_why_and_Sam_can_cancel_one() => RunAsync(async () =>
    {
        var (sam, jordan, shopper, _, maria) = await SamChatsWithAsync("Robin");
        await using var __ = shopper;
        await using var ___ = maria;

        await TransferButton(sam).ClickAsync();
        await Colleague(sam, "Jordan Lee").CheckAsync();
        await Dialog(sam).GetByRole(AriaRole.Button, new() { Name = "Transfer", Exact = true }).ClickAsync();
        await Expect(PaneStatus(sam)).ToHaveTextAsync("Waiting for Jordan Lee to accept…");

        // Jordan declines: the chat stays Sam's, and the pane says why.
        await jordan.GetByRole(AriaRole.Button, new() { Name = "Decline chat from Robin", Exact = true }).ClickAsync();
        await Expect(PaneStatus(sam)).ToHaveTextAsync("Jordan declined the transfer. The chat stays with you.");
        await Expect(MyChat(sam, "Robin")).ToBeVisibleAsync();
        await Expect(TransferButton(sam)).Not.ToHaveAttributeAsync("aria-disabled", "true");
        await ScreenshotAsync(sam, "transfer-declined");

        // Again, to the Finance department this time; Sam takes it back before anyone answers.
        await TransferButton(sam).ClickAsync();
        await Dialog(sam).GetByRole(AriaRole.Radio, new() { Name = "Finance", Exact = true }).CheckAsync();
        await Dialog(sam).GetByRole(AriaRole.Button, new() { Name = "Transfer", Exact = true }).ClickAsync();
        await Expect(PaneStatus(sam)).ToHaveTextAsync("Waiting for someone in Finance to accept…");
        await Expect(OfferCard(jordan, "Robin")).ToContainTextAsync("Transfer from Sam");

        // A second tab of Sam's does not know of the pending transfer: the server refuses a second one, and the dialog says why.
        var second = await sam.Context.NewPageAsync();
        await second.GotoAsync("/");
        await MyChat(second, "Robin").ClickAsync();
        await TransferButton(second).ClickAsync();
        await Colleague(second, "Jordan Lee").CheckAsync();
        await Dialog(second).GetByRole(AriaRole.Button, new() { Name = "Transfer", Exact = true }).ClickAsync();
        await Expect(Dialog(second).GetByRole(AriaRole.Alert)).ToHaveTextAsync("A transfer of this chat is already waiting for an answer.");
        await ScreenshotAsync(second, "transfer-refused");
        await second.Keyboard.PressAsync("Escape");
        await Expect(Dialog(second)).ToHaveCountAsync(0);

        await sam.BringToFrontAsync();
        await sam.GetByRole(AriaRole.Button, new() { Name = "Cancel transfer" }).ClickAsync();
        await Expect(PaneStatus(sam)).ToHaveTextAsync("Transfer cancelled. The chat stays with you.");
        await Expect(TransferButton(sam)).ToBeFocusedAsync();
        await Expect(OfferCard(jordan, "Robin")).ToHaveCountAsync(0);
        await Expect(MyChat(sam, "Robin")).ToBeVisibleAsync();
        // Every tab of Sam's hears how it ended.
        await Expect(PaneStatus(second)).ToHaveTextAsync("Transfer cancelled. The chat stays with you.");

        await sam.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Expect(PaneStatus(sam)).ToHaveTextAsync("");
        await Expect(TransferButton(sam)).ToBeFocusedAsync();
    });
}
