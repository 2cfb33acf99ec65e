using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Showroom.Browser.Tests.Infrastructure;
using Showroom.Data;
using Showroom.Demo;
using Showroom.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Showroom.Browser.Tests.Widget.WidgetPage;

namespace Showroom.Browser.Tests.Widget;

/// <summary>"Nobody there": with no agent signed in, the widget offers the lead form at once (no agent ever signs in to this server).</summary>
public sealed class WidgetLeadFormTests(BrowserFixture browser, ShowroomApp app)
    : BrowserTest(browser, app), IClassFixture<BrowserFixture>, IClassFixture<ShowroomApp>
{
    [Fact]
    public Task With_nobody_signed_in_the_shopper_leaves_a_message_that_the_dealer_sees_as_a_lead() => RunAsync(async () =>
    {
        await AllowTestOriginAsync(App);
        var page = await NewPageAsync();
        await page.GotoAsync(CivicPage);
        await Launcher(page).ClickAsync();

        // Sales at the demo dealer is open all week: nobody is signed in, so no chat is offered.
        await Expect(page.GetByText("Nobody is available to chat right now.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start chat" })).ToHaveCountAsync(0);
        var name = page.GetByLabel("Name", new() { Exact = true });
        await Expect(name).ToBeFocusedAsync();
        await name.FillAsync("Alex Rivera");
        await page.GetByLabel("Message", new() { Exact = true }).FillAsync("Is the Civic still available?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();

        // No e-mail and no phone: the error is next to the e-mail field, which gets the focus.
        var email = page.GetByLabel("E-mail", new() { Exact = true });
        await Expect(email).ToBeFocusedAsync();
        await Expect(email).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(email).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("^Give an e-mail or a phone number\\. "));
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Please check the form.");
        await Expect(page.GetByLabel("Name", new() { Exact = true })).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await ScreenshotAsync(page, "widget-lead-errors");
        await AssertNoSeriousViolationsAsync(page, "lead form with errors");
        await page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync(page, "widget-lead-errors-phone");

        await email.FillAsync("alex@example.net");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        var thanks = page.GetByText($"Thanks! {DemoData.DemoSiteDealer} will get back to you soon.");
        await Expect(thanks).ToBeVisibleAsync();
        await Expect(thanks).ToBeFocusedAsync();
        await ScreenshotAsync(page, "widget-lead-thanks-phone");

        await using var maria = await App.SignInAsync("manager@example.com");
        var leads = await maria.GetJsonAsync<JsonElement>($"/api/dealers/{await DealerIdAsync()}/leads");
        var lead = Assert.Single(leads.EnumerateArray(), l => l.GetProperty("name").GetString() == "Alex Rivera");
        Assert.Equal("alex@example.net", lead.GetProperty("email").GetString());
        Assert.Equal("Is the Civic still available?", lead.GetProperty("message").GetString());
        Assert.Equal("Sales", lead.GetProperty("department").GetString());
        Assert.EndsWith(CivicPage, lead.GetProperty("pageUrl").GetString());
        Assert.Equal("Civic", lead.GetProperty("vehicle").GetProperty("model").GetString());
    });

    [Fact]
    public Task Lead_form_works_with_the_keyboard_and_keeps_the_page_department() => RunAsync(async () =>
    {
        await AllowTestOriginAsync(App);
        var page = await NewPageAsync();
        await page.GotoAsync("/app/demo/service.html");
        await Launcher(page).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToBeFocusedAsync();
        // The service page implies its department.
        await Expect(page.GetByLabel("Department")).ToHaveValueAsync("Service");
        await page.Keyboard.TypeAsync("Pat");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("E-mail", new() { Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("555-0100");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Message", new() { Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Oil change on Saturday?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send message" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText($"Thanks! {DemoData.DemoSiteDealer} will get back to you soon.")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Escape");
        await Expect(Launcher(page)).ToBeFocusedAsync();
    });

    [Fact]
    public Task Lead_form_speaks_the_browser_language() => RunAsync(async () =>
    {
        await AllowTestOriginAsync(App);
        var page = await NewPageAsync("fr-CA");
        await page.GotoAsync(CivicPage);
        await page.GetByRole(AriaRole.Button, new() { Name = "Clavardez avec nous" }).ClickAsync();
        await Expect(page.GetByText("Personne n’est disponible pour clavarder en ce moment.")).ToBeVisibleAsync();
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Camille");
        await page.GetByLabel("Message", new() { Exact = true }).FillAsync("Bonjour");
        await page.GetByLabel("Courriel", new() { Exact = true }).FillAsync("pas-un-courriel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer le message" }).ClickAsync();
        await Expect(page.GetByText("Entrez un courriel comme nom@exemple.com.")).ToBeVisibleAsync();
    });

    async Task<Guid> DealerIdAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        return await db.Dealers.Where(d => d.Name == DemoData.DemoSiteDealer).Select(d => d.Id).SingleAsync();
    }
}
