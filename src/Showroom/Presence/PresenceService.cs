using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Showroom.Data;
using Showroom.Realtime;
using Showroom.Routing;

namespace Showroom.Presence;

public sealed record AgentStatusDto(Guid AgentId, ShownStatus Status, StatusCause Cause, DateTimeOffset ChangedAt);

/// <summary>This process's id in the cluster; its connection leases carry it.</summary>
public sealed class NodeIdentity
{
    public string NodeId { get; } = $"{Environment.ProcessId}-{Guid.NewGuid():N}";
}

/// <summary>
/// Status and presence, kept in the database so that every node sees the same thing. Each change is
/// a conditional write; only the writer that actually changed the row records history and tells clients.
/// </summary>
public sealed class PresenceService(
    ShowroomDb db,
    TimeProvider clock,
    NodeIdentity node,
    IOptions<PresenceOptions> options,
    IHubContext<AgentHub, IAgentClient> hub,
    RoutingWake wake)
{
    public async Task<AgentState> GetAsync(Guid agentId, CancellationToken ct)
    {
        await EnsureStateAsync(agentId, ct);
        return await db.AgentStates.AsNoTracking().SingleAsync(s => s.AgentId == agentId, ct);
    }

    public Task<bool> HasLiveConnectionAsync(Guid agentId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.ConnectionLeases.AnyAsync(l => l.AgentId == agentId && l.ExpiresAt > now, ct);
    }

    /// <summary>A new connection: take a lease; an agent coming back from Offline returns as Away.</summary>
    public async Task ConnectedAsync(Guid agentId, string connectionId, CancellationToken ct)
    {
        await EnsureStateAsync(agentId, ct);
        var now = clock.GetUtcNow();
        db.ConnectionLeases.Add(new ConnectionLease { ConnectionId = connectionId, AgentId = agentId, NodeId = node.NodeId, ExpiresAt = now + options.Value.LeaseDuration });
        await db.SaveChangesAsync(ct);

        // A new tab is activity, and ends a grace period that had started.
        await db.AgentStates.Where(s => s.AgentId == agentId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConnectionLostAt, (DateTimeOffset?)null).SetProperty(x => x.LastActivityAt, now), ct);
        // Returning after Offline: Away, so no chat is offered before the agent says they are ready.
        var returned = await db.AgentStates.Where(s => s.AgentId == agentId && !s.IsOnline)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.IsOnline, true)
                .SetProperty(x => x.Status, AgentStatus.Away)
                .SetProperty(x => x.ChangedAt, now)
                .SetProperty(x => x.Cause, StatusCause.Return)
                .SetProperty(x => x.LastActivityAt, now), ct);
        if (returned == 1)
        {
            await RecordAsync(agentId, ShownStatus.Offline, ShownStatus.Away, StatusCause.Return, changedBy: null, now, ct);
        }
        // A live connection may make the agent eligible again (an Available agent back inside the grace period).
        await WakeRoutingAsync(agentId, ct);
    }

    /// <summary>A connection closed: drop its lease; with none left, the grace period starts.</summary>
    public async Task DisconnectedAsync(Guid agentId, string connectionId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.ConnectionLeases.Where(l => l.ConnectionId == connectionId).ExecuteDeleteAsync(ct);
        await db.AgentStates
            .Where(s => s.AgentId == agentId && s.ConnectionLostAt == null
                && !db.ConnectionLeases.Any(l => l.AgentId == agentId && l.ExpiresAt > now))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConnectionLostAt, now), ct);
    }

    /// <summary>Sets the chosen status. Returns false when it already was that status.</summary>
    public async Task<bool> SetStatusAsync(Guid agentId, AgentStatus status, StatusCause cause, Guid? changedBy, CancellationToken ct)
    {
        await EnsureStateAsync(agentId, ct);
        var before = await db.AgentStates.AsNoTracking().SingleAsync(s => s.AgentId == agentId, ct);
        var now = clock.GetUtcNow();
        // Conditional on what was read: two changes at once give one winner each step, never a lost history row.
        var changed = await db.AgentStates
            .Where(s => s.AgentId == agentId && s.Status == before.Status && s.IsOnline == before.IsOnline && s.Status != status)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, status)
                .SetProperty(x => x.ChangedAt, now)
                .SetProperty(x => x.Cause, cause)
                .SetProperty(x => x.ConsecutiveMissedOffers, 0)
                .SetProperty(x => x.LastActivityAt, x => cause == StatusCause.Agent ? now : x.LastActivityAt), ct);
        if (changed == 0)
        {
            return false;
        }
        var to = before.IsOnline ? (ShownStatus)status : ShownStatus.Offline;
        if (to != before.Shown)
        {
            await RecordAsync(agentId, before.Shown, to, cause, changedBy, now, ct);
        }
        return true;
    }

    /// <summary>
    /// Idle auto-away: conditional on the agent still being Available and still idle, so a click or an
    /// Activity() that lands meanwhile wins.
    /// </summary>
    public async Task SetIdleAwayAsync(Guid agentId, DateTimeOffset idleSince, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var changed = await db.AgentStates
            .Where(s => s.AgentId == agentId && s.IsOnline && s.Status == AgentStatus.Available && s.LastActivityAt <= idleSince)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, AgentStatus.Away).SetProperty(x => x.ChangedAt, now).SetProperty(x => x.Cause, StatusCause.Idle), ct);
        if (changed == 1)
        {
            await RecordAsync(agentId, ShownStatus.Available, ShownStatus.Away, StatusCause.Idle, changedBy: null, now, ct);
        }
    }

    /// <summary>An offer of a dealer's chat timed out on this agent; after the dealer's number in a row they are set Away.</summary>
    public async Task RecordMissedOfferAsync(Guid agentId, Guid dealerId, CancellationToken ct)
    {
        await EnsureStateAsync(agentId, ct);
        await db.AgentStates.Where(s => s.AgentId == agentId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsecutiveMissedOffers, x => x.ConsecutiveMissedOffers + 1), ct);
        var limit = await db.Dealers.Where(d => d.Id == dealerId).Select(d => d.MissedOffersBeforeAway).SingleOrDefaultAsync(ct);
        var state = await db.AgentStates.AsNoTracking().SingleAsync(s => s.AgentId == agentId, ct);
        if (limit > 0 && state.ConsecutiveMissedOffers >= limit && state.Status == AgentStatus.Available)
        {
            await SetStatusAsync(agentId, AgentStatus.Away, StatusCause.MissedOffers, changedBy: null, ct);
        }
    }

    /// <summary>The agent did something (typed, clicked): idle auto-away counts from here.</summary>
    public Task RecordActivityAsync(Guid agentId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.AgentStates.Where(s => s.AgentId == agentId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastActivityAt, now), ct);
    }

    internal async Task RecordAsync(Guid agentId, ShownStatus from, ShownStatus to, StatusCause cause, Guid? changedBy, DateTimeOffset at, CancellationToken ct)
    {
        db.StatusChanges.Add(new StatusChange { AgentId = agentId, At = at, From = from, To = to, Cause = cause, ChangedBy = changedBy });
        await db.SaveChangesAsync(ct);
        var message = new AgentStatusDto(agentId, to, cause, at);
        var dealerIds = await db.DealerMemberships.Where(m => m.AgentId == agentId).Select(m => m.DealerId).ToListAsync(ct);
        // The agent's own tabs and extension, and the team panels of their dealers.
        await hub.Clients.Groups([AgentHub.AgentGroup(agentId), .. dealerIds.Select(AgentHub.DealerGroup)]).StatusChanged(message);
        wake.Dealers(dealerIds);
    }

    async Task WakeRoutingAsync(Guid agentId, CancellationToken ct) =>
        wake.Dealers(await db.DealerMemberships.Where(m => m.AgentId == agentId).Select(m => m.DealerId).ToListAsync(ct));

    /// <summary>Agents get their row when created; this covers one created without it.</summary>
    async Task EnsureStateAsync(Guid agentId, CancellationToken ct)
    {
        if (await db.AgentStates.AnyAsync(s => s.AgentId == agentId, ct))
        {
            return;
        }
        db.AgentStates.Add(new AgentState { AgentId = agentId, Status = AgentStatus.Away, IsOnline = false, ChangedAt = clock.GetUtcNow(), Cause = StatusCause.Return });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another connection (or node) created it first: fine, it exists.
            db.ChangeTracker.Clear();
        }
    }
}
