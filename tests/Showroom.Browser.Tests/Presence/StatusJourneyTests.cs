using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using Showroom.Browser.Tests.Infrastructure;
using Showroom.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Showroom.Browser.Tests.Presence;

/// <summary>
/// The status control and the team panel of the Chat Screen, as the agents' guide describes them. The class
/// shares one server: each test uses its own agents, since status belongs to the agent.
/// </summary>
public sealed class StatusJourneyTests(BrowserFixture browser, ShowroomApp app)
    : BrowserTest(browser, app), IClassFixture<BrowserFixture>, IClassFixture<ShowroomApp>
{
    /// <summary>The agent guide's words, verbatim.</summary>
    static readonly (string Name, string Explanation)[] GuideStatuses =
    [
        ("Available", "You are ready to receive all incoming chats and transfers!"),
        ("Away", "You will not receive incoming chats from customers, but may receive internal chats or transfers."),
        ("Do Not Disturb", "You will not receive incoming chats or transfer offers."),
    ];

    [Fact]
    public Task Status_chosen_in_one_tab_shows_in_the_other_and_the_options_explain_themselves() => RunAsync(async () =>
    {
        var first = await NewPageAsync();
        await SignInAsync(first, "chris@example.com");
        // Back from Offline an agent is Away: one click from Available.
        await Expect(StatusButton(first, "Away")).ToBeVisibleAsync();
        // A second tab of the same browser: the same sign-in cookie.
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync("/");
        await Expect(StatusButton(second, "Away")).ToBeVisibleAsync();
        await Expect(first.GetByRole(AriaRole.Heading, new() { Name = "Your status: Away" })).ToBeVisibleAsync();

        await StatusButton(first, "Away").ClickAsync();
        var menu = first.GetByRole(AriaRole.Menu, new() { Name = "Set your status" });
        await Expect(menu).ToBeVisibleAsync();
        foreach (var (name, explanation) in GuideStatuses)
        {
            var option = menu.GetByRole(AriaRole.Menuitemradio, new() { Name = name, Exact = true });
            await Expect(option).ToHaveAccessibleDescriptionAsync(explanation);
            await Expect(option.GetByText(explanation, new() { Exact = true })).ToBeVisibleAsync();
            await Expect(option).ToHaveAttributeAsync("aria-checked", name == "Away" ? "true" : "false");
        }
        await ScreenshotAsync(first, "chat-screen-status-menu");

        var clock = Stopwatch.StartNew();
        await menu.GetByRole(AriaRole.Menuitemradio, new() { Name = "Available", Exact = true }).ClickAsync();
        await Expect(StatusButton(second, "Available")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Console.WriteLine($"Status change reached the other tab in {clock.ElapsedMilliseconds} ms");

        await Expect(StatusButton(first, "Available")).ToBeFocusedAsync();
        await Expect(menu).ToBeHiddenAsync();
        var card = second.GetByRole(AriaRole.Region, new() { Name = "Your status: Available" });
        await Expect(card.GetByText(GuideStatuses[0].Explanation, new() { Exact = true })).ToBeVisibleAsync();

        // A reload reads the status again: it belongs to the agent, not to the tab.
        await second.ReloadAsync();
        await Expect(StatusButton(second, "Available")).ToBeVisibleAsync();
    });

    [Fact]
    public Task Teammates_status_change_shows_live_in_the_team_panel() => RunAsync(async () =>
    {
        var sam = await NewPageAsync();
        await SignInAsync(sam, "sam@example.com");
        var jordan = await NewPageAsync();
        await SignInAsync(jordan, "jordan@example.com");
        await Expect(StatusButton(jordan, "Away")).ToBeVisibleAsync();

        var team = sam.GetByRole(AriaRole.Region, new() { Name = "Team" });
        var jordanInTeam = team.GetByRole(AriaRole.Listitem).Filter(new() { HasTextString = "Jordan Lee" });
        await Expect(jordanInTeam).ToContainTextAsync("Away");
        // The agent is not their own teammate.
        await Expect(team.GetByRole(AriaRole.Listitem).Filter(new() { HasTextString = "Sam Carter" })).ToHaveCountAsync(0);

        await ChooseAsync(jordan, "Away", "Do Not Disturb");
        await Expect(jordanInTeam).ToContainTextAsync("Do Not Disturb");

        var clock = Stopwatch.StartNew();
        await ChooseAsync(jordan, "Do Not Disturb", "Available");
        await Expect(jordanInTeam).ToContainTextAsync("Available");
        Console.WriteLine($"Teammate's status change reached the team panel in {clock.ElapsedMilliseconds} ms");
        // Available teammates come first.
        await Expect(team.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("Jordan Lee");
        await ScreenshotAsync(sam, "chat-screen-team-panel");
    });

    [Fact]
    public Task Status_is_chosen_with_the_keyboard_alone() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "manager@example.com");
        var button = StatusButton(page, "Away");
        await Expect(button).ToBeVisibleAsync();

        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        // The menu opens on the current status.
        await Expect(page.GetByRole(AriaRole.Menuitemradio, new() { Name = "Away", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Menu, new() { Name = "Set your status" })).ToBeHiddenAsync();
        await Expect(button).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.GetByRole(AriaRole.Menuitemradio, new() { Name = "Do Not Disturb", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(StatusButton(page, "Do Not Disturb")).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your status: Do Not Disturb" })).ToBeVisibleAsync();
        // A manager of two dealers sees each dealer's team under its name.
        var team = page.GetByRole(AriaRole.Region, new() { Name = "Team" });
        await Expect(team.GetByRole(AriaRole.Heading, new() { Name = "Example Motors Downtown" })).ToBeVisibleAsync();
        await Expect(team.GetByRole(AriaRole.Heading, new() { Name = "Example Motors Lakeside" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Agent_sees_that_their_manager_changed_their_status() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "priya@example.com");
        await Expect(StatusButton(page, "Away")).ToBeVisibleAsync();
        using var me = JsonDocument.Parse(await (await page.APIRequest.GetAsync("/api/me")).TextAsync());
        var priyaId = me.RootElement.GetProperty("id").GetString();

        await using var manager = await App.SignInAsync("manager@example.com");
        using var response = await manager.SendAsync(HttpMethod.Put, $"/api/agents/{priyaId}/status", new { status = "DoNotDisturb" });
        response.EnsureSuccessStatusCode();

        var notice = page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "You were set to Do Not Disturb: changed by your manager." });
        await Expect(notice).ToBeVisibleAsync();
        await Expect(StatusButton(page, "Do Not Disturb")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "chat-screen-status-notice");

        await page.GetByRole(AriaRole.Button, new() { Name = "Set status to Available" }).ClickAsync();
        await Expect(StatusButton(page, "Available")).ToBeVisibleAsync();
        // The agent's own choice needs no explanation.
        await Expect(notice).ToHaveCountAsync(0);
    });

    static ILocator StatusButton(IPage page, string status) =>
        page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = $"Status: {status}", Exact = true });

    static async Task ChooseAsync(IPage page, string from, string to)
    {
        await StatusButton(page, from).ClickAsync();
        await page.GetByRole(AriaRole.Menuitemradio, new() { Name = to, Exact = true }).ClickAsync();
        await Expect(StatusButton(page, to)).ToBeVisibleAsync();
    }
}
