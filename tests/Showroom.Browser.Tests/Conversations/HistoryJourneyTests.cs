using System.Globalization;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Showroom.Browser.Tests.Infrastructure;
using Showroom.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Showroom.Browser.Tests.Conversations.ChatSteps;

namespace Showroom.Browser.Tests.Conversations;

/// <summary>A chat the agent ended is in History: found by a word of its messages and by date, opened read-only.</summary>
public sealed class HistoryJourneyTests(BrowserFixture browser, ShowroomApp app)
    : BrowserTest(browser, app), IClassFixture<BrowserFixture>, IClassFixture<ShowroomApp>
{
    static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static async Task AssertNoSeriousAxeViolationsAsync(IPage page)
    {
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("; ", serious.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }

    [Fact]
    public Task History_search_finds_an_ended_chat_and_opens_its_transcript() => RunAsync(async () =>
    {
        var widgetKey = await AllowSiteAsync(App);
        var page = await NewPageAsync();
        await SignInAsync(page, "sam@example.com");
        await BecomeAvailableAsync(page);

        await using var shopper = new ShopperSession(App.BaseAddress, widgetKey, Site);
        var (hub, id) = await StartChatAsync(shopper, new { name = "Quinn", email = "quinn@example.net" });
        await AcceptAsync(page, "Quinn");
        await hub.InvokeAsync<JsonElement>("SendMessage", id, "q1", "Is the blue Tacoma still on the lot?");
        await page.GetByRole(AriaRole.Log, new() { Name = "Messages with Quinn" }).GetByText("blue Tacoma").WaitForAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Reply to Quinn" }).FillAsync("It is! Come by at 3.");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Log, new() { Name = "Messages with Quinn" })).ToContainTextAsync("Sent");
        await page.GetByRole(AriaRole.Button, new() { Name = "End chat", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, end chat", Exact = true }).ClickAsync();
        await Expect(page.GetByText("This chat has ended.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "History", Exact = true }).ClickAsync();
        await Expect(page).ToHaveTitleAsync("History – Showroom");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "History", Exact = true })).ToBeFocusedAsync();
        var results = page.GetByRole(AriaRole.List, new() { Name = "Past chats" });
        await Expect(results.GetByRole(AriaRole.Link, new() { Name = "Quinn", Exact = true })).ToBeVisibleAsync();

        // A word from the messages finds it; a word from nowhere finds nothing.
        var search = page.GetByRole(AriaRole.Search, new() { Name = "Search past chats" });
        await search.GetByLabel("Search", new() { Exact = true }).FillAsync("nothing-like-this");
        await search.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page.GetByText("No past chats match.")).ToBeVisibleAsync();
        await search.GetByLabel("Search", new() { Exact = true }).FillAsync("TACOMA");
        await page.Keyboard.PressAsync("Enter");
        await Expect(results.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(results).ToContainTextAsync("Example Motors Downtown · Sales · Agent: Sam");
        await Expect(results).ToContainTextAsync("quinn@example.net");
        await Expect(page.GetByText("Chats found: 1")).ToBeVisibleAsync();

        // By date, in the agent's zone: today finds it, yesterday does not.
        var today = DateTime.UtcNow.Date;
        await search.GetByLabel("From").FillAsync(Day(today.AddDays(-1)));
        await search.GetByLabel("To").FillAsync(Day(today.AddDays(1)));
        await search.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(results.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await AssertNoSeriousAxeViolationsAsync(page);
        await ScreenshotAsync(page, "history-search");
        await search.GetByLabel("From").FillAsync(Day(today.AddDays(-3)));
        await search.GetByLabel("To").FillAsync(Day(today.AddDays(-2)));
        await search.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page.GetByText("No past chats match.")).ToBeVisibleAsync();
        await search.GetByLabel("From").FillAsync("");
        await search.GetByLabel("To").FillAsync("");
        await search.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        await results.GetByRole(AriaRole.Link, new() { Name = "Quinn", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chat with Quinn" })).ToBeFocusedAsync();
        var transcript = page.GetByRole(AriaRole.List, new() { Name = "Transcript of the chat with Quinn" });
        await Expect(transcript).ToContainTextAsync("Is the blue Tacoma still on the lot?");
        await Expect(transcript).ToContainTextAsync("It is! Come by at 3.");
        await Expect(transcript).ToContainTextAsync("Sam joined the chat");
        await Expect(page.GetByText("A past chat: read-only.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Textbox)).ToHaveCountAsync(0);
        await AssertNoSeriousAxeViolationsAsync(page);
        await ScreenshotAsync(page, "history-transcript");

        // Back to History keeps the search.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to History" }).ClickAsync();
        await Expect(results.GetByRole(AriaRole.Link, new() { Name = "Quinn", Exact = true })).ToBeVisibleAsync();
    });
}
