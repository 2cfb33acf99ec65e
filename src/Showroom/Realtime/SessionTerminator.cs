using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Showroom.Realtime;

/// <summary>
/// Ends an agent's live connections on every node: one sign-in session's (sign-out), or all of them
/// (password change, deactivation). The cookie is already invalid by then; this closes the sockets
/// that were authenticated before it changed.
/// </summary>
public sealed class SessionTerminator(
    IClusterBus bus,
    AgentConnections connections,
    IHubContext<AgentHub, IAgentClient> hub,
    ILogger<SessionTerminator> log) : IHostedService
{
    const string Channel = "sessions.end";

    sealed record SessionEnd(Guid AgentId, string? SessionId, string Reason);

    public Task EndAsync(Guid agentId, string? session, string reason) =>
        bus.PublishAsync(Channel, JsonSerializer.Serialize(new SessionEnd(agentId, session, reason)));

    public Task StartAsync(CancellationToken cancellationToken) => bus.SubscribeAsync(Channel, OnSessionEndAsync);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    async Task OnSessionEndAsync(string message)
    {
        var end = JsonSerializer.Deserialize<SessionEnd>(message);
        if (end is null)
        {
            return;
        }
        foreach (var (connectionId, context) in connections.Matching(end.AgentId, end.SessionId))
        {
            // Tell the client why, so it goes to the sign-in page instead of reconnecting; it closes the
            // connection itself. Aborting at once would drop the message unsent, so the server closes it
            // a moment later. (Real time on purpose: this is the network's flush time, not a rule.)
            if (!connections.TryMarkClosing(connectionId))
            {
                continue;
            }
            await CloseAsync(hub.Clients.Client(connectionId), context, end.Reason);
            log.LogInformation("Closing connection {ConnectionId} of agent {AgentId}: {Reason}", connectionId, end.AgentId, end.Reason);
        }
    }

    /// <summary>Tells one connection its session ended, then closes it a moment later.</summary>
    public static async Task CloseAsync(IAgentClient client, HubCallerContext context, string reason)
    {
        await client.SessionEnded(reason);
        _ = AbortSoonAsync(context);
    }

    static async Task AbortSoonAsync(HubCallerContext context)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System);
        context.Abort();
    }
}
