using System.Net.Http.Headers;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Showroom.Data;
using Showroom.Demo;
using Showroom.Tests.Infrastructure;
using Showroom.Tests.Profiles;
using SkiaSharp;

namespace Showroom.Browser.Tests.Widget;

/// <summary>The widget as a shopper finds it on the demo dealer's site, and the agents on the other side.</summary>
static class WidgetPage
{
    public const string CivicPage = "/app/demo/vehicles/2021-honda-civic.html";

    public const string Rav4Page = "/app/demo/vehicles/2024-toyota-rav4.html";

    public static ILocator Launcher(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" });

    public static ILocator Composer(IPage page) => page.GetByRole(AriaRole.Textbox, new() { Name = "Message", Exact = true });

    public static ILocator Message(IPage page, string text) =>
        page.GetByRole(AriaRole.Log).GetByRole(AriaRole.Listitem).Filter(new() { HasText = text });

    public static async Task SendAsync(IPage page, string text)
    {
        await Composer(page).FillAsync(text);
        await Composer(page).PressAsync("Enter");
    }

    /// <summary>axe-core on the widget only (the demo dealer's page is not ours): no serious or critical violation.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string screen)
    {
        var results = await page.Locator("showroom-chat").RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{screen}: " + string.Join("; ", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    /// <summary>The demo dealer's site is this test server: its origin must be one of the dealer's website origins.</summary>
    public static async Task AllowTestOriginAsync(ShowroomApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        var dealer = await db.Dealers.SingleAsync(d => d.Name == DemoData.DemoSiteDealer);
        var origin = app.BaseAddress.GetLeftPart(UriPartial.Authority);
        if (!dealer.WebsiteOrigins.Contains(origin))
        {
            dealer.WebsiteOrigins = [.. dealer.WebsiteOrigins, origin];
            await db.SaveChangesAsync();
        }
    }

    /// <summary>
    /// An agent signed in with a live agent hub connection and the given status: the widget then offers a chat
    /// in the agent's departments. Disposing it signs the agent off again.
    /// </summary>
    public static async Task<OnlineAgent> AgentOnlineAsync(ShowroomApp app, string email, string status)
    {
        var session = await app.SignInAsync(email);
        var hub = session.AgentHub();
        await hub.StartAsync();
        var id = Guid.Parse((await session.GetJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString()!);
        await Eventually.TrueAsync(() => app.Services.GetRequiredService<Showroom.Realtime.AgentConnections>().CountFor(id) == 1, "agent connected");
        await hub.InvokeAsync<JsonElement>("SetStatus", status);
        return new OnlineAgent(session, hub, id);
    }

    /// <summary>Gives the agent a headshot (a 300×300 PNG), as they would on their profile.</summary>
    public static async Task UploadHeadshotAsync(AgentSession session, Guid agentId)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestImages.RedBlue(SKEncodedImageFormat.Png, 300, 300));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "headshot.png");
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/agents/{agentId}/headshot") { Content = form };
        request.Headers.Add("X-XSRF-TOKEN", (await session.GetJsonAsync<JsonElement>("/api/antiforgery")).GetProperty("token").GetString());
        (await session.Http.SendAsync(request)).EnsureSuccessStatusCode();
    }
}

public sealed record OnlineAgent(AgentSession Session, HubConnection Hub, Guid Id) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Session.DisposeAsync();
}
