using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Conversations;

/// <summary>The Chat Screen's history (past chats of the agent's dealers, searchable) and blocking abusive shoppers.</summary>
public sealed class HistoryAndBlockTests : IAsyncLifetime
{
    const string Site = "https://downtown.example";
    ShowroomApp _app = null!;
    string _widgetKey = null!;

    public async Task InitializeAsync()
    {
        _app = ShowroomApp.Create(null);
        await _app.InitializeAsync();
        _widgetKey = await _app.EmbedWidgetAtAsync("Example Motors Downtown", Site);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    static async Task<string> ChatAsync(AgentClient agent, ShopperClient shopper, object start, string text)
    {
        var id = (await shopper.StartAsync(start)).GetProperty("id").GetString()!;
        await agent.TakeAsync(id);
        await shopper.Hub.InvokeAsync<JsonElement>("SendMessage", Guid.Parse(id), Guid.NewGuid().ToString("N"), text);
        await agent.Hub.InvokeAsync("EndConversation", Guid.Parse(id));
        return id;
    }

    [Fact]
    public async Task History_finds_past_chats_of_the_agents_dealers_by_name_phone_email_or_text_and_opens_them_read_only()
    {
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        await using var pat = await ShopperClient.ConnectAsync(_app, _widgetKey, Site);
        await using var lee = await ShopperClient.ConnectAsync(_app, _widgetKey, Site);
        var first = await ChatAsync(sam, pat, new { name = "Pat Doe", phone = "555-0101" }, "Do you take trade-ins?");
        var second = await ChatAsync(sam, lee, new { name = "Lee", email = "lee@example.net" }, "Looking for a Tacoma");
        await using var priya = await _app.SignInAsync("priya@example.com");

        async Task<List<string?>> FindAsync(AgentSession who, string q) =>
            (await who.GetJsonAsync<JsonElement>($"/api/conversations/history?q={Uri.EscapeDataString(q)}")).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("conversation").GetProperty("id").GetString()).ToList();

        Assert.Equal([second, first], await FindAsync(sam.Session, ""));
        Assert.Equal([first], await FindAsync(sam.Session, "pat"));
        Assert.Equal([first], await FindAsync(sam.Session, "0101"));
        Assert.Equal([second], await FindAsync(sam.Session, "LEE@EXAMPLE"));
        Assert.Equal([second], await FindAsync(sam.Session, "tacoma"));
        Assert.Empty(await FindAsync(priya, ""));
        var transcript = await sam.Session.GetJsonAsync<JsonElement>($"/api/conversations/{first}/transcript");
        Assert.Equal(["Sam joined the chat", "Do you take trade-ins?", "Chat ended"],
            transcript.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()).ToList());
        Assert.Equal("Sam", transcript.GetProperty("agentName").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await priya.Http.GetAsync($"/api/conversations/{first}/transcript")).StatusCode);
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1).ToString("O");
        Assert.Empty((await sam.Session.GetJsonAsync<JsonElement>($"/api/conversations/history?from={Uri.EscapeDataString(tomorrow)}")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_blocked_shopper_cannot_start_chats_until_a_manager_lifts_the_block()
    {
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        await using var jordan = await _app.SignInAsync("jordan@example.com");
        await using var maria = await _app.SignInAsync("manager@example.com");
        await using var shopper = await ShopperClient.ConnectAsync(_app, _widgetKey, Site);
        var id = (await shopper.StartAsync(new { name = "Troll" })).GetProperty("id").GetString()!;
        await sam.TakeAsync(id);

        var notTheirs = await jordan.SendAsync(HttpMethod.Post, $"/api/conversations/{id}/block", new { reason = "Abuse" });
        var noReason = await sam.Session.SendAsync(HttpMethod.Post, $"/api/conversations/{id}/block", new { reason = " " });
        var blocked = await sam.Session.SendAsync(HttpMethod.Post, $"/api/conversations/{id}/block", new { reason = "Insults" });

        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Created, blocked.StatusCode);
        await shopper.HeardAsync("Chat ended");
        var refused = await Assert.ThrowsAsync<HubException>(() => shopper.StartAsync(new { name = "Troll again" }));
        Assert.Contains("Chat is not available right now.", refused.Message, StringComparison.Ordinal);

        var dealerId = (await sam.Session.GetJsonAsync<JsonElement>("/api/conversations/history")).GetProperty("items")[0]
            .GetProperty("conversation").GetProperty("dealerId").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.Session.Http.GetAsync($"/api/dealers/{dealerId}/blocks")).StatusCode);
        var blocks = await maria.GetJsonAsync<List<JsonElement>>($"/api/dealers/{dealerId}/blocks");
        var block = Assert.Single(blocks);
        Assert.Equal("Insults", block.GetProperty("reason").GetString());
        Assert.Equal("Troll", block.GetProperty("shopperName").GetString());
        var lifted = await maria.SendAsync(HttpMethod.Delete, $"/api/dealers/{dealerId}/blocks/{block.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);
        Assert.Equal("Waiting", (await shopper.StartAsync(new { name = "Sorry" })).GetProperty("status").GetString());
    }
}
