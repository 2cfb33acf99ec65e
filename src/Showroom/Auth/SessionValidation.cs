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

    /// <summary>The agent is active, their stamp unchanged and this sign-in session (or paired extension) not ended.</summary>
    public static async Task<bool> IsActiveAsync(ShowroomDb db, ClaimsPrincipal principal, CancellationToken ct)
    {
        var stamp = principal.FindFirstValue(StampClaimType);
        var session = principal.SessionId();
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var agentId) || stamp is null || session is null)
        {
            return false;
        }
        return (await LiveSessionsAsync(db, [session], ct)).TryGetValue(session, out var live) && live.AgentId == agentId && live.Stamp == stamp;
    }

    /// <summary>
    /// Of the given session ids, those still live (a console sign-in not ended, or a paired extension not revoked,
    /// of an active agent), with their agent and the agent's current security stamp.
    /// </summary>
    public static async Task<Dictionary<string, (Guid AgentId, string? Stamp)>> LiveSessionsAsync(
        ShowroomDb db, IReadOnlyCollection<string> sessionIds, CancellationToken ct)
    {
        var devices = new List<Guid>();
        foreach (var id in sessionIds)
        {
            if (Notifications.ExtensionTokens.TryParseSession(id, out var device))
            {
                devices.Add(device);
            }
        }
        var live = (await db.AgentSessions
            .Where(s => sessionIds.Contains(s.Id) && s.EndedAt == null)
            .Join(db.Users.Where(a => a.IsActive), s => s.AgentId, a => a.Id, (s, a) => new { SessionId = s.Id, AgentId = a.Id, a.SecurityStamp })
            .ToListAsync(ct))
            .ToDictionary(s => s.SessionId, s => (s.AgentId, s.SecurityStamp));
        if (devices.Count > 0)
        {
            // A device is live with the stamp it was paired under: a password change ends it like any sign-in.
            var paired = await db.ExtensionDevices
                .Where(d => devices.Contains(d.Id) && d.RevokedAt == null)
                .Join(db.Users.Where(a => a.IsActive), d => d.AgentId, a => a.Id, (d, a) => new { d.Id, AgentId = a.Id, d.AgentStamp, a.SecurityStamp })
                .ToListAsync(ct);
            foreach (var device in paired.Where(d => d.AgentStamp == d.SecurityStamp))
            {
                live[Notifications.ExtensionTokens.SessionId(device.Id)] = (device.AgentId, device.SecurityStamp);
            }
        }
        return live;
    }

    static string StampClaimType => new IdentityOptions().ClaimsIdentity.SecurityStampClaimType;

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
