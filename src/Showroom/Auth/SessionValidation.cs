using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Showroom.Agents;
using Showroom.Data;

namespace Showroom.Auth;

/// <summary>
/// Checks every cookie against the agent's row: a renewed security stamp (password or e-mail changed)
/// a deactivated account or a signed-out session ends at once, on every node. Identity's own validator would
/// re-issue the cookie on every request (and mark every response uncacheable); this one only reads.
/// </summary>
public static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal is null)
        {
            await RejectAsync(context);
            return;
        }
        var db = context.HttpContext.RequestServices.GetRequiredService<ShowroomDb>();
        if (!await IsActiveAsync(db, principal!, context.HttpContext.RequestAborted))
        {
            await RejectAsync(context);
        }
    }

    /// <summary>The agent is active, their stamp unchanged and this sign-in session not ended.</summary>
    public static async Task<bool> IsActiveAsync(ShowroomDb db, ClaimsPrincipal principal, CancellationToken ct)
    {
        var stampClaimType = new IdentityOptions().ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal.FindFirstValue(stampClaimType);
        var session = principal.SessionId();
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var agentId) || stamp is null || session is null)
        {
            return false;
        }
        return await db.Users.AnyAsync(a => a.Id == agentId && a.IsActive && a.SecurityStamp == stamp
            && db.AgentSessions.Any(s => s.Id == session && s.AgentId == agentId && s.EndedAt == null), ct);
    }

    static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.RequestServices.GetRequiredService<SignInManager<Agent>>().SignOutAsync();
    }

    /// <summary>Issues a fresh cookie for this browser after the stamp changed, keeping its session id.</summary>
    public static Task ReissueAsync(SignInManager<Agent> signIn, Agent agent, ClaimsPrincipal current) =>
        signIn.SignInWithClaimsAsync(agent, isPersistent: true,
            current.FindFirst(AgentClaims.Session) is { } session ? [new Claim(AgentClaims.Session, session.Value)] : []);
}
