using Microsoft.Playwright;
using Showroom.Browser.Tests.Infrastructure;
using Showroom.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Showroom.Browser.Tests.Auth;

public sealed class SignInJourneyTests(BrowserFixture browser, ShowroomApp app)
    : BrowserTest(browser, app), IClassFixture<BrowserFixture>, IClassFixture<ShowroomApp>
{
    [Fact]
    public Task Agent_signs_in_sees_the_chat_screen_with_their_name_and_signs_out() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Showroom" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "sign-in");

        await SignInAsync(page, "sam@example.com");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chat Screen" })).ToBeVisibleAsync();
        var nameButton = page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sam Carter" });
        await Expect(nameButton).ToBeVisibleAsync();
        // "Top right corner": the name sits in the right part of the header.
        var box = await nameButton.BoundingBoxAsync();
        Assert.True(box!.X > 1280 / 2, $"name button at x={box.X}");
        await ScreenshotAsync(page, "chat-screen-empty");

        await nameButton.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Edit Profile" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "name-menu");
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Showroom" })).ToBeVisibleAsync();
        // Signed out for real: the API refuses the browser now.
        var me = await page.APIRequest.GetAsync("/api/me");
        Assert.Equal(401, me.Status);
    });

    [Fact]
    public Task Name_menu_works_with_the_keyboard() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "jordan@example.com");
        var nameButton = page.GetByRole(AriaRole.Button, new() { Name = "Jordan Lee" });
        await Expect(nameButton).ToBeVisibleAsync();

        await nameButton.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Edit Profile" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Menu)).ToBeHiddenAsync();
        await Expect(nameButton).ToBeFocusedAsync();
    });

    [Fact]
    public Task Wrong_password_shows_the_message() => RunAsync(async () =>
    {
        var page = await NewPageAsync();

        await SignInAsync(page, "priya@example.com", "not-her-password-1");

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Invalid email or password.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chat Screen" })).ToBeHiddenAsync();
        await ScreenshotAsync(page, "sign-in-wrong-password");
    });

    [Fact]
    public Task Locked_account_says_for_how_long() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(page, "chris@example.com", "not-his-password-1");
            await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        }

        await SignInAsync(page, "chris@example.com");

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Too many failed attempts. Your account is locked for 15 minutes.");
        await ScreenshotAsync(page, "sign-in-locked");
    });
}
