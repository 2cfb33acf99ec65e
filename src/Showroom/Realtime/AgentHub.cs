using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Showroom.Auth;
using Showroom.Data;

namespace Showroom.Realtime;

/// <summary>
/// The agents' hub: thin on purpose. Rules live in services; this class only joins a connection to the
/// groups it may hear and keeps the node's registry of live connections up to date.
/// </summary>
[Authorize]
public sealed class AgentHub(ShowroomDb db, AgentConnections connections) : Hub<IAgentClient>
{
    public const string Path = "/hubs/agent";

    public static string AgentGroup(Guid agentId) => $"agent:{agentId:N}";

    public static string DealerGroup(Guid dealerId) => $"dealer:{dealerId:N}";

    public override async Task OnConnectedAsync()
    {
        var agentId = Context.User!.AgentId();
        var active = await db.Users.AnyAsync(a => a.Id == agentId && a.IsActive, Context.ConnectionAborted);
        if (!active)
        {
            Context.Abort();
            return;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, AgentGroup(agentId), Context.ConnectionAborted);
        var dealerIds = await db.DealerMemberships.Where(m => m.AgentId == agentId).Select(m => m.DealerId).ToListAsync(Context.ConnectionAborted);
        foreach (var dealerId in dealerIds)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, DealerGroup(dealerId), Context.ConnectionAborted);
        }
        // Registered last: a registered connection is in all its groups.
        connections.Add(Context, agentId, Context.User!.SessionId());
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return Task.CompletedTask;
    }
}
