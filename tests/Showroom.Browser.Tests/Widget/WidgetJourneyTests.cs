using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Showroom.Browser.Tests.Infrastructure;
using Showroom.Conversations;
using Showroom.Data;
using Showroom.Demo;
using Showroom.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Showroom.Browser.Tests.Widget.WidgetPage;

namespace Showroom.Browser.Tests.Widget;

/// <summary>
/// The shopper's widget on the demo dealer's site, embedded by its snippet, against the real server. Maria is
/// signed in but Away: a chat can start (Sales is open all week) and waits in line.
/// </summary>
public sealed class WidgetJourneyTests(BrowserFixture browser, ShowroomApp app)
    : BrowserTest(browser, app), IClassFixture<BrowserFixture>, IClassFixture<ShowroomApp>
{
    static readonly Regex InLine = new("^(You're next\\. Someone will be with you shortly\\.|You are number \\d+ in line\\.)$");

    [Fact]
    public Task Shopper_chats_about_the_vehicle_on_the_page_and_the_chat_continues_on_the_next_page() => RunAsync(async () =>
    {
        await AllowTestOriginAsync(App);
        await using var maria = await AgentOnlineAsync(App, "manager@example.com", "Away");
        var page = await NewPageAsync();
        await page.GotoAsync(CivicPage);

        await Launcher(page).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = DemoData.DemoSiteDealer })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Name (optional)")).ToBeFocusedAsync();
        await ScreenshotAsync(page, "widget-open");

        await page.GetByLabel("Name (optional)").FillAsync("Alex Rivera");
        await page.GetByLabel("E-mail (optional)").FillAsync("alex@example.net");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await Expect(page.GetByText(InLine)).ToBeVisibleAsync();
        await SendAsync(page, "Is the Civic still available? <b>not bold</b>");
        await Expect(Message(page, "Is the Civic still available?")).ToContainTextAsync("Sent");
        // Text is text: the markup shows as typed.
        await Expect(Message(page, "<b>not bold</b>")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "widget-chat");

        var conversation = await SingleConversationAsync();
        Assert.Equal(new VehicleOfInterest(2021, "Honda", "Civic", "EX", "2HGFE2F59MH512345", "D21455", "Used", 21995m), conversation.Vehicle);
        Assert.Equal("Alex Rivera", conversation.ShopperName);
        Assert.EndsWith(CivicPage, conversation.PageUrl);
        Assert.Equal(Dealers.DepartmentKind.Sales, conversation.Department);

        // Another page of the site: the same conversation, its history shown, no second chat.
        await page.GotoAsync("/app/demo/vehicles/2024-toyota-rav4.html");
        await Launcher(page).ClickAsync();
        await Expect(Message(page, "Is the Civic still available?")).ToContainTextAsync("Sent");
        await Expect(Composer(page)).ToBeFocusedAsync();
        await SendAsync(page, "Or this RAV4?");
        await Expect(Message(page, "Or this RAV4?")).ToContainTextAsync("Sent");

        var again = await SingleConversationAsync();
        Assert.Equal(conversation.Id, again.Id);
        Assert.Equal(["Is the Civic still available? <b>not bold</b>", "Or this RAV4?"], await ShopperTextsAsync(conversation.Id));
    });

    [Fact]
    public Task Hostile_page_css_cannot_break_the_launcher_or_the_panel() => RunAsync(async () =>
    {
        await AllowTestOriginAsync(App);
        await using var maria = await AgentOnlineAsync(App, "manager@example.com", "Away");
        var page = await NewPageAsync();
        // The launcher as drawn on a plain page: a hostile one changes nothing about it.
        await page.GotoAsync(CivicPage);
        var plain = await Launcher(page).BoundingBoxAsync();
        await page.GotoAsync("/app/demo/hostile.html");

        var launcher = Launcher(page);
        await Expect(launcher).ToBeVisibleAsync();
        var box = await launcher.BoundingBoxAsync();
        Assert.Equal(52, box!.Height, 1);
        Assert.Equal(plain!.Width, box.Width, 1);
        await launcher.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await SendAsync(page, "Hello from a loud page");
        await Expect(Message(page, "Hello from a loud page")).ToContainTextAsync("Sent");
        var fontSize = await Composer(page).EvaluateAsync<string>("e => getComputedStyle(e).fontSize");
        Assert.Equal("15px", fontSize);
        await ScreenshotAsync(page, "widget-hostile-css");
    });

    [Fact]
    public Task Widget_works_with_the_keyboard() => RunAsync(async () =>
    {
        await AllowTestOriginAsync(App);
        await using var maria = await AgentOnlineAsync(App, "manager@example.com", "Away");
        var page = await NewPageAsync();
        await page.GotoAsync(CivicPage);
        var launcher = Launcher(page);
        await Expect(launcher).ToHaveAttributeAsync("aria-expanded", "false");

        await launcher.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByLabel("Name (optional)")).ToBeFocusedAsync();
        await Expect(launcher).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.GetByLabel("Department")).ToHaveValueAsync("Sales");

        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeHiddenAsync();
        await Expect(launcher).ToBeFocusedAsync();
        await Expect(launcher).ToHaveAttributeAsync("aria-expanded", "false");
    });

    [Fact]
    public Task Widget_speaks_the_browser_language() => RunAsync(async () =>
    {
        await AllowTestOriginAsync(App);
        await using var maria = await AgentOnlineAsync(App, "manager@example.com", "Away");
        var page = await NewPageAsync("es-MX");
        await page.GotoAsync(CivicPage);
        await page.GetByRole(AriaRole.Button, new() { Name = "Chatea con nosotros" }).ClickAsync();
        await Expect(page.GetByLabel("Nombre (opcional)")).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Iniciar chat" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task On_a_phone_the_panel_fills_the_screen() => RunAsync(async () =>
    {
        await AllowTestOriginAsync(App);
        await using var maria = await AgentOnlineAsync(App, "manager@example.com", "Away");
        var page = await NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(CivicPage);
        await Launcher(page).ClickAsync();
        await Expect(page.GetByLabel("Name (optional)")).ToBeVisibleAsync();

        var box = await page.GetByRole(AriaRole.Dialog).BoundingBoxAsync();
        Assert.Equal((0, 0, 390, 844), ((int)box!.X, (int)box.Y, (int)box.Width, (int)box.Height));
        await ScreenshotAsync(page, "widget-phone");
    });

    [Fact]
    public Task Messages_sent_while_the_connection_is_cut_are_delivered_once_and_in_order() => RunAsync(async () =>
    {
        await AllowTestOriginAsync(App);
        await using var maria = await AgentOnlineAsync(App, "manager@example.com", "Away");
        var page = await NewPageAsync();
        var dropReplies = false;
        var cut = false;
        var sockets = new List<IWebSocketRoute>();
        await page.RouteWebSocketAsync(new Regex("/hubs/shopper"), ws =>
        {
            if (cut)
            {
                _ = ws.CloseAsync();
                return;
            }
            sockets.Add(ws);
            var server = ws.ConnectToServer();
            ws.OnMessage(frame => Forward(server, frame));
            server.OnMessage(frame =>
            {
                if (!dropReplies)
                {
                    Forward(ws, frame);
                }
            });
        });
        // While cut, reconnecting cannot fall back to another transport either.
        await page.RouteAsync(new Regex("/hubs/shopper/negotiate"), route => cut ? route.AbortAsync() : route.ContinueAsync());

        await page.GotoAsync(CivicPage);
        await Launcher(page).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        // Every frame goes through Playwright's proxy here: the first connection takes longer than usual.
        await Expect(Composer(page)).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await SendAsync(page, "First");
        await Expect(Message(page, "First")).ToContainTextAsync("Sent");
        var conversation = await SingleConversationAsync();

        // The server stores "Second" but its acknowledgement is lost: it stays pending.
        dropReplies = true;
        await SendAsync(page, "Second");
        await EventuallyAsync(async () => (await ShopperTextsAsync(conversation.Id)).Count == 2, "Second is stored");
        await Expect(Message(page, "Second")).ToContainTextAsync("Sending…");

        // Now the connection drops altogether; "Third" is written while offline.
        cut = true;
        foreach (var socket in sockets)
        {
            await socket.CloseAsync();
        }
        await Expect(page.GetByText("Reconnecting…")).ToBeVisibleAsync();
        await SendAsync(page, "Third");
        await Expect(Message(page, "Third")).ToContainTextAsync("Sending…");

        dropReplies = false;
        cut = false;
        await Expect(Message(page, "Third")).ToContainTextAsync("Sent", new() { Timeout = 30_000 });
        await Expect(Message(page, "Second")).ToContainTextAsync("Sent");
        await Expect(page.GetByText("Reconnecting…")).ToBeHiddenAsync();

        Assert.Equal(["First", "Second", "Third"], await ShopperTextsAsync(conversation.Id));
        var shown = await page.GetByRole(AriaRole.Log).Locator(".shopper .bubble").AllTextContentsAsync();
        Assert.Equal(["First", "Second", "Third"], shown);
    });

    static void Forward(IWebSocketRoute to, IWebSocketFrame frame)
    {
        if (frame.Text is { } text)
        {
            to.Send(text);
        }
        else if (frame.Binary is { } bytes)
        {
            to.Send(bytes);
        }
    }

    /// <summary>The one conversation started in this test's browser context (each test is a new visitor).</summary>
    async Task<Conversation> SingleConversationAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        var conversations = await db.Conversations.AsNoTracking().Where(c => c.Status != ConversationStatus.Ended).ToListAsync();
        // Tests in this class share a server: the newest visitor's conversations are this test's.
        var newest = conversations.OrderByDescending(c => c.CreatedAt).First();
        return Assert.Single(conversations, c => c.VisitorId == newest.VisitorId);
    }

    async Task<List<string>> ShopperTextsAsync(Guid conversationId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        return await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId && m.Sender == SenderKind.Shopper)
            .OrderBy(m => m.Seq).Select(m => m.Text).ToListAsync();
    }

    static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        for (var waited = 0; !await condition(); waited += 50)
        {
            if (waited > 10_000)
            {
                throw new TimeoutException($"Not true within 10 s: {what}");
            }
            await Task.Delay(50);
        }
    }
}
