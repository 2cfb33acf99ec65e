using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Showroom.Data;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Conversations;

/// <summary>The stand-in assignment (until routing) and the agent's side of a chat, end to end over both hubs.</summary>
public sealed class AgentConversationTests : IAsyncLifetime
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

    async Task<(AgentSession Session, HubConnection Hub)> AgentAsync(string email, string status)
    {
        var session = await _app.SignInAsync(email);
        var hub = session.AgentHub();
        await hub.StartAsync();
        var id = Guid.Parse((await session.GetJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString()!);
        await Eventually.TrueAsync(() => _app.Services.GetRequiredService<Showroom.Realtime.AgentConnections>().CountFor(id) == 1, "agent connected");
        await hub.InvokeAsync<JsonElement>("SetStatus", status);
        return (session, hub);
    }

    async Task<(ShopperSession Shopper, HubConnection Hub, ConcurrentQueue<JsonElement> Heard)> ShopperAsync()
    {
        var shopper = new ShopperSession(_app.BaseAddress, _widgetKey, Site);
        (await shopper.StartSessionAsync()).EnsureSuccessStatusCode();
        var hub = shopper.Hub();
        var heard = new ConcurrentQueue<JsonElement>();
        hub.On<JsonElement>("MessageReceived", m => heard.Enqueue(m));
        await hub.StartAsync();
        return (shopper, hub, heard);
    }

    [Fact]
    public async Task An_Available_agent_gets_the_chat_and_both_sides_talk_until_the_agent_ends_it()
    {
        var (sam, samHub) = await AgentAsync("sam@example.com", "Available");
        await using var _ = sam;
        var assigned = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var agentHeard = new ConcurrentQueue<JsonElement>();
        samHub.On<JsonElement>("ConversationAssigned", c => assigned.TrySetResult(c));
        samHub.On<JsonElement>("MessageReceived", m => agentHeard.Enqueue(m));
        var (shopper, shopperHub, shopperHeard) = await ShopperAsync();
        await using var __ = shopper;

        var conversation = await shopperHub.InvokeAsync<JsonElement>("StartConversation", new
        {
            name = "Pat",
            vehicle = new { year = 2022, make = "Toyota", model = "RAV4" },
        });

        Assert.Equal("Active", conversation.GetProperty("status").GetString());
        Assert.Equal("Sam", conversation.GetProperty("agentName").GetString());
        var offered = await assigned.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("RAV4", offered.GetProperty("vehicle").GetProperty("model").GetString());
        await Eventually.TrueAsync(() => shopperHeard.Any(m => m.GetProperty("text").GetString() == "Sam joined the chat"), "the shopper saw Sam join");

        var id = Guid.Parse(conversation.GetProperty("id").GetString()!);
        await shopperHub.InvokeAsync<JsonElement>("SendMessage", id, "s1", "Is the RAV4 available?");
        await samHub.InvokeAsync<JsonElement>("SendMessage", id, "a1", "Yes, come see it today!");
        await Eventually.TrueAsync(() => agentHeard.Any(m => m.GetProperty("text").GetString() == "Is the RAV4 available?"), "the agent heard the shopper");
        await Eventually.TrueAsync(() => shopperHeard.Any(m => m.GetProperty("text").GetString() == "Yes, come see it today!"
            && m.GetProperty("senderName").GetString() == "Sam"), "the shopper heard Sam");

        var mine = await sam.GetJsonAsync<JsonElement>("/api/conversations/mine");
        Assert.Equal(id.ToString(), mine[0].GetProperty("id").GetString());
        await samHub.InvokeAsync("EndConversation", id);
        await Eventually.TrueAsync(() => shopperHeard.Any(m => m.GetProperty("text").GetString() == "Chat ended"), "the shopper saw the chat end");
        var history = await samHub.InvokeAsync<JsonElement>("Sync", id, 0L);
        Assert.Equal(["Sam joined the chat", "Is the RAV4 available?", "Yes, come see it today!", "Chat ended"],
            history.EnumerateArray().Select(m => m.GetProperty("text").GetString()).ToList());
        Assert.Empty(await sam.GetJsonAsync<List<JsonElement>>("/api/conversations/mine"));
    }

    [Fact]
    public async Task Away_and_Do_Not_Disturb_agents_are_never_given_a_customer_chat()
    {
        var (sam, _) = await AgentAsync("sam@example.com", "Away");
        var (jordan, _) = await AgentAsync("jordan@example.com", "DoNotDisturb");
        await using var a = sam;
        await using var b = jordan;
        var (shopper, shopperHub, _) = await ShopperAsync();
        await using var c = shopper;

        var conversation = await shopperHub.InvokeAsync<JsonElement>("StartConversation", new { department = "Sales" });

        Assert.Equal("Waiting", conversation.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, conversation.GetProperty("agentName").ValueKind);
    }

    [Fact]
    public async Task Only_the_assigned_agent_reads_and_answers_the_chat()
    {
        var (sam, _) = await AgentAsync("sam@example.com", "Available");
        var (jordan, jordanHub) = await AgentAsync("jordan@example.com", "Away");
        await using var a = sam;
        await using var b = jordan;
        var (shopper, shopperHub, _) = await ShopperAsync();
        await using var c = shopper;
        var id = Guid.Parse((await shopperHub.InvokeAsync<JsonElement>("StartConversation", new { })).GetProperty("id").GetString()!);

        var write = await Assert.ThrowsAsync<HubException>(() => jordanHub.InvokeAsync<JsonElement>("SendMessage", id, "j1", "hi"));
        var read = await Assert.ThrowsAsync<HubException>(() => jordanHub.InvokeAsync<JsonElement>("Sync", id, 0L));
        var reserved = await Assert.ThrowsAsync<HubException>(() => shopperHub.InvokeAsync<JsonElement>("SendMessage", id, "system:ended", "fake end"));

        Assert.Contains("Conversation not found.", write.Message, StringComparison.Ordinal);
        Assert.Contains("Conversation not found.", read.Message, StringComparison.Ordinal);
        Assert.Contains("client id", reserved.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_site_learns_its_widget_key_where_demo_data_is_on()
    {
        using var http = new HttpClient { BaseAddress = _app.BaseAddress };

        var site = JsonDocument.Parse(await http.GetStringAsync("/api/demo/site")).RootElement;

        Assert.Equal(_widgetKey, site.GetProperty("widgetKey").GetString());
    }
}
