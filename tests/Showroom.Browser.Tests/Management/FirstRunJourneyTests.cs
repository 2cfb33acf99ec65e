using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Showroom.Browser.Tests.Infrastructure;
using Showroom.Setup;
using Showroom.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Showroom.Browser.Tests.Conversations.ChatSteps;
using static Showroom.Browser.Tests.Management.ManagementSteps;

namespace Showroom.Browser.Tests.Management;

/// <summary>
/// Issue #10's journey from an empty database: the first Admin, a group, a dealer with a Sales department open
/// now, an invited agent who follows the e-mailed link, and a chat from the embed snippet on the dealer's page.
/// </summary>
public sealed class FirstRunJourneyTests(BrowserFixture browser, FirstRunServer server)
    : BrowserTest(browser, server.App), IClassFixture<BrowserFixture>, IClassFixture<FirstRunServer>
{
    const string AgentEmail = "nina.novak@example.com";
    const string AgentPassword = "nina-password-1";

    [Fact]
    public Task Empty_server_to_a_chat_from_the_snippet_through_setup_dealer_invitation_and_e_mail() => RunAsync(async () =>
    {
        var origin = App.BaseAddress.GetLeftPart(UriPartial.Authority);
        var site = server.Site.Origin;

        // 1. First run: /setup with the code the server printed.
        var admin = await NewPageAsync();
        await admin.GotoAsync("/");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Showroom" })).ToBeVisibleAsync();
        await admin.GotoAsync("/setup");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Set up Showroom" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(admin, "/setup");
        await admin.GetByLabel("Setup code").FillAsync("WRNG-CODE");
        await admin.GetByLabel("Email").FillAsync("owner@example.com");
        await admin.GetByLabel("First Name").FillAsync("Olivia");
        await admin.GetByLabel("Last Name").FillAsync("Owens");
        await admin.GetByLabel("Password").FillAsync("short");
        await ChooseTimeZoneAsync(admin, "Timezone", "America/Chicago");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create Admin and sign in" }).ClickAsync();
        await Expect(admin.GetByText("This is not the setup code.")).ToBeVisibleAsync();
        await Expect(admin.GetByLabel("Setup code")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertNoSeriousViolationsAsync(admin, "/setup with an error");
        await admin.GetByLabel("Setup code").FillAsync(App.Services.GetRequiredService<SetupCode>().Value);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create Admin and sign in" }).ClickAsync();
        // The code is right now; the password is not: Identity's rule is shown next to the field, the input kept.
        await Expect(admin.GetByLabel("Password")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(admin.GetByLabel("Email")).ToHaveValueAsync("owner@example.com");
        await ScreenshotAsync(admin, "manage-setup-errors");
        await admin.GetByLabel("Password").FillAsync("owner-password-1");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create Admin and sign in" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Chat Screen" })).ToBeVisibleAsync();

        // 2. A group and a dealer whose website is the test's dealer site (its own origin on loopback).
        await OpenManageAsync(admin, "Olivia Owens", "Groups and dealers");
        await admin.GetByLabel("Group name").FillAsync("Lakeview Auto Group");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create group" }).ClickAsync();
        await Expect(Status(admin, "Lakeview Auto Group created.")).ToBeVisibleAsync();
        var group = admin.GetByRole(AriaRole.Form, new() { Name = "Group Lakeview Auto Group" });
        await Expect(group.GetByRole(AriaRole.Checkbox, new() { Name = "Allow cross-dealer work" })).Not.ToBeCheckedAsync();
        await group.GetByRole(AriaRole.Checkbox, new() { Name = "Allow cross-dealer work" }).CheckAsync();
        await group.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Status(admin, "Lakeview Auto Group saved.")).ToBeVisibleAsync();
        var newDealer = admin.GetByRole(AriaRole.Group, new() { Name = "New dealer" });
        await newDealer.GetByLabel("Name").FillAsync("Lakeview Motors");
        await ChooseTimeZoneAsync(admin, "Timezone", "America/Chicago");
        await newDealer.GetByLabel("Street").FillAsync("1 Lake Shore Dr");
        await newDealer.GetByLabel("City").FillAsync("Chicago");
        // A bad origin first: the error names its line; nothing is saved.
        await newDealer.GetByLabel("Website origins").FillAsync($"{site}\nhttps://lakeview.example/cars");
        await newDealer.GetByRole(AriaRole.Button, new() { Name = "Create dealer" }).ClickAsync();
        await Expect(newDealer.GetByText("Line 2:")).ToBeVisibleAsync();
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Lakeview Motors" })).ToHaveCountAsync(0);
        await newDealer.GetByLabel("Website origins").FillAsync(site);
        await newDealer.GetByRole(AriaRole.Button, new() { Name = "Create dealer" }).ClickAsync();
        await Expect(Status(admin, "Lakeview Motors created.")).ToBeVisibleAsync();
        await admin.EvaluateAsync("scrollTo(0, 0)");
        await ScreenshotAsync(admin, "manage-dealers");

        // 3. Its Sales department, open all week (so it is open now), on the Dealer settings page.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Lakeview Motors" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Dealer settings", Level = 1 })).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Combobox, new() { Name = "Department", Exact = true }).SelectOptionAsync("Sales");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add department" }).ClickAsync();
        var sales = admin.GetByRole(AriaRole.Form, new() { Name = "Sales" });
        await Expect(sales).ToBeVisibleAsync();
        await sales.GetByRole(AriaRole.Button, new() { Name = "Add hours on Monday" }).ClickAsync();
        await sales.GetByLabel("Monday opens").FillAsync("00:00");
        await sales.GetByLabel("Monday closes").FillAsync("24:00");
        await sales.GetByRole(AriaRole.Button, new() { Name = "Same every day as Monday" }).ClickAsync();
        await Expect(sales.GetByLabel("Sunday closes")).ToHaveValueAsync("24:00");
        await sales.GetByRole(AriaRole.Button, new() { Name = "Save Sales" }).ClickAsync();
        await Expect(Status(admin, "Sales saved.")).ToBeVisibleAsync();
        await sales.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "manage-hours.png") });
        var snippet = await admin.GetByRole(AriaRole.Textbox, new() { Name = "Snippet", Exact = true }).InputValueAsync();
        Assert.Equal($"<script src=\"{origin}/app/widget/loader.js\" data-widget-key=\"", snippet[..(snippet.IndexOf("data-widget-key=\"", StringComparison.Ordinal) + 17)]);
        await admin.EvaluateAsync("scrollTo(0, 0)");
        await ScreenshotAsync(admin, "manage-dealer-settings");

        // 4. Invite an agent to Sales; the server e-mails the link.
        await GoToSectionAsync(admin, "People");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Invite agent" }).ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog, new() { Name = "Invite agent" });
        await dialog.GetByLabel("Email").FillAsync(AgentEmail);
        await dialog.GetByLabel("First Name").FillAsync("Nina");
        await dialog.GetByLabel("Last Name").FillAsync("Novak");
        await dialog.GetByLabel("Role").SelectOptionAsync("Agent");
        await Expect(dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Lakeview Motors" })).ToBeCheckedAsync();
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Sales" }).CheckAsync();
        await ScreenshotAsync(admin, "manage-invite-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(Status(admin, $"Invitation e-mailed to {AgentEmail}.")).ToBeVisibleAsync();
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasTextString = AgentEmail });
        await Expect(row).ToContainTextAsync("Invited");

        var link = InvitationLink(await server.Sink.WaitForMessageAsync(TimeSpan.FromSeconds(10)), App.BaseAddress);

        // 5. The agent follows the link in their own browser, sets a password, and signs in with it.
        var agent = await NewPageAsync();
        await agent.GotoAsync(link);
        await Expect(agent.GetByRole(AriaRole.Heading, new() { Name = "Join Showroom" })).ToBeVisibleAsync();
        await Expect(agent.GetByText(AgentEmail)).ToBeVisibleAsync();
        await Expect(agent.GetByText("Lakeview Motors")).ToBeVisibleAsync();
        await Expect(agent.GetByLabel("First Name")).ToHaveValueAsync("Nina");
        await agent.GetByLabel("Password").FillAsync(AgentPassword);
        await ChooseTimeZoneAsync(agent, "Timezone", "America/Chicago");
        await AssertNoSeriousViolationsAsync(agent, "/invite");
        await ScreenshotAsync(agent, "manage-invitation");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Create account and sign in" }).ClickAsync();
        await Expect(agent.GetByRole(AriaRole.Heading, new() { Name = "Chat Screen" })).ToBeVisibleAsync();
        await agent.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Nina Novak" }).ClickAsync();
        await agent.GetByRole(AriaRole.Menuitem, new() { Name = "Sign out" }).ClickAsync();
        // The password set on the invitation page signs in; an Agent's name menu has no Manage entry.
        await SignInAsync(agent, AgentEmail, AgentPassword);
        await Expect(agent.GetByRole(AriaRole.Heading, new() { Name = "Chat Screen" })).ToBeVisibleAsync();
        await agent.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Nina Novak" }).ClickAsync();
        await Expect(agent.GetByRole(AriaRole.Menuitem, new() { Name = "Edit Profile" })).ToBeVisibleAsync();
        await Expect(agent.GetByRole(AriaRole.Menuitem, new() { Name = "Manage" })).ToHaveCountAsync(0);
        await agent.Keyboard.PressAsync("Escape");
        await BecomeAvailableAsync(agent);

        // The invitation was used: the link is dead now.
        var again = await NewPageAsync();
        await again.GotoAsync(link);
        await Expect(again.GetByText("This invitation link is not valid any more. Ask your manager for a new one.")).ToBeVisibleAsync();

        // 6. The snippet, as copied, on the dealer's page: a shopper starts a chat; the offer reaches the agent.
        var shopper = await NewPageAsync();
        server.Site.Page = $"<!doctype html><html lang=\"en\"><head><title>Lakeview Motors</title></head><body><main><h1>Lakeview Motors</h1></main>{snippet}</body></html>";
        await shopper.GotoAsync(server.Site.Origin + "/");
        await shopper.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).ClickAsync();
        await shopper.GetByLabel("Name (optional)").FillAsync("Casey");
        await shopper.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();

        await Expect(OfferCard(agent, "Casey")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(OfferCard(agent, "Casey")).ToContainTextAsync("Lakeview Motors · Sales");
        await AcceptAsync(agent, "Casey");
        await ScreenshotAsync(agent, "manage-journey-accepted");

        // The Mail page: configured, and a test message reaches the SMTP server.
        await GoToSectionAsync(admin, "Mail");
        await Expect(admin.GetByText("A mail server is configured")).ToBeVisibleAsync();
        await Expect(admin.GetByLabel("Send a test message to")).ToHaveValueAsync("owner@example.com");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send test message" }).ClickAsync();
        await Expect(Status(admin, "Test message sent to owner@example.com.")).ToBeVisibleAsync();
        await Eventually.TrueAsync(() => Directory.GetFiles(server.Sink.Directory, "*.eml").Length == 2, "test message received");
    });
}

/// <summary>A server without demo data (so it needs its first Admin) that mails through an SMTP sink on loopback.</summary>
public sealed class FirstRunServer : IAsyncLifetime
{
    public SmtpSink Sink { get; private set; } = null!;
    public DealerSite Site { get; } = new();
    public ShowroomApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sink = await SmtpSink.StartAsync();
        App = ShowroomApp.Create(new Dictionary<string, string?>
        {
            ["Showroom:SeedDemoData"] = "false",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = "Showroom <showroom@example.com>",
        });
        await App.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)App).DisposeAsync();
        await Sink.DisposeAsync();
        Site.Dispose();
    }
}

/// <summary>
/// The dealer's own website: one page on another loopback port (a different origin from Showroom's), serving
/// whatever HTML the test puts there, such as the embed snippet copied from the console.
/// </summary>
public sealed class DealerSite : IDisposable
{
    readonly System.Net.HttpListener _listener = new();

    public DealerSite()
    {
        var port = TestEnvironment.FreeTcpPort();
        Origin = $"http://127.0.0.1:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        _listener.Prefixes.Add(Origin + "/");
        _listener.Start();
        _ = ServeAsync();
    }

    public string Origin { get; }

    public string Page { get; set; } = "<!doctype html><title>Dealer</title>";

    async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            System.Net.HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is System.Net.HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            var body = System.Text.Encoding.UTF8.GetBytes(Page);
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
