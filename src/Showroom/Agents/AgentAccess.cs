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
