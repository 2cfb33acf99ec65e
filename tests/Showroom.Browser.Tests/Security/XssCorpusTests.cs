using Microsoft.Playwright;
using Showroom.Browser.Tests.Conversations;
using Showroom.Browser.Tests.Infrastructure;
using Showroom.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Showroom.Browser.Tests.Widget.WidgetPage;

namespace Showroom.Browser.Tests.Security;

/// <summary>
/// Hostile text from both sides of a chat, rendered by the real widget and the real console: it must show as
/// the very characters typed, run nothing, add no element, and never become a link to anything but http(s).
/// </summary>
public sealed class XssCorpusTests(BrowserFixture browser, ShowroomApp app)
    : BrowserTest(browser, app), IClassFixture<BrowserFixture>, IClassFixture<ShowroomApp>
{
    /// <summary>Each payload, if it ran, would set window.__xss or open a dialog.</summary>
    static readonly string[] Corpus =
    [
        "<script>window.__xss=1</script>",
        "<img src=x onerror=\"window.__xss=1\">",
        "<svg onload=window.__xss=1>",
        "\"><img src=x onerror=window.__xss=1>",
        "'><iframe src=\"javascript:window.__xss=1\"></iframe>",
        "<a href=\"javascript:window.__xss=1\">click me</a>",
        "javascript:window.__xss=1",
        "https://example.com/\"onmouseover=\"window.__xss=1",
        "[click](javascript:alert(1))",
        "{{constructor.constructor('window.__xss=1')()}}",
        "<style>*{display:none!important}</style>",
        "&lt;b&gt;entities stay entities&lt;/b&gt;",
        "<details open ontoggle=alert(1)>",
    ];

    const string ShopperName = "<img src=x onerror=alert(1)>Pat";

    [Fact]
    public Task Hostile_text_from_shopper_and_agent_is_shown_as_text_in_the_widget_and_the_console() => RunAsync(async () =>
    {
        await AllowTestOriginAsync(App);
        var console = await NewPageAsync();
        var widget = await NewPageAsync();
        var dialogs = 0;
        console.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        widget.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await SignInAsync(console, "jordan@example.com");
        await ChatSteps.BecomeAvailableAsync(console);

        // The shopper starts with a hostile name and sends every payload.
        await widget.GotoAsync(CivicPage);
        await Launcher(widget).ClickAsync();
        await widget.GetByLabel("Name (optional)").FillAsync(ShopperName);
        await widget.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await ChatSteps.AcceptAsync(console, ShopperName);
        foreach (var payload in Corpus)
        {
            await SendAsync(widget, payload);
        }

        // The agent answers with every payload.
        var reply = console.GetByRole(AriaRole.Textbox, new() { Name = $"Reply to {ShopperName}" });
        foreach (var payload in Corpus)
        {
            await reply.FillAsync(payload);
            await reply.PressAsync("Enter");
        }

        foreach (var payload in Corpus)
        {
            await Expect(Message(widget, payload).Last).ToBeVisibleAsync();
            await Expect(console.GetByText(payload, new() { Exact = true }).First).ToBeVisibleAsync();
        }
        await Expect(console.GetByRole(AriaRole.Heading, new() { Name = ShopperName, Exact = true }).First).ToBeVisibleAsync();
        await ScreenshotAsync(widget, "xss-corpus-widget");
        await ScreenshotAsync(console, "xss-corpus-console");

        foreach (var page in new[] { widget, console })
        {
            Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), "a payload ran");
            // Inside the widget's shadow root too: no element a payload could have added.
            var injected = await page.EvaluateAsync<int>("""
                () => {
                  const roots = [document, ...[...document.querySelectorAll('*')].filter(e => e.shadowRoot).map(e => e.shadowRoot)];
                  return roots.reduce((n, root) => n + root.querySelectorAll(
                    '[onerror], [onload], [onmouseover], [ontoggle], iframe, details, img[src="x"], li script, li style, li svg').length, 0);
                }
                """);
            Assert.Equal(0, injected);
            var badLinks = await page.EvaluateAsync<string[]>("""
                () => {
                  const roots = [document, ...[...document.querySelectorAll('*')].filter(e => e.shadowRoot).map(e => e.shadowRoot)];
                  return roots.flatMap(root => [...root.querySelectorAll('li a[href]')])
                    .map(a => a.getAttribute('href')).filter(h => !/^https?:\/\//.test(h));
                }
                """);
            Assert.Empty(badLinks);
        }
        Assert.Equal(0, dialogs);
    });
}
