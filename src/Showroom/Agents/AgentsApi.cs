using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Showroom.Auth;
using Showroom.Data;

namespace Showroom.Agents;

public sealed record DealerRef(Guid Id, string Name);

public sealed record MeResponse(
    Guid Id,
    string Email,
    string FirstName,
    string LastName,
    string DisplayName,
    AgentRole Role,
    string Locale,
    string TimeZone,
    DateTimeOffset? LastSignInAt,
    string? HeadshotUrl,
    IReadOnlyList<DealerRef> Dealers);

public static class AgentsApi
{
    public static RouteGroupBuilder MapAgentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/me").RequireAuthorization().WithTags("Agents");
        group.MapGet("/", GetMe).WithSummary("The signed-in agent, with the dealers they work for.");
        return group;
    }

    static async Task<Results<Ok<MeResponse>, NotFound>> GetMe(HttpContext http, ShowroomDb db, CancellationToken ct)
    {
        var me = await LoadMeAsync(db, http.User.AgentId(), ct);
        return me is null ? TypedResults.NotFound() : TypedResults.Ok(me);
    }

    public static async Task<MeResponse?> LoadMeAsync(ShowroomDb db, Guid agentId, CancellationToken ct)
    {
        var agent = await db.Users.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agentId, ct);
        if (agent is null)
        {
            return null;
        }
        var dealers = await db.DealerMemberships
            .Where(m => m.AgentId == agentId)
            .Join(db.Dealers, m => m.DealerId, d => d.Id, (m, d) => d)
            .OrderBy(d => d.Name)
            .Select(d => new DealerRef(d.Id, d.Name))
            .ToListAsync(ct);
        return new MeResponse(agent.Id, agent.Email ?? "", agent.FirstName, agent.LastName, agent.DisplayName,
            agent.Role, agent.Locale, agent.TimeZone, agent.LastSignInAt,
            Profiles.ProfileApi.HeadshotUrl(agent.Id, agent.HeadshotVersion, Profiles.HeadshotProcessor.SmallSize), dealers);
    }
}
