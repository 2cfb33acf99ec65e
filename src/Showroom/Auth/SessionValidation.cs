using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Showroom.Agents;
using Showroom.Data;

namespace Showroom.Auth;

/// <summary>
/// Checks every cookie against the agent's row: a renewed security stamp (password or e-mail changed)
/// or a deactivated account ends the session at once, on every node. Identity's own validator would
/// re-issue the cookie on every request (and mark every response uncacheable); this one only reads.
/// </summary>
public static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stampClaimType = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal?.FindFirstValue(stampClaimType);
        if (id is null || stamp is null || !Guid.TryParse(id, out var agentId))
        {
            await RejectAsync(context);
            return;
        }
        var db = context.HttpContext.RequestServices.GetRequiredService<ShowroomDb>();
        var valid = await db.Users.AnyAsync(a => a.Id == agentId && a.IsActive && a.SecurityStamp == stamp, context.HttpContext.RequestAborted);
        if (!valid)
        {
            await RejectAsync(context);
        }
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
