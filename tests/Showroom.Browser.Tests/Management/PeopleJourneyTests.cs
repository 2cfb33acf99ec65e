using Microsoft.Playwright;
using Showroom.Browser.Tests.Infrastructure;
using Showroom.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Showroom.Browser.Tests.Management.ManagementSteps;

namespace Showroom.Browser.Tests.Management;

/// <summary>A Manager's People page on a server without a mail server: links to copy, and deactivation that ends a live tab.</summary>
public sealed class PeopleJourneyTests(BrowserFixture browser, ShowroomApp app)
    : BrowserTest(browser, app), IClassFixture<BrowserFixture>, IClassFixture<ShowroomApp>
{
    [Fact]
    public Task Manager_invites_without_a_mail_server_and_gets_the_link_to_copy() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "manager@example.com");
        await OpenManageAsync(page, "Maria Lopez", "People");
        await Expect(page.GetByLabel("Dealer", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasTextString = "sam@example.com" })).ToContainTextAsync("Active");
        await ScreenshotAsync(page, "manage-people");

        await page.GetByRole(AriaRole.Button, new() { Name = "Invite agent" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Invite agent" });
        await Expect(dialog.GetByLabel("Role").Locator("option")).ToHaveTextAsync(["Agent", "Manager"]);
        // Nothing typed: the server's field error appears next to the e-mail; the dialog keeps the rest.
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Sales" }).CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(dialog.GetByLabel("Email")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Sales" })).ToBeCheckedAsync();
        await dialog.GetByLabel("Email").FillAsync("new.hire@example.com");
        await dialog.GetByLabel("Chat limit").FillAsync("4");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();

        var linkBox = dialog.GetByLabel("Invitation link");
        await Expect(linkBox).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^" +
            System.Text.RegularExpressions.Regex.Escape(App.BaseAddress.GetLeftPart(UriPartial.Authority)) + "/invite/[A-Za-z0-9_-]+$"));
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Copy link" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "manage-invite-link");
        var link = await linkBox.InputValueAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasTextString = "new.hire@example.com" })).ToContainTextAsync("Invited");

        // The copied link works in another browser.
        var invited = await NewPageAsync();
        await invited.GotoAsync(link);
        await Expect(invited.GetByText("new.hire@example.com")).ToBeVisibleAsync();

        // Revoked, it does not any more.
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke invitation of new.hire@example.com" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Yes, revoke" }).ClickAsync();
        await Expect(Status(page, "The invitation of new.hire@example.com was revoked.")).ToBeVisibleAsync();
        await invited.ReloadAsync();
        await Expect(invited.GetByText("This invitation link is not valid any more. Ask your manager for a new one.")).ToBeVisibleAsync();
    });

    [Fact]
    public Task Deactivating_an_agent_sends_their_open_tab_to_sign_in_with_the_session_ended_notice() => RunAsync(async () =>
    {
        var jordan = await NewPageAsync();
        await SignInAsync(jordan, "jordan@example.com");
        await Expect(jordan.GetByRole(AriaRole.Heading, new() { Name = "Chat Screen" })).ToBeVisibleAsync();

        var page = await NewPageAsync();
        await SignInAsync(page, "manager@example.com");
        await OpenManageAsync(page, "Maria Lopez", "People");
        await page.GetByLabel("Dealer", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Example Motors Downtown" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Deactivate Jordan Lee" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog, new() { Name = "Deactivate Jordan Lee?" });
        await Expect(confirm).ToContainTextAsync("Their sessions end at once, their chats go back to routing");
        await ScreenshotAsync(page, "manage-deactivate-confirm");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Yes, deactivate" }).ClickAsync();
        await Expect(Status(page, "Jordan Lee was deactivated.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasTextString = "jordan@example.com" })).ToContainTextAsync("Deactivated");

        await Expect(jordan.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Showroom" })).ToBeVisibleAsync();
        await Expect(jordan.GetByText("Your session has ended. Sign in again to continue.")).ToBeVisibleAsync();
        await SignInAsync(jordan, "jordan@example.com");
        await Expect(jordan.GetByText("This account has been deactivated. Ask your manager.")).ToBeVisibleAsync();

        // Reactivated, Jordan can sign in again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Reactivate Jordan Lee" }).ClickAsync();
        await Expect(Status(page, "Jordan Lee was reactivated.")).ToBeVisibleAsync();
        await SignInAsync(jordan, "jordan@example.com");
        await Expect(jordan.GetByRole(AriaRole.Heading, new() { Name = "Chat Screen" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Manager_gives_a_password_reset_link_and_the_agent_sets_a_new_password_with_it() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "manager@example.com");
        await OpenManageAsync(page, "Maria Lopez", "People");
        await page.GetByRole(AriaRole.Button, new() { Name = "Password reset link for Sam Carter" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Password reset for Sam Carter" });
        var link = await dialog.GetByLabel("Password reset link").InputValueAsync();
        Assert.StartsWith(App.BaseAddress.GetLeftPart(UriPartial.Authority) + "/reset-password?", link, StringComparison.Ordinal);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();

        var sam = await NewPageAsync();
        await sam.GotoAsync(link);
        await Expect(sam.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password" })).ToBeVisibleAsync();
        await Expect(sam.GetByText("For sam@example.com.")).ToBeVisibleAsync();
        await sam.GetByLabel("New password").FillAsync("short");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Save password" }).ClickAsync();
        await Expect(sam.GetByLabel("New password")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertNoSeriousViolationsAsync(sam, "/reset-password with an error");
        await ScreenshotAsync(sam, "manage-reset-password");
        await sam.GetByLabel("New password").FillAsync("sam-new-password-1");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Save password" }).ClickAsync();
        await Expect(Status(sam, "Your password was changed.")).ToBeVisibleAsync();
        // Single use: the same link again is refused.
        await sam.GotoAsync(link);
        await sam.GetByLabel("New password").FillAsync("sam-other-password-2");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Save password" }).ClickAsync();
        await Expect(sam.GetByText("This link is not valid any more.")).ToBeVisibleAsync();

        await SignInAsync(sam, "sam@example.com", "sam-new-password-1");
        await Expect(sam.GetByRole(AriaRole.Heading, new() { Name = "Chat Screen" })).ToBeVisibleAsync();

        // "Forgot password?" on the sign-in page says the same whatever the address.
        var stranger = await NewPageAsync();
        await stranger.GotoAsync("/");
        await stranger.GetByRole(AriaRole.Link, new() { Name = "Forgot password?" }).ClickAsync();
        await stranger.GetByLabel("Email").FillAsync("nobody@example.com");
        await stranger.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
        await Expect(Status(stranger, "If an account has this address, we sent a link.")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(stranger, "/forgot-password");
    });

    [Fact]
    public Task Manager_changes_access_holidays_idle_auto_away_and_canned_responses_and_sees_dealer_details_read_only() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "manager@example.com");
        await OpenManageAsync(page, "Maria Lopez", "People");
        await page.GetByLabel("Dealer", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Example Motors Lakeside" });
        var chris = page.GetByRole(AriaRole.Row).Filter(new() { HasTextString = "chris@example.com" });
        await Expect(chris).ToContainTextAsync("Service, Parts");

        // Access: a chat limit and one department less.
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit access of Chris Nguyen" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Access of Chris Nguyen" });
        await Expect(dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Parts" })).ToBeCheckedAsync();
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Parts" }).UncheckAsync();
        await dialog.GetByLabel("Chat limit").FillAsync("25");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(dialog.GetByLabel("Chat limit")).ToHaveAttributeAsync("aria-invalid", "true");
        await dialog.GetByLabel("Chat limit").FillAsync("3");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Status(page, "Access of Chris Nguyen saved.")).ToBeVisibleAsync();
        await Expect(chris.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync("Service");
        await Expect(chris).ToContainTextAsync("3");

        // Dealer details are an Admin's: a Manager sees them read-only.
        await GoToSectionAsync(page, "Dealer settings");
        var details = page.GetByRole(AriaRole.Region, new() { Name = "Dealer details" });
        await Expect(details.GetByText("Only an Admin can change these details.")).ToBeVisibleAsync();
        await Expect(details.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true })).ToBeDisabledAsync();
        await Expect(details.GetByRole(AriaRole.Button, new() { Name = "Save details" })).ToHaveCountAsync(0);

        // A holiday closure, added and deleted.
        await page.GetByLabel("Date").FillAsync("2026-12-25");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Holiday", Exact = true }).FillAsync("Christmas Day");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add closure" }).ClickAsync();
        await Expect(Status(page, "Christmas Day added.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Friday, December 25, 2026")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete Christmas Day" }).ClickAsync();
        await Expect(Status(page, "Christmas Day deleted.")).ToBeVisibleAsync();
        await Expect(page.GetByText("No holiday closure.")).ToBeVisibleAsync();

        // Idle auto-away: out of range is refused next to the field; a good value is kept.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Set Available agents to Away when idle" }).CheckAsync();
        await page.GetByLabel("Minutes idle").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save idle auto-away" }).ClickAsync();
        await Expect(page.GetByLabel("Minutes idle")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.GetByLabel("Minutes idle").FillAsync("45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save idle auto-away" }).ClickAsync();
        await Expect(Status(page, "Idle auto-away saved.")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Minutes idle")).ToHaveValueAsync("45");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Set Available agents to Away when idle" }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save idle auto-away" }).ClickAsync();
        await Expect(Status(page, "Idle auto-away saved.")).ToBeVisibleAsync();

        // A dealer-wide canned response: added, changed, deleted.
        await GoToSectionAsync(page, "Canned responses");
        var form = page.GetByRole(AriaRole.Group, new() { Name = "New response" });
        await form.GetByLabel("Shortcut").FillAsync("holiday-hours");
        await form.GetByLabel("Text").FillAsync("We are closed on December 25.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add response" }).ClickAsync();
        await Expect(Status(page, "/holiday-hours added.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit /holiday-hours" }).ClickAsync();
        await page.GetByRole(AriaRole.Listitem).GetByLabel("Text").FillAsync("We are closed on December 25 and 26.");
        await page.GetByRole(AriaRole.Listitem).GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Status(page, "/holiday-hours saved.")).ToBeVisibleAsync();
        await Expect(page.GetByText("We are closed on December 25 and 26.")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "manage-canned");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete /holiday-hours" }).ClickAsync();
        await Expect(Status(page, "/holiday-hours deleted.")).ToBeVisibleAsync();
    });

    [Fact]
    public Task Manage_pages_have_no_serious_accessibility_violations() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "admin@example.com");
        await OpenManageAsync(page, "Alex Morgan", "People");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasTextString = "sam@example.com" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, "/manage/people");
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite agent" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Invite agent" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, "/manage/people, invite dialog");
        await page.Keyboard.PressAsync("Escape");

        await GoToSectionAsync(page, "Dealer settings");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Routing" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Default chat limit")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^\\d+$"));
        await AssertNoSeriousViolationsAsync(page, "/manage/dealer");
        // A routing error is shown next to its field, and the page stays accessible with it.
        var sales = page.GetByRole(AriaRole.Group, new() { Name = "Sales" });
        var timeout = await sales.GetByLabel("Offer timeout (seconds)").InputValueAsync();
        await sales.GetByLabel("Offer timeout (seconds)").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save routing" }).ClickAsync();
        await Expect(sales.GetByLabel("Offer timeout (seconds)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(sales.GetByText("Out of the allowed range.")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, "/manage/dealer with a routing error");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Routing" }).ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(page, "manage-routing-error");
        await sales.GetByLabel("Offer timeout (seconds)").FillAsync(timeout);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save routing" }).ClickAsync();
        await Expect(Status(page, "Routing saved.")).ToBeVisibleAsync();
        await Expect(sales.GetByLabel("Offer timeout (seconds)")).Not.ToHaveAttributeAsync("aria-invalid", "true");

        await GoToSectionAsync(page, "Audit log");
        var entry = page.GetByRole(AriaRole.Row).Filter(new() { HasTextString = "routing.updated" });
        await Expect(entry.First).ToContainTextAsync("Alex Morgan");
        await AssertNoSeriousViolationsAsync(page, "/manage/audit");
        await ScreenshotAsync(page, "manage-audit");

        await GoToSectionAsync(page, "Canned responses");
        await AssertNoSeriousViolationsAsync(page, "/manage/canned");
        await GoToSectionAsync(page, "Mail");
        await Expect(page.GetByText("No mail server is configured")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, "/manage/mail");
    });
}
