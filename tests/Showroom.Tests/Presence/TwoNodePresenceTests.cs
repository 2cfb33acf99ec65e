using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Showroom.Presence;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Presence;

/// <summary>Presence held in the database, not in one process: tabs on two nodes, and a node that dies.</summary>
public sealed class TwoNodePresenceTests : IAsyncLifetime
{
    readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    PostgresDatabase _database = null!;
    ShowroomApp _nodeA = null!;
    Dictionary<string, string?> _settings = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = _database.ConnectionString,
            ["Redis:Connection"] = TestEnvironment.RedisConnection,
        };
        _nodeA = ShowroomApp.Create(_settings, _clock);
        await _nodeA.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _nodeA.DisposeAsync();
        await _database.DisposeAsync();
    }

    async Task SweepAsync(TimeSpan advance)
    {
        _clock.Advance(advance);
        await _nodeA.Services.GetRequiredService<PresenceSweeper>().SweepAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Tabs_on_two_nodes_reduce_to_one_status()
    {
        await using var nodeB = ShowroomApp.Create(_settings, _clock);
        await using var onA = await _nodeA.SignInAsync("sam@example.com");
        var id = (await onA.GetJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString()!;
        await using var onB = onA.SameBrowserAt(nodeB.BaseAddress);
        var tabA = onA.AgentHub();
        var tabB = onB.AgentHub();
        var seenOnB = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        tabB.On<JsonElement>("StatusChanged", s => { if (s.GetProperty("status").GetString() == "Available") { seenOnB.TrySetResult(s); } });
        await tabA.StartAsync();
        await tabB.StartAsync();
        var registryB = nodeB.Services.GetRequiredService<Showroom.Realtime.AgentConnections>();
        await Eventually.TrueAsync(() => registryB.CountFor(Guid.Parse(id)) == 1, "node B holds a tab");

        await tabA.InvokeAsync<JsonElement>("SetStatus", "Available");
        await seenOnB.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The tab on node A closes; the one on node B keeps the agent present past the grace period.
        var registryA = _nodeA.Services.GetRequiredService<Showroom.Realtime.AgentConnections>();
        await tabA.StopAsync();
        await Eventually.TrueAsync(() => registryA.CountFor(Guid.Parse(id)) == 0, "node A handled the disconnect");
        _clock.Advance(TimeSpan.FromSeconds(20));
        await nodeB.Services.GetRequiredService<PresenceSweeper>().SweepAsync(CancellationToken.None);
        await SweepAsync(TimeSpan.FromSeconds(50));

        Assert.Equal("Available", (await onA.GetJsonAsync<JsonElement>($"/api/agents/{id}/status")).GetProperty("status").GetString());
        Assert.Equal(HubConnectionState.Connected, tabB.State);
    }

    [Fact]
    public async Task A_dead_nodes_agents_go_Offline_when_its_leases_expire()
    {
        var workingDirectory = Directory.CreateTempSubdirectory("showroom-node-").FullName;
        await using var nodeB = ServerProcess.Start(workingDirectory, new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = _database.ConnectionString,
            ["Redis__Connection"] = TestEnvironment.RedisConnection,
        });
        await nodeB.WaitUntilReadyAsync();
        await using var onB = new AgentSession(nodeB.BaseAddress!);
        (await onB.SignInAsync("jordan@example.com", Demo.DemoData.Password)).EnsureSuccessStatusCode();
        var id = (await onB.GetJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString()!;
        var tab = onB.AgentHub();
        await tab.StartAsync();
        await tab.InvokeAsync<JsonElement>("SetStatus", "Available");
        await using var observer = await _nodeA.SignInAsync("manager@example.com");
        async Task<string> ShownAsync() => (await observer.GetJsonAsync<JsonElement>($"/api/agents/{id}/status")).GetProperty("status").GetString()!;
        Assert.Equal("Available", await ShownAsync());

        // kill -9: no disconnect is ever handled; only the lease, no longer renewed, tells. Node B ran on
        // the real clock, so node A's clock is brought to the real time first.
        _clock.SetUtcNow(DateTimeOffset.UtcNow);
        nodeB.Kill();
        await SweepAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("Available", await ShownAsync());
        await SweepAsync(TimeSpan.FromSeconds(31));   // lease expired: the grace period starts now
        Assert.Equal("Available", await ShownAsync());
        await SweepAsync(TimeSpan.FromSeconds(61));

        Assert.Equal("Offline", await ShownAsync());
        Directory.Delete(workingDirectory, recursive: true);
    }
}
