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
/// Agents-only talk: Sam and Jordan chat directly and in the team room; in Do Not Disturb Jordan is not
/// interrupted but the unread count waits for their return. Private notes stay on the agents' side of a chat.
/// </summary>
public sealed class TeamChatJourneyTests(BrowserFixture browser, ShowroomApp app)
    : BrowserTest(browser, app), IClassFixture<BrowserFixture>, IClassFixture<ShowroomApp>
{
    /// <summary>Everything the shopper hub pushes to a shopper.</summary>
    static readonly string[] ShopperEvents = ["MessageReceived", "ConversationChanged", "Typing", "ReadUpTo"];

    static ILocator TeamChatLink(IPage page, string name = "Team chat") =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    static ILocator Thread(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Conversations" }).GetByRole(AriaRole.Button).Filter(new() { HasTextString = name });

    static ILocator Composer(IPage page, string name) => page.GetByRole(AriaRole.Textbox, new() { Name = $"Message {name}", Exact = true });

    static ILocator Line(IPage page, string text) =>
        page.GetByRole(AriaRole.Log).GetByRole(AriaRole.Listitem).Filter(new() { HasTextString = text });

    static ILocator Toasts(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Team chat messages" }).GetByRole(AriaRole.Status);

    static async Task SayAsync(IPage page, string name, string text)
    {
        await Composer(page, name).FillAsync(text);
        await Composer(page, name).PressAsync("Enter");
    }

    [Fact]
    public Task Sam_and_Jordan_chat_directly_and_in_the_team_room_and_Do_Not_Disturb_only_counts() => RunAsync(async () =>
    {
        var sam = await NewPageAsync();
        var jordan = await NewPageAsync();
        await SignInAsync(sam, "sam@example.com");
        await SignInAsync(jordan, "jordan@example.com");
        await BecomeAvailableAsync(sam);
        await BecomeAvailableAsync(jordan);

        // From the Team panel, Sam opens the direct chat with Jordan.
        await sam.GetByRole(AriaRole.Button, new() { Name = "Message Jordan Lee", Exact = true }).ClickAsync();
        await Expect(sam.GetByRole(AriaRole.Heading, new() { Name = "Team chat", Exact = true })).ToBeVisibleAsync();
        await Expect(sam.GetByRole(AriaRole.Heading, new() { Name = "Jordan Lee", Exact = true })).ToBeVisibleAsync();
        await Expect(Thread(sam, "Team room")).ToBeVisibleAsync();
        await Expect(sam.GetByRole(AriaRole.Navigation, new() { Name = "Conversations" }).GetByRole(AriaRole.Button).First).ToContainTextAsync("Team room");
        await Expect(Thread(sam, "Jordan Lee")).ToHaveAttributeAsync("aria-current", "true");
        await SayAsync(sam, "Jordan Lee", "Can you cover my 2pm test drive?");
        await Expect(Line(sam, "Can you cover my 2pm test drive?")).ToContainTextAsync("Sent");

        // Jordan, Available on the Chat Screen, is told at once: a toast and the count on the Team chat link.
        var toast = Toasts(jordan).Filter(new() { HasTextString = "Can you cover my 2pm test drive?" });
        await Expect(toast).ToContainTextAsync("New message from Sam");
        await Expect(TeamChatLink(jordan, "Team chat 1 unread team message")).ToBeVisibleAsync();
        await ScreenshotAsync(jordan, "team-chat-toast");
        await toast.GetByRole(AriaRole.Button, new() { Name = "Open", Exact = true }).ClickAsync();
        await Expect(jordan.GetByRole(AriaRole.Heading, new() { Name = "Sam Carter", Exact = true })).ToBeVisibleAsync();
        await Expect(Line(jordan, "Can you cover my 2pm test drive?")).ToContainTextAsync("Sam");
        await Expect(TeamChatLink(jordan)).ToBeVisibleAsync();

        // Shift+Enter is a new line; Enter sends. Sam, reading the thread, gets no toast.
        await Composer(jordan, "Sam Carter").FillAsync("Sure,");
        await Composer(jordan, "Sam Carter").PressAsync("Shift+Enter");
        await Composer(jordan, "Sam Carter").PressSequentiallyAsync("I've got it.");
        await Composer(jordan, "Sam Carter").PressAsync("Enter");
        await Expect(Line(sam, "I've got it.")).ToContainTextAsync("Sure,\nI've got it.");
        await Expect(Toasts(sam)).ToHaveCountAsync(0);
        await Expect(TeamChatLink(sam)).ToBeVisibleAsync();

        // The team room: everyone at the dealer.
        await Thread(sam, "Team room").ClickAsync();
        await Expect(sam.GetByRole(AriaRole.Heading, new() { Name = "Team room", Exact = true })).ToBeVisibleAsync();
        await SayAsync(sam, "Team room", "Coffee's fresh in the break room.");
        await Expect(Toasts(jordan).Filter(new() { HasTextString = "Coffee's fresh" })).ToContainTextAsync("Sam in the team room");
        await Expect(Thread(jordan, "Team room")).ToContainTextAsync("1 unread message");
        await Thread(jordan, "Team room").ClickAsync();
        await Expect(Line(jordan, "Coffee's fresh in the break room.")).ToBeVisibleAsync();
        await Expect(Thread(jordan, "Team room")).Not.ToContainTextAsync("unread");

        var axe = await sam.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("; ", serious.Select(v => $"{v.Id}: {v.Help}")));
        await ScreenshotAsync(sam, "team-chat");

        // Jordan in Do Not Disturb on the Chat Screen: no toast, only the count.
        await jordan.GetByRole(AriaRole.Link, new() { Name = "Chat Screen", Exact = true }).ClickAsync();
        await ChooseStatusAsync(jordan, "Available", "Do Not Disturb");
        await Thread(sam, "Jordan Lee").ClickAsync();
        await SayAsync(sam, "Jordan Lee", "A customer is waiting for you at the front desk.");
        await Expect(TeamChatLink(jordan, "Team chat 1 unread team message")).ToBeVisibleAsync();
        await Expect(Toasts(jordan).Filter(new() { HasTextString = "front desk" })).ToHaveCountAsync(0);
        await ScreenshotAsync(jordan, "team-chat-do-not-disturb");

        // Back to Available: the count is still there until Jordan opens the thread.
        await ChooseStatusAsync(jordan, "Do Not Disturb", "Available");
        await Expect(TeamChatLink(jordan, "Team chat 1 unread team message")).ToBeVisibleAsync();
        await Expect(Toasts(jordan).Filter(new() { HasTextString = "front desk" })).ToHaveCountAsync(0);
        await TeamChatLink(jordan, "Team chat 1 unread team message").ClickAsync();
        await Thread(jordan, "Sam Carter").ClickAsync();
        await Expect(Line(jordan, "A customer is waiting for you at the front desk.")).ToBeVisibleAsync();
        await Expect(TeamChatLink(jordan)).ToBeVisibleAsync();

        // The read mark is the server's: a reload does not bring the count back.
        await jordan.ReloadAsync();
        await Expect(Thread(jordan, "Sam Carter")).ToBeVisibleAsync();
        await Expect(TeamChatLink(jordan)).ToBeVisibleAsync();
        await Expect(Thread(jordan, "Sam Carter")).Not.ToContainTextAsync("unread");
        await Thread(jordan, "Sam Carter").ClickAsync();
        await Expect(Line(jordan, "A customer is waiting for you at the front desk.")).ToBeVisibleAsync();
    });

    [Fact]
    public Task An_agent_who_was_Offline_finds_the_message_unread_at_sign_in_without_a_toast() => RunAsync(async () =>
    {
        var sam = await NewPageAsync();
        await SignInAsync(sam, "sam@example.com");
        await BecomeAvailableAsync(sam);
        await sam.GetByRole(AriaRole.Button, new() { Name = "Message Jordan Lee", Exact = true }).ClickAsync();
        await SayAsync(sam, "Jordan Lee", "Your 9am appointment moved to 10.");
        await Expect(Line(sam, "Your 9am appointment moved to 10.")).ToContainTextAsync("Sent");

        var jordan = await NewPageAsync();
        await SignInAsync(jordan, "jordan@example.com");
        await Expect(TeamChatLink(jordan, "Team chat 1 unread team message")).ToBeVisibleAsync();
        await Expect(Toasts(jordan)).ToHaveCountAsync(0);
        await TeamChatLink(jordan, "Team chat 1 unread team message").ClickAsync();
        await Expect(Thread(jordan, "Sam Carter")).ToContainTextAsync("1 unread message");
        await Thread(jordan, "Sam Carter").ClickAsync();
        await Expect(Line(jordan, "Your 9am appointment moved to 10.")).ToBeVisibleAsync();
        await Expect(TeamChatLink(jordan)).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_private_note_shows_in_the_pane_marked_private_and_never_reaches_the_shopper() => RunAsync(async () =>
    {
        const string Note = "Prefers a call after 5pm; co-signer is her brother.";
        var widgetKey = await AllowSiteAsync(App);
        var sam = await NewPageAsync();
        await SignInAsync(sam, "sam@example.com");
        await BecomeAvailableAsync(sam);

        await using var shopper = new ShopperSession(App.BaseAddress, widgetKey, Site);
        var heard = new ConcurrentQueue<string>();
        var (hub, id) = await StartChatAsync(shopper, new { name = "Casey" }, h =>
        {
            foreach (var method in ShopperEvents)
            {
                h.On<JsonElement>(method, e => heard.Enqueue(e.GetRawText()));
            }
        });
        await hub.InvokeAsync<JsonElement>("SendMessage", id, "c1", "Is the Civic still available?");
        await AcceptAsync(sam, "Casey");

        var note = sam.GetByRole(AriaRole.Textbox, new() { Name = "Private note", Exact = true });
        await Expect(note).ToHaveAccessibleDescriptionAsync("Only agents see private notes.");
        await note.FillAsync(Note);
        await note.PressAsync("Enter");
        var notes = sam.GetByRole(AriaRole.List, new() { Name = "Private notes", Exact = true });
        await Expect(notes.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(notes.GetByRole(AriaRole.Listitem)).ToContainTextAsync($"Private note: Sam");
        await Expect(notes.GetByRole(AriaRole.Listitem)).ToContainTextAsync(Note);
        await Expect(sam.GetByRole(AriaRole.Log, new() { Name = "Messages with Casey" })).Not.ToContainTextAsync("co-signer");

        var reply = sam.GetByRole(AriaRole.Textbox, new() { Name = "Reply to Casey" });
        await reply.FillAsync("Yes, it is! Want to see it today?");
        await reply.PressAsync("Enter");
        await Eventually.TrueAsync(() => heard.Any(e => e.Contains("Want to see it today?")), "the shopper got Sam's reply");
        Assert.DoesNotContain(heard, e => e.Contains("co-signer"));
        var missed = await hub.InvokeAsync<JsonElement>("Sync", id, 0L);
        Assert.DoesNotContain("co-signer", missed.GetRawText());

        var axe = await sam.Locator(".conversation").RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("; ", serious.Select(v => $"{v.Id}: {v.Help}")));
        await sam.GetByRole(AriaRole.Heading, new() { Name = "Private notes" }).ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(sam, "conversation-private-note");

        // The note is the chat's, read again after a reload.
        await sam.ReloadAsync();
        await Expect(notes.GetByRole(AriaRole.Listitem)).ToContainTextAsync(Note);
    });
}
