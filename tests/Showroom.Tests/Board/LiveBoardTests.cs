using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Board;

/// <summary>The managers' live board: each agent's status and active chats, and the chats waiting in line.</summary>
public sealed class LiveBoardTests : IAsyncLifetime
{
    const string Site = "https://downtown.example";
    ShowroomApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = ShowroomApp.Create(null);
        await _app.InitializeAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_manager_sees_who_is_in_which_status_with_their_chats_and_the_chats_waiting()
    {
        var widgetKey = await _app.EmbedWidgetAtAsync("Example Motors Downtown", Site);
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        await using var pat = await ShopperClient.ConnectAsync(_app, widgetKey, Site);
        var served = (await pat.StartAsync(new { name = "Pat" })).GetProperty("id").GetString()!;
        await sam.TakeAsync(served);
        await sam.Hub.InvokeAsync<JsonElement>("SetStatus", "Away");
        await using var robin = await ShopperClient.ConnectAsync(_app, widgetKey, Site);
        var waiting = (await robin.StartAsync(new { name = "Robin" })).GetProperty("id").GetString()!;

        await using var manager = await _app.SignInAsync("manager@example.com");
        var dealers = await manager.GetJsonAsync<List<JsonElement>>("/api/dealers");
        var downtown = dealers.Single(d => d.GetProperty("name").GetString() == "Example Motors Downtown").GetProperty("id").GetString();
        var board = await manager.GetJsonAsync<JsonElement>($"/api/dealers/{downtown}/board");

        var samRow = board.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Sam Carter");
        Assert.Equal("Away", samRow.GetProperty("status").GetString());
        var chat = Assert.Single(samRow.GetProperty("activeChats").EnumerateArray());
        Assert.Equal(served, chat.GetProperty("conversationId").GetString());
        Assert.Equal("Pat", chat.GetProperty("shopperName").GetString());
        var jordanRow = board.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Jordan Lee");
        Assert.Equal("Offline", jordanRow.GetProperty("status").GetString());
        var line = Assert.Single(board.GetProperty("waiting").EnumerateArray());
        Assert.Equal(waiting, line.GetProperty("conversationId").GetString());
        Assert.Equal("Robin", line.GetProperty("shopperName").GetString());
        Assert.DoesNotContain(board.GetProperty("agents").EnumerateArray(), a => a.GetProperty("name").GetString() == "Priya Patel");

        // Agents do not get the board; another dealer's id is not found.
        using var forbidden = await sam.Session.Http.GetAsync($"/api/dealers/{downtown}/board");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var unknown = await manager.Http.GetAsync($"/api/dealers/{Guid.NewGuid()}/board");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
