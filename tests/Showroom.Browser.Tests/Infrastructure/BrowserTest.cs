using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Showroom.Tests.Infrastructure;

namespace Showroom.Browser.Tests.Infrastructure;

/// <summary>
/// A browser journey against a real Showroom server. <see cref="RunAsync"/> saves a screenshot of every
/// page when the journey fails; <see cref="ScreenshotAsync"/> keeps key screens to look at.
/// </summary>
public abstract class BrowserTest(BrowserFixture browser, ShowroomApp app)
{
    public static string ScreenshotDirectory { get; } =
        Directory.CreateDirectory(Path.Combine(TestEnvironment.RepositoryRoot, "test-results", "screenshots")).FullName;

    protected ShowroomApp App { get; } = app;

    readonly List<IBrowserContext> _contexts = [];

    protected async Task<IPage> NewPageAsync(string? locale = null)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            Locale = locale ?? "en-US",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(10_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    protected async Task RunAsync(Func<Task> journey, [CallerMemberName] string name = "")
    {
        try
        {
            await journey();
        }
        catch
        {
            var index = 0;
            foreach (var page in _contexts.SelectMany(c => c.Pages))
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"FAILED-{name}-{index++}.png"), FullPage = true });
            }
            throw;
        }
        finally
        {
            foreach (var context in _contexts)
            {
                await context.DisposeAsync();
            }
            _contexts.Clear();
        }
    }

    protected static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{name}.png") });

    /// <summary>Signs in through the sign-in page, as an agent does.</summary>
    protected static async Task SignInAsync(IPage page, string email, string password = Demo.DemoData.Password)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
