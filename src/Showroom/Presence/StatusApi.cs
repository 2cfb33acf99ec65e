using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Showroom.Agents;
using Showroom.Auth;
using Showroom.Data;
using Showroom.Dealers;

namespace Showroom.Presence;

public sealed record SetStatusRequest(string? Status);

public sealed record TeammateStatusDto(Guid Id, string DisplayName, string? HeadshotUrl, ShownStatus Status, DateTimeOffset? ChangedAt);

public sealed record StatusChangeDto(DateTimeOffset At, ShownStatus From, ShownStatus To, StatusCause Cause);

public static class StatusNames
{
    /// <summary>Only the three names an agent can choose; numbers, other casing and "Offline" are refused.</summary>
    public static bool TryParse(string? value, out AgentStatus status)
    {
        var match = Enum.GetValues<AgentStatus>().Where(s => s.ToString() == value).ToList();
        status = match.FirstOrDefault();
        return match.Count == 1;
    }
}

public static class StatusApi
{
    public static RouteGroupBuilder MapStatusApi(this RouteGroupBuilder api)
    {
        var agents = api.MapGroup("/agents/{agentId:guid}").RequireAuthorization().RequireAgentRight().WithTags("Status");
        agents.MapGet("/status", GetStatus).WithSummary("An agent's shown status (Offline when gone past the grace period).");
        agents.MapPut("/status", SetStatus).WithSummary("Sets the agent's status: the agent themselves, or a Manager of their dealer.");
        agents.MapGet("/status-history", GetHistory).WithSummary("The agent's status changes, newest first (the agent, their Managers, Admins).");
        api.MapGet("/dealers/{dealerId:guid}/team", GetTeam).RequireAuthorization().WithTags("Status")
            .WithSummary("The dealer's agents with headshot, name and status, for the team panel.");
        return agents;
    }

    static async Task<Ok<AgentStatusDto>> GetStatus(Guid agentId, PresenceService presence, CancellationToken ct)
    {
        var state = await presence.GetAsync(agentId, ct);
        return TypedResults.Ok(new AgentStatusDto(agentId, state.Shown, state.Cause, state.ChangedAt));
    }

    static async Task<Results<Ok<AgentStatusDto>, ValidationProblem>> SetStatus(
        Guid agentId, SetStatusRequest request, HttpContext http, PresenceService presence, CancellationToken ct)
    {
        if (!StatusNames.TryParse(request.Status, out var status))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["invalid"] },
                detail: $"Unknown status \"{request.Status}\". Use Available, Away or DoNotDisturb.");
        }
        var callerId = http.User.AgentId();
        await presence.SetStatusAsync(agentId, status, callerId == agentId ? StatusCause.Agent : StatusCause.Manager, callerId, ct);
        var state = await presence.GetAsync(agentId, ct);
        return TypedResults.Ok(new AgentStatusDto(agentId, state.Shown, state.Cause, state.ChangedAt));
    }

    static async Task<Results<Ok<List<StatusChangeDto>>, ForbidHttpResult>> GetHistory(
        Guid agentId, HttpContext http, ShowroomDb db, CancellationToken ct)
    {
        // A teammate may see the status, not its history.
        if (http.CallerRight() == AgentRight.View)
        {
            return TypedResults.Forbid();
        }
        var changes = await db.StatusChanges.Where(c => c.AgentId == agentId)
            .OrderByDescending(c => c.At).Take(500)
            .Select(c => new StatusChangeDto(c.At, c.From, c.To, c.Cause))
            .ToListAsync(ct);
        return TypedResults.Ok(changes);
    }

    static async Task<Results<Ok<List<TeammateStatusDto>>, NotFound>> GetTeam(Guid dealerId, HttpContext http, ShowroomDb db, CancellationToken ct)
    {
        if (!await db.VisibleDealers(http.User).AnyAsync(d => d.Id == dealerId, ct))
        {
            return TypedResults.NotFound();
        }
        var team = await db.DealerMemberships
            .Where(m => m.DealerId == dealerId)
            .Join(db.Users, m => m.AgentId, a => a.Id, (m, a) => a)
            .Where(a => a.IsActive)
            .GroupJoin(db.AgentStates, a => a.Id, s => s.AgentId, (a, states) => new { a, states })
            .SelectMany(x => x.states.DefaultIfEmpty(), (x, s) => new { x.a, s })
            .OrderBy(x => x.a.FirstName).ThenBy(x => x.a.LastName)
            .ToListAsync(ct);
        return TypedResults.Ok(team.Select(x => new TeammateStatusDto(
            x.a.Id, x.a.DisplayName,
            Profiles.ProfileApi.HeadshotUrl(x.a.Id, x.a.HeadshotVersion, Profiles.HeadshotProcessor.SmallSize),
            x.s?.Shown ?? ShownStatus.Offline, x.s?.ChangedAt)).ToList());
    }
}
