using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Showroom.Data;
using Showroom.Presence;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Presence;

/// <summary>Status and presence through real hub connections, with the server's clock in the test's hand.</summary>
public sealed class PresenceTests : IAsyncLifetime
{
    readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    ShowroomApp _app = null!;

    public Task InitializeAsync()
    {
        _app = ShowroomApp.Create(null, _clock);
        return _app.InitializeAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    async Task<(AgentSession Session, string Id)> SignInAsync(string email)
    {
        var session = await _app.SignInAsync(email);
        return (session, (await session.GetJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString()!);
    }

    async Task<HubConnection> ConnectAsync(AgentSession session, string agentId)
    {
        var before = _app.Services.GetRequiredService<Showroom.Realtime.AgentConnections>().CountFor(Guid.Parse(agentId));
        var hub = session.AgentHub();
        await hub.StartAsync();
        await Eventually.TrueAsync(() => _app.Services.GetRequiredService<Showroom.Realtime.AgentConnections>().CountFor(Guid.Parse(agentId)) > before, "connection registered");
        return hub;
    }

    /// <summary>Closes a tab and waits until the server has handled the disconnect.</summary>
    async Task CloseAsync(HubConnection hub, string agentId)
    {
        var registry = _app.Services.GetRequiredService<Showroom.Realtime.AgentConnections>();
        var before = registry.CountFor(Guid.Parse(agentId));
        await hub.StopAsync();
        await Eventually.TrueAsync(() => registry.CountFor(Guid.Parse(agentId)) < before, "disconnect handled");
    }

    static async Task<string> ShownAsync(AgentSession session, string agentId) =>
        (await session.GetJsonAsync<JsonElement>($"/api/agents/{agentId}/status")).GetProperty("status").GetString()!;

    /// <summary>Moves the server's clock and runs one presence sweep, as the background service would.</summary>
    async Task AdvanceAsync(TimeSpan by)
    {
        _clock.Advance(by);
        await _app.Services.GetRequiredService<PresenceSweeper>().SweepAsync(CancellationToken.None);
    }

    async Task<List<StatusChange>> HistoryAsync(string agentId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        var id = Guid.Parse(agentId);
        return await db.StatusChanges.Where(c => c.AgentId == id).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync();
    }

    [Fact]
    public async Task Signing_in_comes_back_as_Away_and_one_click_makes_Available()
    {
        var (sam, id) = await SignInAsync("sam@example.com");
        var hub = await ConnectAsync(sam, id);

        Assert.Equal("Away", await ShownAsync(sam, id));
        var result = await hub.InvokeAsync<JsonElement>("SetStatus", "Available");

        Assert.Equal("Available", result.GetProperty("status").GetString());
        Assert.Equal("Available", await ShownAsync(sam, id));
        var history = await HistoryAsync(id);
        Assert.Equal([(ShownStatus.Offline, ShownStatus.Away, StatusCause.Return), (ShownStatus.Away, ShownStatus.Available, StatusCause.Agent)],
            history.Select(h => (h.From, h.To, h.Cause)).ToList());
    }

    [Fact]
    public async Task A_change_in_one_tab_shows_in_every_other_tab_and_on_teammates_panels()
    {
        var (sam, samId) = await SignInAsync("sam@example.com");
        var (jordan, jordanId) = await SignInAsync("jordan@example.com");
        var tab1 = await ConnectAsync(sam, samId);
        var tab2 = await ConnectAsync(sam, samId);
        var teammate = await ConnectAsync(jordan, jordanId);
        var tab2Saw = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var teammateSaw = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        tab2.On<JsonElement>("StatusChanged", s => { if (s.GetProperty("status").GetString() == "DoNotDisturb") { tab2Saw.TrySetResult(s); } });
        teammate.On<JsonElement>("StatusChanged", s => { if (s.GetProperty("agentId").GetString() == samId && s.GetProperty("status").GetString() == "DoNotDisturb") { teammateSaw.TrySetResult(s); } });

        var stopwatch = Stopwatch.StartNew();
        await tab1.InvokeAsync<JsonElement>("SetStatus", "DoNotDisturb");
        await tab2Saw.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var toOtherTab = stopwatch.Elapsed;
        await teammateSaw.Task.WaitAsync(TimeSpan.FromSeconds(5));

        Console.WriteLine($"Status change reached the other tab in {toOtherTab.TotalMilliseconds:F1} ms, the teammate in {stopwatch.Elapsed.TotalMilliseconds:F1} ms");
        var team = await jordan.GetJsonAsync<JsonElement>($"/api/dealers/{(await jordan.GetJsonAsync<JsonElement>("/api/me")).GetProperty("dealers")[0].GetProperty("id").GetString()}/team");
        Assert.Equal("DoNotDisturb", team.EnumerateArray().Single(t => t.GetProperty("id").GetString() == samId).GetProperty("status").GetString());
    }

    [Fact]
    public async Task With_several_tabs_the_agent_stays_present_while_any_is_open()
    {
        var (sam, id) = await SignInAsync("sam@example.com");
        var tab1 = await ConnectAsync(sam, id);
        var tab2 = await ConnectAsync(sam, id);
        await tab1.InvokeAsync<JsonElement>("SetStatus", "Available");

        await CloseAsync(tab1, id);
        await AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.Equal("Available", await ShownAsync(sam, id));
        await CloseAsync(tab2, id);
        await AdvanceAsync(TimeSpan.FromSeconds(61));
        Assert.Equal("Offline", await ShownAsync(sam, id));
    }

    [Fact]
    public async Task Offline_only_after_the_grace_period_and_a_reload_inside_it_drops_nothing()
    {
        var (sam, id) = await SignInAsync("sam@example.com");
        var tab = await ConnectAsync(sam, id);
        await tab.InvokeAsync<JsonElement>("SetStatus", "Available");

        // A reload: the tab closes and comes back 30 s later.
        await CloseAsync(tab, id);
        await AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("Available", await ShownAsync(sam, id));
        var reloaded = await ConnectAsync(sam, id);
        await AdvanceAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("Available", await ShownAsync(sam, id));

        await CloseAsync(reloaded, id);
        await AdvanceAsync(TimeSpan.FromSeconds(59));
        Assert.Equal("Available", await ShownAsync(sam, id));
        await AdvanceAsync(TimeSpan.FromSeconds(2));
        Assert.Equal("Offline", await ShownAsync(sam, id));
        var last = (await HistoryAsync(id))[^1];
        Assert.Equal((ShownStatus.Available, ShownStatus.Offline, StatusCause.Disconnect), (last.From, last.To, last.Cause));

        // Back after Offline: Away, with one click to Available.
        await ConnectAsync(sam, id);
        Assert.Equal("Away", await ShownAsync(sam, id));
    }

    [Fact]
    public async Task Flapping_tabs_end_in_one_consistent_status_without_ghosts()
    {
        var (sam, id) = await SignInAsync("sam@example.com");
        var keeper = await ConnectAsync(sam, id);
        await keeper.InvokeAsync<JsonElement>("SetStatus", "Available");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            for (var i = 0; i < 8; i++)
            {
                var flapping = sam.AgentHub();
                await flapping.StartAsync();
                await flapping.DisposeAsync();
            }
        }));
        // Only the keeper is left: registered, and no other connection half-way through opening (those hold a lease already).
        await Eventually.TrueAsync(() =>
        {
            using var check = _app.Services.CreateScope();
            return _app.Services.GetRequiredService<Showroom.Realtime.AgentConnections>().CountFor(Guid.Parse(id)) == 1
                && check.ServiceProvider.GetRequiredService<ShowroomDb>().ConnectionLeases.Count(l => l.AgentId == Guid.Parse(id)) == 1;
        }, "only the keeper is left");
        await AdvanceAsync(TimeSpan.FromSeconds(61));

        Assert.Equal("Available", await ShownAsync(sam, id));
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        // A flapping tab the client gave up on may still open late on the server; it closes again, leaving the keeper's lease only.
        await Eventually.TrueAsync(() =>
        {
            using var check = _app.Services.CreateScope();
            return check.ServiceProvider.GetRequiredService<ShowroomDb>().ConnectionLeases.Count(l => l.AgentId == Guid.Parse(id)) == 1;
        }, "one lease, the keeper's");

        await CloseAsync(keeper, id);
        await AdvanceAsync(TimeSpan.FromSeconds(61));
        // A flapping tab the client gave up on can still be opening on the server: its late open and close start
        // the grace period again, so the agent goes Offline a grace period after that one instead.
        for (var late = 0; late < 2 && await ShownAsync(sam, id) != "Offline"; late++)
        {
            await Eventually.TrueAsync(() => _app.Services.GetRequiredService<Showroom.Realtime.AgentConnections>().CountFor(Guid.Parse(id)) == 0, "the late tab closed");
            await AdvanceAsync(TimeSpan.FromSeconds(61));
        }
        Assert.Equal("Offline", await ShownAsync(sam, id));
        Assert.Equal(0, await db.ConnectionLeases.CountAsync(l => l.AgentId == Guid.Parse(id)));
    }

    [Fact]
    public async Task Unknown_status_values_are_refused_clearly()
    {
        var (sam, id) = await SignInAsync("sam@example.com");
        var hub = await ConnectAsync(sam, id);

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("SetStatus", "Offline"));
        Assert.Contains("Unknown status \"Offline\"", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("SetStatus", "1"));
        using var response = await sam.SendAsync(HttpMethod.Put, $"/api/agents/{id}/status", new { status = "Busy" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Use Available, Away or DoNotDisturb", (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_agent_or_a_manager_of_their_dealer_changes_their_status()
    {
        var (sam, samId) = await SignInAsync("sam@example.com");
        var (_, chrisId) = await SignInAsync("chris@example.com");
        var (manager, _) = await SignInAsync("manager@example.com");
        var (jordan, _) = await SignInAsync("jordan@example.com");
        await ConnectAsync(sam, samId);

        using var byTeammate = await jordan.SendAsync(HttpMethod.Put, $"/api/agents/{samId}/status", new { status = "Available" });
        using var byOtherDealer = await sam.SendAsync(HttpMethod.Put, $"/api/agents/{chrisId}/status", new { status = "Available" });
        using var byManager = await manager.SendAsync(HttpMethod.Put, $"/api/agents/{samId}/status", new { status = "Available" });

        Assert.Equal(HttpStatusCode.Forbidden, byTeammate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherDealer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byManager.StatusCode);
        var last = (await HistoryAsync(samId))[^1];
        Assert.Equal((ShownStatus.Available, StatusCause.Manager), (last.To, last.Cause));
        var history = await manager.GetJsonAsync<JsonElement>($"/api/agents/{samId}/status-history");
        Assert.Equal("Manager", history[0].GetProperty("cause").GetString());
    }

    [Fact]
    public async Task Missed_offers_in_a_row_set_the_agent_Away_and_say_why()
    {
        var (sam, id) = await SignInAsync("sam@example.com");
        var hub = await ConnectAsync(sam, id);
        await hub.InvokeAsync<JsonElement>("SetStatus", "Available");
        var told = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("StatusChanged", s => { if (s.GetProperty("cause").GetString() == "MissedOffers") { told.TrySetResult(s); } });

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var presence = scope.ServiceProvider.GetRequiredService<PresenceService>();
            var downtown = await scope.ServiceProvider.GetRequiredService<Showroom.Data.ShowroomDb>().Dealers
                .Where(d => d.Name == "Example Motors Downtown").Select(d => d.Id).SingleAsync();
            await presence.RecordMissedOfferAsync(Guid.Parse(id), downtown, CancellationToken.None);
            await presence.RecordMissedOfferAsync(Guid.Parse(id), downtown, CancellationToken.None);
            Assert.Equal("Available", await ShownAsync(sam, id));
            await presence.RecordMissedOfferAsync(Guid.Parse(id), downtown, CancellationToken.None);
        }

        var message = await told.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("Away", message.GetProperty("status").GetString());
        Assert.Equal("Away", await ShownAsync(sam, id));
    }

    [Fact]
    public async Task Idle_auto_away_is_off_by_default_and_on_where_the_dealer_turns_it_on()
    {
        var (sam, id) = await SignInAsync("sam@example.com");
        var (manager, _) = await SignInAsync("manager@example.com");
        var dealerId = (await sam.GetJsonAsync<JsonElement>("/api/me")).GetProperty("dealers")[0].GetProperty("id").GetString();
        var hub = await ConnectAsync(sam, id);
        await hub.InvokeAsync<JsonElement>("SetStatus", "Available");

        await AdvanceAsync(TimeSpan.FromHours(3));
        Assert.Equal("Available", await ShownAsync(sam, id));

        using var byAgent = await sam.SendAsync(HttpMethod.Put, $"/api/dealers/{dealerId}/settings/presence", new { idleAwayMinutes = 10 });
        using var byManager = await manager.SendAsync(HttpMethod.Put, $"/api/dealers/{dealerId}/settings/presence", new { idleAwayMinutes = 10 });
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byManager.StatusCode);
        await hub.InvokeAsync("Activity");
        await AdvanceAsync(TimeSpan.FromMinutes(9));
        Assert.Equal("Available", await ShownAsync(sam, id));
        await AdvanceAsync(TimeSpan.FromMinutes(2));

        var status = await sam.GetJsonAsync<JsonElement>($"/api/agents/{id}/status");
        Assert.Equal("Away", status.GetProperty("status").GetString());
        Assert.Equal("Idle", status.GetProperty("cause").GetString());
    }

    [Fact]
    public async Task A_live_tab_whose_lease_another_node_swept_takes_a_new_one()
    {
        var (sam, id) = await SignInAsync("sam@example.com");
        var tab = await ConnectAsync(sam, id);
        await tab.InvokeAsync<JsonElement>("SetStatus", "Available");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            // As if this node had stalled past its lease and another node had deleted it.
            await scope.ServiceProvider.GetRequiredService<ShowroomDb>().ConnectionLeases.ExecuteDeleteAsync();
        }

        await AdvanceAsync(TimeSpan.FromSeconds(5));
        await AdvanceAsync(TimeSpan.FromSeconds(61));

        Assert.Equal("Available", await ShownAsync(sam, id));
        await using var check = _app.Services.CreateAsyncScope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<ShowroomDb>().ConnectionLeases.CountAsync());
    }

    [Fact]
    public async Task A_connection_of_an_ended_session_is_closed_even_if_the_cluster_message_was_lost()
    {
        var (sam, id) = await SignInAsync("sam@example.com");
        var tab = await ConnectAsync(sam, id);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            // The session ends in the database, but no node hears about it.
            await scope.ServiceProvider.GetRequiredService<ShowroomDb>().AgentSessions
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, DateTimeOffset.UtcNow));
        }

        await AdvanceAsync(TimeSpan.FromSeconds(5));

        await Eventually.TrueAsync(() => tab.State == HubConnectionState.Disconnected, "the sweep closed the connection");
    }
}
