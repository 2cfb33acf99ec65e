using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.People;

public sealed class AccessAndDeactivationTests : IAsyncLifetime
{
    const string Site = "https://downtown.example";
    readonly ShowroomApp _app = ShowroomApp.Create(null);

    public Task InitializeAsync() => _app.InitializeAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    static async Task<string> IdOfAsync(AgentSession session, string dealerId, string email) =>
        (await session.GetJsonAsync<JsonElement>($"/api/dealers/{dealerId}/people")).EnumerateArray()
            .Single(p => p.GetProperty("email").GetString() == email).GetProperty("id").GetString()!;

    [Fact]
    public async Task Deactivating_an_agent_ends_their_connection_at_once_and_hands_their_chat_to_a_colleague()
    {
        var widgetKey = await _app.EmbedWidgetAtAsync("Example Motors Downtown", Site);
        var downtown = (await People.DealerIdsAsync(_app))["Example Motors Downtown"];
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        var ended = new TaskCompletionSource<string>();
        sam.Hub.On<string>("SessionEnded", reason => ended.TrySetResult(reason));
        await using var shopper = await ShopperClient.ConnectAsync(_app, widgetKey, Site);
        var chat = (await shopper.StartAsync(new { name = "Pat" })).GetProperty("id").GetString()!;
        await sam.TakeAsync(chat);
        await using var jordan = await AgentClient.ConnectAsync(_app, "jordan@example.com");
        await using var manager = await _app.SignInAsync("manager@example.com");

        using var response = await manager.SendAsync(HttpMethod.Post, $"/api/agents/{sam.Id}/deactivate");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Deactivated", (await response.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal("deactivated", await ended.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        var offer = await jordan.OfferOfAsync(chat);
        Assert.True((await jordan.AcceptAsync(offer)).GetProperty("accepted").GetBoolean());
        await shopper.HeardAsync("Jordan joined the chat");
        Assert.Equal(HttpStatusCode.Unauthorized, (await sam.Session.Http.GetAsync("/api/me")).StatusCode);
        await using var again = _app.NewSession();
        using var signIn = await again.SignInAsync("sam@example.com", Showroom.Demo.DemoData.Password);
        Assert.Equal("deactivated", (await signIn.ReadJsonAsync()).GetProperty("code").GetString());

        using var reactivated = await manager.SendAsync(HttpMethod.Post, $"/api/agents/{sam.Id}/reactivate");
        Assert.Equal("Active", (await reactivated.ReadJsonAsync()).GetProperty("status").GetString());
        await using var back = await _app.SignInAsync("sam@example.com");
        Assert.Equal(sam.Id.ToString(), await IdOfAsync(manager, downtown, "sam@example.com"));
    }

    [Fact]
    public async Task A_manager_changes_access_only_within_their_dealers_and_never_an_admins_or_their_own()
    {
        var dealers = await People.DealerIdsAsync(_app);
        var downtown = dealers["Example Motors Downtown"];
        var lakeside = dealers["Example Motors Lakeside"];
        await using var admin = await _app.SignInAsync("admin@example.com");
        // Dana manages Downtown only; Priya works at Lakeside and (from now) at Downtown.
        await using var dana = await People.InviteAndJoinAsync(_app, admin, "dana@example.com", "Manager", downtown);
        var priya = await IdOfAsync(admin, lakeside, "priya@example.com");
        var downtownSales = await People.DepartmentIdAsync(admin, downtown, "Sales");
        using var both = await admin.SendAsync(HttpMethod.Put, $"/api/agents/{priya}/access",
            new { role = "Agent", dealerIds = new[] { downtown, lakeside }, departmentIds = Array.Empty<string>(), chatLimit = (int?)null });
        Assert.Equal(HttpStatusCode.OK, both.StatusCode);

        using var edit = await dana.SendAsync(HttpMethod.Put, $"/api/agents/{priya}/access",
            new { role = "Manager", dealerIds = new[] { downtown }, departmentIds = new[] { downtownSales }, chatLimit = 4 });
        using var toLakeside = await dana.SendAsync(HttpMethod.Put, $"/api/agents/{priya}/access",
            new { role = "Agent", dealerIds = new[] { lakeside }, departmentIds = Array.Empty<string>() });
        using var makeAdmin = await dana.SendAsync(HttpMethod.Put, $"/api/agents/{priya}/access",
            new { role = "Admin", dealerIds = new[] { downtown }, departmentIds = Array.Empty<string>(), chatLimit = 30 });
        var adminId = (await admin.GetJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString();
        using var onAdmin = await dana.SendAsync(HttpMethod.Post, $"/api/agents/{adminId}/deactivate");
        var danaId = (await dana.GetJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString();
        using var self = await dana.SendAsync(HttpMethod.Post, $"/api/agents/{danaId}/deactivate");

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var row = await edit.ReadJsonAsync();
        Assert.Equal("Manager", row.GetProperty("role").GetString());
        // Dana sees (and changed) only Downtown; the Lakeside membership she cannot see is kept.
        Assert.Equal(["Example Motors Downtown"], row.GetProperty("dealers").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        var seenByAdmin = (await admin.GetJsonAsync<JsonElement>($"/api/dealers/{lakeside}/people")).EnumerateArray()
            .Single(p => p.GetProperty("id").GetString() == priya);
        Assert.Equal(["Example Motors Downtown", "Example Motors Lakeside"], seenByAdmin.GetProperty("dealers").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        Assert.Equal(4, seenByAdmin.GetProperty("chatLimit").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, toLakeside.StatusCode);
        var errors = (await makeAdmin.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal(["chatLimit", "role"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(HttpStatusCode.NotFound, onAdmin.StatusCode);
        Assert.Equal("self", (await self.ReadJsonAsync()).GetProperty("code").GetString());
    }
}
