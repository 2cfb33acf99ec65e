using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Showroom.Conversations;
using Showroom.Data;
using Showroom.Routing;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Routing;

/// <summary>Routing on PostgreSQL across processes: offers survive kill -9, and two nodes never both win a chat.</summary>
public sealed class DurableRoutingTests : IAsyncLifetime
{
    const string Site = "https://downtown.example";
    PostgresDatabase _database = null!;
    ShowroomApp _nodeA = null!;
    string _widgetKey = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _nodeA = ShowroomApp.Create(Settings());
        await _nodeA.InitializeAsync();
        _widgetKey = await _nodeA.EmbedWidgetAtAsync("Example Motors Downtown", Site);
    }

    public async Task DisposeAsync()
    {
        await _nodeA.DisposeAsync();
        await _database.DisposeAsync();
    }

    Dictionary<string, string?> Settings() => new()
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = _database.ConnectionString,
        ["Redis:Connection"] = TestEnvironment.RedisConnection,
    };

    ServerProcess StartNodeB(string workingDirectory) => ServerProcess.Start(workingDirectory, new Dictionary<string, string>
    {
        ["Database__Provider"] = "Postgres",
        ["Database__ConnectionString"] = _database.ConnectionString,
        ["Redis__Connection"] = TestEnvironment.RedisConnection,
    });

    [Fact]
    public async Task After_kill_9_and_a_restart_every_waiting_chat_is_offered_again_none_lost_none_doubled()
    {
        var workingDirectory = Directory.CreateTempSubdirectory("showroom-node-").FullName;
        // Offers ring long enough to outlive the restart (the child runs on the real clock).
        await using (var scope = _nodeA.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
            await db.Departments.ExecuteUpdateAsync(s => s.SetProperty(d => d.Routing.OfferTimeoutSeconds, 300).SetProperty(d => d.Routing.MissedChatLimitSeconds, 900));
        }
        var chats = new List<string>();
        var shoppers = new List<ShopperSession>();
        await using (var nodeB = StartNodeB(workingDirectory))
        {
            await nodeB.WaitUntilReadyAsync();
            await using var sam = new AgentSession(nodeB.BaseAddress!);
            (await sam.SignInAsync("sam@example.com", Demo.DemoData.Password)).EnsureSuccessStatusCode();
            var tab = sam.AgentHub();
            var offered = 0;
            tab.On<JsonElement>("OfferReceived", _ => Interlocked.Increment(ref offered));
            await tab.StartAsync();
            await tab.InvokeAsync<JsonElement>("SetStatus", "Available");
            for (var i = 0; i < 3; i++)
            {
                var shopper = new ShopperSession(nodeB.BaseAddress!, _widgetKey, Site);
                shoppers.Add(shopper);
                (await shopper.StartSessionAsync()).EnsureSuccessStatusCode();
                var hub = shopper.Hub();
                await hub.StartAsync();
                chats.Add((await hub.InvokeAsync<JsonElement>("StartConversation", new { name = $"Shopper {i}" })).GetProperty("id").GetString()!);
            }
            await Eventually.TrueAsync(() => offered == 3, "three offers rang");
            nodeB.Kill();
        }

        await using var restarted = StartNodeB(workingDirectory);
        await restarted.WaitUntilReadyAsync();
        await using var again = new AgentSession(restarted.BaseAddress!);
        (await again.SignInAsync("sam@example.com", Demo.DemoData.Password)).EnsureSuccessStatusCode();
        var newTab = again.AgentHub();
        await newTab.StartAsync();
        var waiting = await newTab.InvokeAsync<List<JsonElement>>("Offers");
        Assert.Equal(chats, waiting.Select(o => o.GetProperty("conversationId").GetString()));
        foreach (var offer in waiting)
        {
            var result = await newTab.InvokeAsync<JsonElement>("AcceptOffer", Guid.Parse(offer.GetProperty("id").GetString()!));
            Assert.True(result.GetProperty("accepted").GetBoolean());
        }

        await using var check = _nodeA.Services.CreateAsyncScope();
        var rows = check.ServiceProvider.GetRequiredService<ShowroomDb>();
        var ids = chats.Select(Guid.Parse).ToList();
        Assert.Equal(3, await rows.Conversations.CountAsync(c => ids.Contains(c.Id) && c.Status == ConversationStatus.Active));
        Assert.Equal(3, await rows.Conversations.CountAsync());
        Assert.Equal(3, await rows.ChatOffers.CountAsync(o => o.State == OfferState.Accepted));
        Assert.Equal(3, await rows.ChatOffers.CountAsync());
        foreach (var shopper in shoppers)
        {
            await shopper.DisposeAsync();
        }
        Directory.Delete(workingDirectory, recursive: true);
    }

    [Fact]
    public async Task Agents_on_two_nodes_accepting_at_once_give_exactly_one_winner_every_time()
    {
        await using var nodeB = ShowroomApp.Create(Settings());
        await nodeB.InitializeAsync();
        await using var sam = await AgentClient.ConnectAsync(_nodeA, "sam@example.com");
        await using var jordan = await AgentClient.ConnectAsync(nodeB, "jordan@example.com");
        await using var maria = await AgentClient.ConnectAsync(nodeB, "manager@example.com");
        AgentClient[] all = [sam, jordan, maria];
        for (var round = 0; round < 8; round++)
        {
            await using var shopper = await ShopperClient.ConnectAsync(round % 2 == 0 ? _nodeA : nodeB, _widgetKey, Site);
            var id = (await shopper.StartAsync()).GetProperty("id").GetString()!;
            var offers = await Task.WhenAll(all.Select(a => a.OfferOfAsync(id)));

            var results = await Task.WhenAll(all.Select((a, i) => a.AcceptAsync(offers[i])));

            Assert.Single(results, r => r.GetProperty("accepted").GetBoolean());
            var winner = all[Array.FindIndex(results, r => r.GetProperty("accepted").GetBoolean())];
            await shopper.HeardAsync($"{(await winner.Session.GetJsonAsync<JsonElement>("/api/me")).GetProperty("firstName").GetString()} joined the chat");
            await winner.Hub.InvokeAsync("EndConversation", Guid.Parse(id));
        }
    }
}
