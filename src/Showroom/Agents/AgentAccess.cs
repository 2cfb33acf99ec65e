using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Showroom.Auth;
using Showroom.Data;

namespace Showroom.Agents;

public enum AgentRight
{
    /// <summary>The agent is not visible to the caller: answer 404.</summary>
    None,

    /// <summary>A teammate: may be seen, not edited.</summary>
    View,

    /// <summary>A Manager of a shared dealer: names, locale, time zone, headshot; not e-mail or password.</summary>
    ManageProfile,

    /// <summary>The agent themselves, or an Admin.</summary>
    Full,
}

public static class AgentAccess
{
    public static async Task<AgentRight> RightOverAsync(this ShowroomDb db, ClaimsPrincipal user, Guid agentId, CancellationToken ct)
    {
        var callerId = user.AgentId();
        if (callerId == agentId)
        {
            return AgentRight.Full;
        }
        if (!await db.Users.AnyAsync(a => a.Id == agentId, ct))
        {
            return AgentRight.None;
        }
        if (user.IsAdmin())
        {
            return AgentRight.Full;
        }
        var sharesDealer = await db.DealerMemberships.AnyAsync(
            mine => mine.AgentId == callerId
                && db.DealerMemberships.Any(theirs => theirs.AgentId == agentId && theirs.DealerId == mine.DealerId), ct);
        if (!sharesDealer)
        {
            return AgentRight.None;
        }
        // A Manager manages agents of their dealers, but never an Admin's account.
        var targetIsAdmin = await db.Users.AnyAsync(a => a.Id == agentId && a.Role == AgentRole.Admin, ct);
        return user.AgentRole() == AgentRole.Manager && !targetIsAdmin ? AgentRight.ManageProfile : AgentRight.View;
    }
}

public static class AgentRightFilter
{
    /// <summary>
    /// For a route group with {agentId}: reads are for anyone who may see the agent, writes for those who
    /// may manage them; everyone else gets 404 (not visible) or 403 (a teammate). Handlers read the
    /// caller's right with <see cref="CallerRight"/>.
    /// </summary>
    public static RouteGroupBuilder RequireAgentRight(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!Guid.TryParse(http.Request.RouteValues["agentId"]?.ToString(), out var agentId))
            {
                return TypedResults.NotFound();
            }
            var db = http.RequestServices.GetRequiredService<ShowroomDb>();
            var right = await db.RightOverAsync(http.User, agentId, http.RequestAborted);
            if (right == AgentRight.None)
            {
                return TypedResults.NotFound();
            }
            if (!HttpMethods.IsGet(http.Request.Method) && right == AgentRight.View)
            {
                return TypedResults.Forbid();
            }
            http.Items[typeof(AgentRight)] = right;
            return await next(context);
        });
        return group;
    }

    public static AgentRight CallerRight(this HttpContext http) =>
        http.Items[typeof(AgentRight)] is AgentRight right ? right : throw new InvalidOperationException("RequireAgentRight is missing on this route group.");
}
