using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Showroom.Browser.Tests.Infrastructure;
using Showroom.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Showroom.Browser.Tests.Conversations.ChatSteps;

namespace Showroom.Browser.Tests.Conversations;

/// <summary>
/// An agent blocks an abusive shopper from the chat (a reason is required); the chat ends and the shopper cannot
/// start another; a manager sees the block under Blocked shoppers and lifts it. Its own class: a block covers the
/// address too, and every test shopper comes from loopback.
/// </summary>
public sealed class BlockVisitorJourneyTests(BrowserFixture browser, ShowroomApp app)
    : BrowserTest(browser, app), IClassFixture<BrowserFixture>, IClassFixture<ShowroomApp>
{
    [Fact]
    public Task Blocked_visitor_ends_the_chat_cannot_start_again_until_a_manager_lifts_the_block() => RunAsync(async () =>
    {
        var widgetKey = await AllowSiteAsync(App);
        var sam = await NewPageAsync();
        await SignInAsync(sam, "sam@example.com");
        await BecomeAvailableAsync(sam);

        await using var shopper = new ShopperSession(App.BaseAddress, widgetKey, Site);
        var (hub, id) = await StartChatAsync(shopper, new { name = "Drew" });
        await AcceptAsync(sam, "Drew");
        await hub.InvokeAsync<JsonElement>("SendMessage", id, "d1", "You are all useless!!!");

        await sam.GetByRole(AriaRole.Button, new() { Name = "Block visitor", Exact = true }).ClickAsync();
        var dialog = sam.GetByRole(AriaRole.Dialog, new() { Name = "Block Drew?" });
        await Expect(dialog).ToContainTextAsync("cannot start chats with this dealer");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Block visitor", Exact = true }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Give the reason for the block.");
        await Expect(dialog.GetByLabel("Reason")).ToBeFocusedAsync();
        await dialog.GetByLabel("Reason").FillAsync("Abusive language toward staff.");
        await ScreenshotAsync(sam, "block-visitor-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Block visitor", Exact = true }).ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(sam.GetByText("This chat has ended.")).ToBeVisibleAsync();
        await Expect(sam.GetByRole(AriaRole.Textbox, new() { Name = "Reply to Drew" })).ToBeDisabledAsync();
        await Expect(sam.GetByRole(AriaRole.Button, new() { Name = "Block visitor", Exact = true })).ToHaveCountAsync(0);

        // The same visitor cannot start another chat.
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("StartConversation", new { name = "Drew" }));
        Assert.Contains("not available", refused.Message, StringComparison.Ordinal);

        // Maria (Manager of Downtown) lifts it from Blocked shoppers.
        var maria = await NewPageAsync();
        await SignInAsync(maria, "manager@example.com");
        await maria.GetByRole(AriaRole.Link, new() { Name = "History", Exact = true }).ClickAsync();
        var blocked = maria.GetByRole(AriaRole.Region, new() { Name = "Blocked shoppers" });
        await Expect(blocked.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(blocked).ToContainTextAsync("Drew");
        await Expect(blocked).ToContainTextAsync("Example Motors Downtown · Blocked by Sam Carter");
        await Expect(blocked).ToContainTextAsync("Reason: Abusive language toward staff.");
        await maria.GetByRole(AriaRole.Heading, new() { Name = "Blocked shoppers" }).ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(maria, "blocked-shoppers");
        await blocked.GetByRole(AriaRole.Button, new() { Name = "Lift block of Drew" }).ClickAsync();
        await Expect(blocked.GetByRole(AriaRole.Status)).ToHaveTextAsync("Drew can chat again.");
        await Expect(blocked.GetByText("No shopper is blocked.")).ToBeVisibleAsync();

        var again = await hub.InvokeAsync<JsonElement>("StartConversation", new { name = "Drew" });
        Assert.Equal("Waiting", again.GetProperty("status").GetString());
    });

    [Fact]
    public Task An_agent_does_not_see_Blocked_shoppers() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "sam@example.com");
        await page.GetByRole(AriaRole.Link, new() { Name = "History", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "History", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Blocked shoppers" })).ToHaveCountAsync(0);
    });
}
