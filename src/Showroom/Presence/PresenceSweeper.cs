using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Showroom.Auth;
using Showroom.Conversations;
using Showroom.Data;
using Showroom.Realtime;

namespace Showroom.Presence;

/// <summary>
/// Runs on every node: renews this node's connection leases, drops expired ones, and turns agents
/// Offline once they have had no live connection for the grace period. Every step is a conditional
/// statement, so several nodes sweeping at once do each change exactly once.
/// </summary>
public sealed class PresenceSweeper(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    NodeIdentity node,
    AgentConnections connections,
    Microsoft.AspNetCore.SignalR.IHubContext<AgentHub, IAgentClient> hub,
    IOptions<PresenceOptions> options,
    ILogger<PresenceSweeper> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Presence sweep failed; the next one retries");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        var presence = scope.ServiceProvider.GetRequiredService<PresenceService>();
        var now = clock.GetUtcNow();
        var lease = options.Value.LeaseDuration;

        // Only leases of sockets this node really holds are renewed: a lease left by a connection that
        // failed half-way through opening expires instead of keeping a ghost online. A held socket whose
        // lease is gone (this node stalled past the lease and another node swept it) takes a new one.
        var held = connections.Snapshot();
        foreach (var chunk in held.Chunk(500))
        {
            var ids = chunk.Select(c => c.ConnectionId).ToList();
            await db.ConnectionLeases.Where(l => l.NodeId == node.NodeId && ids.Contains(l.ConnectionId))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, now + lease), ct);
            var leased = await db.ConnectionLeases.Where(l => ids.Contains(l.ConnectionId)).Select(l => l.ConnectionId).ToListAsync(ct);
            foreach (var (connectionId, entry) in chunk.Where(c => !leased.Contains(c.ConnectionId)))
            {
                await presence.ConnectedAsync(entry.AgentId, connectionId, ct);
            }
        }
        await CloseEndedSessionsAsync(db, held, ct);

        await db.ConnectionLeases.Where(l => l.ExpiresAt <= now).ExecuteDeleteAsync(ct);

        // Agents whose node died never had a disconnect: their grace starts when their leases are gone.
        await db.AgentStates
            .Where(s => s.IsOnline && s.ConnectionLostAt == null && !db.ConnectionLeases.Any(l => l.AgentId == s.AgentId))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConnectionLostAt, now), ct);
        // A reconnect raced with a disconnect elsewhere: a live lease means not lost.
        await db.AgentStates
            .Where(s => s.ConnectionLostAt != null && db.ConnectionLeases.Any(l => l.AgentId == s.AgentId))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConnectionLostAt, (DateTimeOffset?)null), ct);

        await SetIdleAgentsAwayAsync(db, presence, now, ct);

        var cutoff = now - options.Value.GracePeriod;
        var gone = await db.AgentStates.AsNoTracking()
            .Where(s => s.IsOnline && s.ConnectionLostAt != null && s.ConnectionLostAt <= cutoff)
            .Select(s => new { s.AgentId, s.Status })
            .ToListAsync(ct);
        foreach (var agent in gone)
        {
            var changed = await db.AgentStates
                .Where(s => s.AgentId == agent.AgentId && s.Status == agent.Status && s.IsOnline && s.ConnectionLostAt != null && s.ConnectionLostAt <= cutoff
                    && !db.ConnectionLeases.Any(l => l.AgentId == s.AgentId))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsOnline, false).SetProperty(x => x.ChangedAt, now).SetProperty(x => x.Cause, StatusCause.Disconnect), ct);
            if (changed == 1)
            {
                await presence.RecordAsync(agent.AgentId, (ShownStatus)agent.Status, ShownStatus.Offline, StatusCause.Disconnect, changedBy: null, now, ct);
                await scope.ServiceProvider.GetRequiredService<ConversationService>().ReturnChatsOfAsync(agent.AgentId, ct);
            }
        }
    }

    /// <summary>Idle auto-away, where the agent's primary dealer turned it on.</summary>
    static async Task SetIdleAgentsAwayAsync(ShowroomDb db, PresenceService presence, DateTimeOffset now, CancellationToken ct)
    {
        var candidates = await db.AgentStates.AsNoTracking()
            .Where(s => s.IsOnline && s.Status == AgentStatus.Available && s.LastActivityAt != null)
            .Join(db.Users, s => s.AgentId, a => a.Id, (s, a) => new { s.AgentId, s.LastActivityAt, a.PrimaryDealerId })
            .Join(db.Dealers.Where(d => d.IdleAwayMinutes != null), x => x.PrimaryDealerId, d => d.Id, (x, d) => new { x.AgentId, x.LastActivityAt, d.IdleAwayMinutes })
            .ToListAsync(ct);
        foreach (var idle in candidates.Where(c => c.LastActivityAt <= now - TimeSpan.FromMinutes(c.IdleAwayMinutes!.Value)))
        {
            await presence.SetIdleAwayAsync(idle.AgentId, now - TimeSpan.FromMinutes(idle.IdleAwayMinutes!.Value), ct);
        }
    }

    /// <summary>
    /// Closes this node's connections whose sign-in ended (signed out, password changed, deactivated)
    /// even if the cluster message that should have closed them was lost: one query per sweep.
    /// </summary>
    async Task CloseEndedSessionsAsync(ShowroomDb db, IReadOnlyList<(string ConnectionId, AgentConnections.Entry Entry)> held, CancellationToken ct)
    {
        if (held.Count == 0)
        {
            return;
        }
        var sessionIds = held.Select(h => h.Entry.SessionId).OfType<string>().Distinct().ToList();
        var stampType = new Microsoft.AspNetCore.Identity.IdentityOptions().ClaimsIdentity.SecurityStampClaimType;
        var live = await SessionValidation.LiveSessionsAsync(db, sessionIds, ct);
        foreach (var (connectionId, entry) in held)
        {
            var stamp = entry.Context.User?.FindFirst(stampType)?.Value;
            if ((entry.SessionId is null || !live.TryGetValue(entry.SessionId, out var current) || current.Stamp != stamp)
                && connections.TryMarkClosing(connectionId))
            {
                log.LogInformation("Closing connection {ConnectionId} of agent {AgentId}: its session has ended", connectionId, entry.AgentId);
                // A paired extension whose token no longer works hears the same reason whichever path closes it first.
                var reason = Notifications.ExtensionTokens.TryParseSession(entry.SessionId, out _) ? "device-revoked" : "session-ended";
                await SessionTerminator.CloseAsync(hub.Clients.Client(connectionId), entry.Context, reason);
            }
        }
    }
}
