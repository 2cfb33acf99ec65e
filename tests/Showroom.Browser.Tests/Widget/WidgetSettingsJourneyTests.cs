using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Showroom.Browser.Tests.Infrastructure;
using Showroom.Demo;
using Showroom.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Showroom.Browser.Tests.Widget.WidgetPage;

namespace Showroom.Browser.Tests.Widget;

/// <summary>A manager sets up the widget in the console (seeing it in the preview first); shoppers get it on the dealer's site.</summary>
public sealed class WidgetSettingsJourneyTests(BrowserFixture browser, ShowroomApp app)
    : BrowserTest(browser, app), IClassFixture<BrowserFixture>, IClassFixture<ShowroomApp>
{
    const string Gold = "#f5c518";
    const string GoldRgb = "rgb(245, 197, 24)";
    /// <summary>Near-black: white on gold would not read.</summary>
    const string DarkTextRgb = "rgb(27, 31, 36)";
    const string Greeting = "Welcome to Example Motors Downtown! Ask us anything about our cars.";
    const string Offline = "Our team is back at 8 am. Leave a message and we will call you.";

    [Fact]
    public Task A_manager_changes_the_widget_with_a_live_preview_and_shoppers_get_it() => RunAsync(async () =>
    {
        await AllowTestOriginAsync(App);
        await using (var admin = await App.SignInAsync("admin@example.com"))
        {
            var downtown = (await admin.GetJsonAsync<JsonElement>("/api/dealers")).EnumerateArray()
                .Single(d => d.GetProperty("name").GetString() == DemoData.DemoSiteDealer).GetProperty("id").GetString();
            var console = await NewPageAsync();
            await SignInAsync(console, "manager@example.com");
            await Expect(console.GetByRole(AriaRole.Heading, new() { Name = "Your status: Away" })).ToBeVisibleAsync();
            await console.GotoAsync($"/manage/dealer?dealer={downtown}");
            await ChangeSettingsAsync(console);
        }

        // Maria's console is open, so Sales can chat: the greeting over the start form, the phone required.
        var shopper = await NewPageAsync();
        await shopper.GotoAsync(CivicPage);
        var launcher = shopper.GetByRole(AriaRole.Button, new() { Name = "Talk to sales" });
        await Expect(launcher).ToHaveTextAsync("Talk to sales");
        var box = (await launcher.BoundingBoxAsync())!;
        Assert.True(box.X < 100, $"the launcher is on the left (x = {box.X})");
        Assert.Equal(GoldRgb, await launcher.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Equal(DarkTextRgb, await launcher.EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await launcher.ClickAsync();
        await Expect(shopper.GetByText(Greeting)).ToBeVisibleAsync();
        await Expect(shopper.GetByLabel("Name (optional)")).ToBeVisibleAsync();
        var phone = shopper.GetByLabel("Phone", new() { Exact = true });
        await Expect(phone).ToHaveAttributeAsync("aria-required", "true");
        await shopper.GetByLabel("Name (optional)").FillAsync("Pat");
        var start = shopper.GetByRole(AriaRole.Button, new() { Name = "Start chat" });
        Assert.Equal(GoldRgb, await start.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Equal(DarkTextRgb, await start.EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await start.ClickAsync();
        await Expect(phone).ToBeFocusedAsync();
        await Expect(phone).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(phone).ToHaveAccessibleDescriptionAsync("Please fill this in.");
        await Expect(shopper.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Please check the form." })).ToBeVisibleAsync();
        await Expect(Composer(shopper)).ToHaveCountAsync(0);
        await ScreenshotAsync(shopper, "widget-settings-required-phone");
        await AssertNoSeriousViolationsAsync(shopper, "start form with a required phone");
        await phone.FillAsync("555-0100");
        await start.ClickAsync();
        await Expect(Composer(shopper)).ToBeVisibleAsync();

        // Nobody of Parts can chat: the offline message is over the leave-a-message form.
        var another = await NewPageAsync();
        await another.GotoAsync(CivicPage);
        await another.GetByRole(AriaRole.Button, new() { Name = "Talk to sales" }).ClickAsync();
        await another.GetByLabel("Department").SelectOptionAsync("Parts");
        await Expect(another.GetByRole(AriaRole.Button, new() { Name = "Send message" })).ToBeVisibleAsync();
        var offline = another.GetByText(Offline);
        await Expect(offline).ToBeVisibleAsync();
        var name = another.GetByLabel("Name", new() { Exact = true });
        Assert.True((await offline.BoundingBoxAsync())!.Y < (await name.BoundingBoxAsync())!.Y, "the offline message is above the lead form's fields");
        await offline.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(another, "widget-settings-offline");
        await AssertNoSeriousViolationsAsync(another, "lead form with the offline message");
    });

    /// <summary>Colour, greeting, launcher on the left with a label, phone required, offline message: in the preview before saving.</summary>
    static async Task ChangeSettingsAsync(IPage page)
    {
        var section = page.GetByRole(AriaRole.Region, new() { Name = "Widget", Exact = true });
        var preview = section.GetByRole(AriaRole.Region, new() { Name = "Preview" });
        await section.GetByRole(AriaRole.Textbox, new() { Name = "Accent colour", Exact = true }).FillAsync("gold");
        await section.GetByRole(AriaRole.Button, new() { Name = "Save widget settings" }).ClickAsync();
        await Expect(section.GetByRole(AriaRole.Textbox, new() { Name = "Accent colour", Exact = true })).ToHaveAccessibleDescriptionAsync(new Regex("^Enter a colour like #0b5cad\\. "));
        await Expect(section.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Nothing was saved. Check the fields marked in red.");

        await section.GetByRole(AriaRole.Textbox, new() { Name = "Accent colour", Exact = true }).FillAsync(Gold);
        await section.GetByLabel("Greeting").FillAsync(Greeting);
        await section.GetByRole(AriaRole.Radio, new() { Name = "Bottom left" }).CheckAsync();
        await section.GetByLabel("Launcher label").FillAsync("Talk to sales");
        await section.GetByLabel("Phone", new() { Exact = true }).SelectOptionAsync("Required");
        await section.GetByLabel("Offline message").FillAsync(Offline);

        // The preview draws the unsaved values.
        var launcher = preview.GetByRole(AriaRole.Img, new() { Name = "Launcher: Talk to sales" });
        await Expect(launcher).ToBeVisibleAsync();
        await Expect(preview.GetByText(Greeting)).ToBeVisibleAsync();
        await Expect(preview.GetByText(Offline)).ToBeVisibleAsync();
        await Expect(preview.GetByText("Phone", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(preview.GetByText("Name (optional)")).ToBeVisibleAsync();
        Assert.Equal(GoldRgb, await launcher.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Equal(DarkTextRgb, await launcher.EvaluateAsync<string>("e => getComputedStyle(e).color"));
        var frame = (await launcher.EvaluateAsync<JsonElement>("e => { const p = e.parentElement.getBoundingClientRect(), l = e.getBoundingClientRect(); return { left: l.left - p.left, right: p.right - l.right }; }"));
        Assert.True(frame.GetProperty("left").GetDouble() < frame.GetProperty("right").GetDouble(), "the preview's launcher is on the left");
        // Tall enough for the whole section: the console's sticky header would cover a scrolled one.
        await page.SetViewportSizeAsync(1280, 2400);
        await section.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "widget-settings-preview.png") });
        await page.SetViewportSizeAsync(1280, 800);

        var axe = await section.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("; ", serious.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));

        await section.GetByRole(AriaRole.Button, new() { Name = "Save widget settings" }).ClickAsync();
        await Expect(section.GetByRole(AriaRole.Status).Filter(new() { HasText = "Widget settings saved." })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(section.GetByLabel("Launcher label")).ToHaveValueAsync("Talk to sales");
        await Expect(section.GetByRole(AriaRole.Radio, new() { Name = "Bottom left" })).ToBeCheckedAsync();
    }
}
