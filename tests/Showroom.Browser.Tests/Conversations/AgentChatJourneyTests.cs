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
/// The agent's side of a chat on the Chat Screen: a shopper (a real shopper hub connection from C#) starts a chat,
/// it is offered to the Available agent, who accepts it, reads, answers and ends it in the browser.
/// </summary>
public sealed class AgentChatJourneyTests(BrowserFixture browser, ShowroomApp app)
    : BrowserTest(browser, app), IClassFixture<BrowserFixture>, IClassFixture<ShowroomApp>
{
    const string Markup = "<img src=x onerror=alert(1)>";

    [Fact]
    public Task Agent_answers_a_shopper_sees_markup_as_text_survives_a_reload_and_ends_the_chat() => RunAsync(async () =>
    {
        var widgetKey = await AllowSiteAsync(App);
        var page = await NewPageAsync();
        var dialogs = new ConcurrentQueue<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Enqueue(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await SignInAsync(page, "sam@example.com");
        await ChooseStatusAsync(page, "Away", "Available");

        await using var shopper = new ShopperSession(App.BaseAddress, widgetKey, Site);
        (await shopper.StartSessionAsync()).EnsureSuccessStatusCode();
        var shopperHub = shopper.Hub();
        var shopperHeard = new ConcurrentQueue<JsonElement>();
        shopperHub.On<JsonElement>("MessageReceived", m => shopperHeard.Enqueue(m));
        await shopperHub.StartAsync();
        var conversation = await shopperHub.InvokeAsync<JsonElement>("StartConversation", new
        {
            name = "Pat",
            pageUrl = "https://downtown.example/inventory/2022-toyota-rav4",
            vehicle = new { year = 2022, make = "Toyota", model = "RAV4" },
        });
        Assert.Equal("Waiting", conversation.GetProperty("status").GetString());
        var id = Guid.Parse(conversation.GetProperty("id").GetString()!);

        // Offered first: accepting it makes it Sam's.
        await Expect(OfferCard(page, "Pat")).ToContainTextAsync("2022 Toyota RAV4");
        await AcceptAsync(page, "Pat");

        // The chat appears in My chats, opened, with the shopper's name and what they are looking at.
        var myChats = page.GetByRole(AriaRole.Navigation, new() { Name = "My chats" });
        var item = myChats.GetByRole(AriaRole.Button).Filter(new() { HasTextString = "Pat" });
        await Expect(item).ToContainTextAsync("2022 Toyota RAV4");
        await Expect(item).ToContainTextAsync("Sales");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pat", Exact = true })).ToBeVisibleAsync();
        var pageLink = page.GetByRole(AriaRole.Link, new() { Name = "https://downtown.example/inventory/2022-toyota-rav4" });
        await Expect(pageLink).ToHaveAttributeAsync("rel", "noopener noreferrer");
        await Expect(pageLink).ToHaveAttributeAsync("target", "_blank");

        var log = page.GetByRole(AriaRole.Log, new() { Name = "Messages with Pat" });
        await Expect(log).ToContainTextAsync("Sam joined the chat");
        await shopperHub.InvokeAsync<JsonElement>("SendMessage", id, "s1", "Is the RAV4 still available?");
        await Expect(log.GetByText("Is the RAV4 still available?", new() { Exact = true })).ToBeVisibleAsync();

        // The agent answers with the keyboard: Shift+Enter is a new line, Enter sends.
        var composer = page.GetByRole(AriaRole.Textbox, new() { Name = "Reply to Pat" });
        await composer.FocusAsync();
        await page.Keyboard.TypeAsync("Yes, it is!");
        await page.Keyboard.PressAsync("Shift+Enter");
        await page.Keyboard.TypeAsync("Come see it today.");
        await page.Keyboard.PressAsync("Enter");
        await Expect(composer).ToHaveValueAsync("");
        await Eventually.TrueAsync(() => shopperHeard.Any(m => m.GetProperty("text").GetString() == "Yes, it is!\nCome see it today."
            && m.GetProperty("senderName").GetString() == "Sam"), "the shopper heard Sam's two-line reply");
        var reply = log.GetByRole(AriaRole.Listitem).Filter(new() { HasTextString = "Come see it today." });
        await Expect(reply).ToContainTextAsync("Sent");

        // Markup from the shopper is text: shown as typed, never run, no element made.
        await shopperHub.InvokeAsync<JsonElement>("SendMessage", id, "s2", Markup);
        await Expect(log.GetByText(Markup, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(log.Locator("img")).ToHaveCountAsync(0);
        Assert.Empty(dialogs);

        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("; ", serious.Select(v => $"{v.Id}: {v.Help}")));
        await ScreenshotAsync(page, "chat-screen-active-chat");

        // A reload reads the list and syncs the history again: every message once, in order.
        await page.ReloadAsync();
        await Expect(log.GetByText(Markup, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(log.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(4);
        foreach (var text in new[] { "Sam joined the chat", "Is the RAV4 still available?", "Come see it today.", Markup })
        {
            await Expect(log.GetByRole(AriaRole.Listitem).Filter(new() { HasTextString = text })).ToHaveCountAsync(1);
        }
        await Expect(log.GetByRole(AriaRole.Listitem).Nth(1)).ToContainTextAsync("Is the RAV4 still available?");

        // End chat asks first; the shopper then sees the closing line and the composer closes.
        await page.GetByRole(AriaRole.Button, new() { Name = "End chat" }).ClickAsync();
        await Expect(page.GetByText("End this chat? Pat will see that it has ended.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, end chat" }).ClickAsync();
        await Eventually.TrueAsync(() => shopperHeard.Any(m => m.GetProperty("text").GetString() == "Chat ended"), "the shopper saw the chat end");
        await Expect(log).ToContainTextAsync("Chat ended");
        await Expect(composer).ToBeDisabledAsync();
        await Expect(item).ToContainTextAsync("Ended");
        await ScreenshotAsync(page, "chat-screen-ended-chat");

        // Closing an ended chat takes it off the list.
        await page.GetByRole(AriaRole.Button, new() { Name = "Close chat" }).ClickAsync();
        await Expect(item).ToHaveCountAsync(0);
        await Expect(page.GetByText("No chats yet. Chats you accept will appear here.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chat Screen" })).ToBeFocusedAsync();
        Assert.Empty(dialogs);
    });
}
