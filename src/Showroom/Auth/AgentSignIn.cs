using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Showroom.Agents;
using Showroom.Data;

namespace Showroom.Auth;

public static class AgentSignIn
{
    /// <summary>
    /// Signs in an agent who just proved who they are some other way (first-run setup, an accepted invitation):
    /// a new server-side session, the cookie naming it, and the body sign-in answers with.
    /// </summary>
    public static async Task<MeResponse> StartSessionAsync(Agent agent, SignInManager<Agent> signIn, ShowroomDb db, TimeProvider clock, CancellationToken ct)
    {
        agent.LastSignInAt = clock.GetUtcNow();
        var session = new AgentSession { Id = Guid.NewGuid().ToString("N"), AgentId = agent.Id, CreatedAt = clock.GetUtcNow() };
        db.AgentSessions.Add(session);
        await db.SaveChangesAsync(ct);
        await signIn.SignInWithClaimsAsync(agent, isPersistent: true, [new Claim(AgentClaims.Session, session.Id)]);
        return (await AgentsApi.LoadMeAsync(db, agent.Id, ct))!;
    }
}
