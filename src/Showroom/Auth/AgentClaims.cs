using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Showroom.Agents;

namespace Showroom.Auth;

/// <summary>The claims Showroom puts in an agent's cookie and reads back.</summary>
public static class AgentClaims
{
    public const string Role = "showroom:role";

    /// <summary>One id per sign-in, so signing out ends that browser's connections and no others.</summary>
    public const string Session = "showroom:sid";

    public static Guid AgentId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."));

    public static AgentRole AgentRole(this ClaimsPrincipal user) =>
        Enum.TryParse<AgentRole>(user.FindFirstValue(Role), out var role) ? role : Agents.AgentRole.Agent;

    public static bool IsAdmin(this ClaimsPrincipal user) => user.AgentRole() == Agents.AgentRole.Admin;

    public static string? SessionId(this ClaimsPrincipal user) => user.FindFirstValue(Session);
}

/// <summary>Adds the agent's role to the principal Identity builds.</summary>
public sealed class AgentClaimsFactory(UserManager<Agent> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Agent>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Agent user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AgentClaims.Role, user.Role.ToString()));
        return identity;
    }
}
