using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Showroom.Realtime;

/// <summary>
/// This node's live agent connections. It decides nothing on its own: it is how a node finds the
/// connections it must close when a session ends somewhere in the cluster.
/// </summary>
public sealed class AgentConnections
{
    public sealed record Entry(HubCallerContext Context, Guid AgentId, string? SessionId);

    readonly ConcurrentDictionary<string, Entry> _byConnection = new();
    readonly ConcurrentDictionary<string, byte> _closing = new();

    /// <summary>True the first time only: a connection being closed is told why once, not by every path that finds it.</summary>
    public bool TryMarkClosing(string connectionId) => _closing.TryAdd(connectionId, 0);

    public void Add(HubCallerContext context, Guid agentId, string? sessionId) =>
        _byConnection[context.ConnectionId] = new Entry(context, agentId, sessionId);

    public void Remove(string connectionId)
    {
        _byConnection.TryRemove(connectionId, out _);
        _closing.TryRemove(connectionId, out _);
    }

    public IReadOnlyList<string> ConnectionIds() => [.. _byConnection.Keys];

    /// <summary>Every live connection of this node, with its agent and sign-in session.</summary>
    public IReadOnlyList<(string ConnectionId, Entry Entry)> Snapshot() => [.. _byConnection.Select(e => (e.Key, e.Value))];

    public int CountFor(Guid agentId) => _byConnection.Values.Count(e => e.AgentId == agentId);

    /// <summary>The local connections of the agent, of one session only when <paramref name="sessionId"/> is given.</summary>
    public IReadOnlyList<(string ConnectionId, HubCallerContext Context)> Matching(Guid agentId, string? sessionId) =>
        _byConnection
            .Where(e => e.Value.AgentId == agentId && (sessionId is null || e.Value.SessionId == sessionId))
            .Select(e => (e.Key, e.Value.Context))
            .ToList();
}
