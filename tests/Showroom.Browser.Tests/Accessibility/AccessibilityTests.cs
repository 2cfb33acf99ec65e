using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Showroom.Browser.Tests.Infrastructure;
using Showroom.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Showroom.Browser.Tests.Accessibility;

/// <summary>axe-core in the real browser: no serious or critical violation on the console's screens.</summary>
public sealed class AccessibilityTests(BrowserFixture browser, ShowroomApp app)
    : BrowserTest(browser, app), IClassFixture<BrowserFixture>, IClassFixture<ShowroomApp>
{
    static async Task AssertNoSeriousViolationsAsync(IPage page, string screen)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{screen}: " + string.Join("; ", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    [Fact]
    public Task Sign_in_page_has_no_serious_violations() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Showroom" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, "sign-in");

        await SignInAsync(page, "sam@example.com", "wrong-password-1");
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, "sign-in with an error");
    });

    [Fact]
    public Task Chat_screen_with_status_menu_and_team_panel_has_no_serious_violations() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "jordan@example.com");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chat Screen" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Team" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, "Chat Screen");

        await page.GetByRole(AriaRole.Button, new() { Name = "Status: Away" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Menuitemradio, new() { Name = "Available" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, "Chat Screen, status menu open");
    });

    [Fact]
    public Task Edit_profile_in_english_and_spanish_has_no_serious_violations() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "priya@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Priya Patel" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Edit Profile" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit Profile" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, "Edit Profile");

        await page.GetByLabel("First Name").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasTextString = "First Name" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, "Edit Profile with field errors");
    });

    [Fact]
    public Task The_check_itself_catches_an_unlabelled_field() => RunAsync(async () =>
    {
        // Guards the guard: the same check must fail on a page with a known serious violation.
        var page = await NewPageAsync();
        await page.SetContentAsync("<html lang=\"en\"><head><title>t</title></head><body><main><input type=\"text\"></main></body></html>");

        var error = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => AssertNoSeriousViolationsAsync(page, "bad page"));

        Assert.Contains("label", error.Message, StringComparison.Ordinal);
    });
}
