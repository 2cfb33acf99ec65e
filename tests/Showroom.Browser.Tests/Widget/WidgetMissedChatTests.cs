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

/// <summary>A chat nobody answers in time becomes a message for the dealer (this server's Sales line gives up after 3 s).</summary>
public sealed class WidgetMissedChatTests(BrowserFixture browser, ShowroomApp app)
    : BrowserTest(browser, app), IClassFixture<BrowserFixture>, IClassFixture<ShowroomApp>
{
    [Fact]
    public Task Nobody_answers_in_time_so_the_shopper_leaves_a_message_with_what_they_wrote() => RunAsync(async () =>
    {
        await AllowTestOriginAsync(App);
        await ShortenSalesLineAsync(seconds: 3);
        // Signed in, so the chat is offered, but Away: nobody takes it.
        await using var maria = await AgentOnlineAsync(App, "manager@example.com", "Away");

        var page = await NewPageAsync();
        await page.GotoAsync(CivicPage);
        await Launcher(page).ClickAsync();
        await page.GetByLabel("Name (optional)").FillAsync("Alex Rivera");
        await page.GetByLabel("Phone (optional)").FillAsync("555-0100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await SendAsync(page, "Do you have it in blue?");
        await Expect(Message(page, "Do you have it in blue?")).ToContainTextAsync("Sent");

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Sorry, nobody could answer in time. Leave a message and we will get back to you." }))
            .ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Alex Rivera");
        await Expect(page.GetByLabel("Phone", new() { Exact = true })).ToHaveValueAsync("555-0100");
        var message = page.GetByLabel("Message", new() { Exact = true });
        await Expect(message).ToHaveValueAsync("Do you have it in blue?");
        await Expect(message).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "End chat" })).ToBeHiddenAsync();
        await ScreenshotAsync(page, "widget-missed");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await Expect(page.GetByText($"Thanks! {DemoData.DemoSiteDealer} will get back to you soon.")).ToBeVisibleAsync();

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        var chat = await db.Conversations.AsNoTracking().SingleAsync(c => c.ShopperName == "Alex Rivera");
        var lead = await db.Leads.AsNoTracking().SingleAsync(l => l.Name == "Alex Rivera");
        Assert.Equal(chat.Id, lead.ConversationId);
        Assert.Equal("555-0100", lead.Phone);
    });

    async Task ShortenSalesLineAsync(int seconds)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        var dealerId = await db.Dealers.Where(d => d.Name == DemoData.DemoSiteDealer).Select(d => d.Id).SingleAsync();
        var sales = await db.Departments.SingleAsync(d => d.DealerId == dealerId && d.Kind == Dealers.DepartmentKind.Sales);
        sales.Routing.EscalateAfterSeconds = seconds;
        sales.Routing.MissedChatLimitSeconds = seconds;
        await db.SaveChangesAsync();
    }
}
