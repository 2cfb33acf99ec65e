using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Internal;

/// <summary>Agents' direct chats and team rooms: the customer chats' delivery rules, unread counts, and who may take part.</summary>
public sealed class InternalChatTests : IAsyncLifetime
{
    ShowroomApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = ShowroomApp.Create(null);
        await _app.InitializeAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Colleagues_chat_directly_once_per_client_id_in_order_and_an_absent_one_finds_it_unread()
    {
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        var heard = new List<JsonElement>();
        sam.Hub.On<JsonElement>("InternalMessageReceived", m => { lock (heard) { heard.Add(m); } });
        await using var jordanSession = await _app.SignInAsync("jordan@example.com");
        var jordanId = Guid.Parse((await jordanSession.GetJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString()!);

        var thread = await sam.Hub.InvokeAsync<JsonElement>("OpenDirect", jordanId);
        var threadId = Guid.Parse(thread.GetProperty("id").GetString()!);
        var sends = Enumerable.Range(1, 10).Select(i => sam.Hub.InvokeAsync<JsonElement>("SendInternal", threadId, $"m{i % 5}", $"Note {i % 5}"));
        var stored = await Task.WhenAll(sends);

        Assert.Equal("Jordan Lee", thread.GetProperty("title").GetString());
        Assert.Equal(5, stored.Select(m => m.GetProperty("seq").GetInt64()).Distinct().Count());
        await using var jordan = await AgentClient.ConnectAsync(jordanSession, _app.Services, status: null);
        var threads = await jordan.Hub.InvokeAsync<List<JsonElement>>("InternalThreads");
        var direct = threads.Single(t => t.GetProperty("kind").GetString() == "Direct");
        Assert.Equal(5, direct.GetProperty("unread").GetInt32());
        Assert.Equal("Sam Carter", direct.GetProperty("title").GetString());
        var synced = await jordan.Hub.InvokeAsync<List<JsonElement>>("SyncInternal", threadId, 0L);
        Assert.Equal([1L, 2, 3, 4, 5], synced.Select(m => m.GetProperty("seq").GetInt64()));
        await jordan.Hub.InvokeAsync("MarkInternalRead", threadId, 5L);
        var after = await jordan.Hub.InvokeAsync<List<JsonElement>>("InternalThreads");
        Assert.Equal(0, after.Single(t => t.GetProperty("kind").GetString() == "Direct").GetProperty("unread").GetInt32());
        var again = await jordan.Hub.InvokeAsync<JsonElement>("OpenDirect", sam.Id);
        Assert.Equal(threadId.ToString(), again.GetProperty("id").GetString());
        await Eventually.TrueAsync(() => heard.Count == 5, "Sam's own clients heard each message once");
    }

    [Fact]
    public async Task The_team_room_reaches_the_dealers_agents_and_nobody_else()
    {
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com", "DoNotDisturb");
        await using var jordan = await AgentClient.ConnectAsync(_app, "jordan@example.com", "Away");
        await using var priya = await AgentClient.ConnectAsync(_app, "priya@example.com");
        var heard = new List<string>();
        jordan.Hub.On<JsonElement>("InternalMessageReceived", m => { lock (heard) { heard.Add(m.GetProperty("text").GetString()!); } });
        var priyaHeard = 0;
        priya.Hub.On<JsonElement>("InternalMessageReceived", _ => Interlocked.Increment(ref priyaHeard));

        var room = (await sam.Hub.InvokeAsync<List<JsonElement>>("InternalThreads")).Single(t => t.GetProperty("kind").GetString() == "TeamRoom");
        var roomId = Guid.Parse(room.GetProperty("id").GetString()!);
        await sam.Hub.InvokeAsync<JsonElement>("SendInternal", roomId, "t1", "Lunch is here!");
        var outsider = await Assert.ThrowsAsync<HubException>(() => priya.Hub.InvokeAsync<JsonElement>("SendInternal", roomId, "p1", "hi"));
        var peek = await Assert.ThrowsAsync<HubException>(() => priya.Hub.InvokeAsync<List<JsonElement>>("SyncInternal", roomId, 0L));
        var stranger = await Assert.ThrowsAsync<HubException>(() => priya.Hub.InvokeAsync<JsonElement>("OpenDirect", sam.Id));

        Assert.Equal("Example Motors Downtown", room.GetProperty("title").GetString());
        await Eventually.TrueAsync(() => heard.Contains("Lunch is here!"), "Jordan (Away) heard the team room");
        Assert.Contains("Conversation not found.", outsider.Message, StringComparison.Ordinal);
        Assert.Contains("Conversation not found.", peek.Message, StringComparison.Ordinal);
        Assert.Contains("colleagues of your dealers", stranger.Message, StringComparison.Ordinal);
        Assert.Equal(0, priyaHeard);
    }

    [Fact]
    public async Task Reading_a_thread_on_one_tab_clears_it_on_the_agents_other_tabs()
    {
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        await using var jordan = await AgentClient.ConnectAsync(_app, "jordan@example.com");
        await using var jordansOtherTab = await AgentClient.ConnectAsync(jordan.Session, _app.Services, status: null);
        var reads = new List<JsonElement>();
        jordansOtherTab.Hub.On<JsonElement>("InternalReadUpTo", r => { lock (reads) { reads.Add(r); } });
        var thread = Guid.Parse((await sam.Hub.InvokeAsync<JsonElement>("OpenDirect", jordan.Id)).GetProperty("id").GetString()!);
        await sam.Hub.InvokeAsync<JsonElement>("SendInternal", thread, "r1", "Lunch?");
        await sam.Hub.InvokeAsync<JsonElement>("SendInternal", thread, "r2", "At noon");

        await jordan.Hub.InvokeAsync("MarkInternalRead", thread, 2L);

        await Eventually.TrueAsync(() => { lock (reads) { return reads.Any(r => r.GetProperty("threadId").GetGuid() == thread && r.GetProperty("seq").GetInt64() == 2); } },
            "the other tab heard the read mark");
    }

    [Fact]
    public async Task Colleagues_of_another_dealer_of_the_group_chat_directly_only_where_the_group_allows_it()
    {
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        await using var priyaSession = await _app.SignInAsync("priya@example.com");
        var priyaId = Guid.Parse((await priyaSession.GetJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString()!);

        var refused = await Assert.ThrowsAsync<HubException>(() => sam.Hub.InvokeAsync<JsonElement>("OpenDirect", priyaId));
        Assert.Contains("only with colleagues of your dealers", refused.Message, StringComparison.Ordinal);

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Showroom.Data.ShowroomDb>();
            await db.DealerGroups.ExecuteUpdateAsync(set => set.SetProperty(g => g.AllowCrossDealerWork, true));
        }
        var thread = await sam.Hub.InvokeAsync<JsonElement>("OpenDirect", priyaId);
        Assert.Equal("Priya Patel", thread.GetProperty("title").GetString());
        await using var priya = await AgentClient.ConnectAsync(priyaSession, _app.Services, status: null);
        var sent = await sam.Hub.InvokeAsync<JsonElement>("SendInternal", Guid.Parse(thread.GetProperty("id").GetString()!), "x1", "Do you have the blue one?");
        var hers = await priya.Hub.InvokeAsync<List<JsonElement>>("InternalThreads");
        Assert.Equal(1, hers.Single(t => t.GetProperty("kind").GetString() == "Direct").GetProperty("unread").GetInt32());
        Assert.Equal(1, sent.GetProperty("seq").GetInt64());
    }
}
