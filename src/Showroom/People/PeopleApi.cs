using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Showroom.Agents;
using Showroom.Audit;
using Showroom.Auth;
using Showroom.Conversations;
using Showroom.Data;
using Showroom.Dealers;
using Showroom.Email;
using Showroom.Realtime;
using Showroom.Routing;

namespace Showroom.People;

public sealed record AccessRequest(AgentRole? Role, List<Guid>? DealerIds, List<Guid>? DepartmentIds, int? ChatLimit);

public sealed record ResetLinkDto(bool Emailed, string? ResetUrl);

/// <summary>
/// Managers and Admins run their people: the dealer's list, an agent's role, dealers, departments and chat limit,
/// deactivation (sessions end at once, chats and offers go back to routing) and password-reset links.
/// Who may change whom: <see cref="AgentAccess"/> — Admins everyone; a Manager the non-Admins who share a dealer
/// with them, and only memberships in the Manager's own dealers. Nobody changes their own access.
/// </summary>
public static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        api.MapGet("/dealers/{dealerId:guid}/people", List).RequireAuthorization().RequireDealerRight(reads: DealerRight.Manage).WithTags("People")
            .WithSummary("The dealer's agents (active and deactivated) and pending invitations (Managers of the dealer and Admins).");

        var agent = api.MapGroup("/agents/{agentId:guid}").RequireAuthorization().RequireAgentRight().WithTags("People");
        agent.MapPut("/access", UpdateAccess).WithSummary("Sets an agent's role, dealers, departments and chat limit.");
        agent.MapPost("/deactivate", Deactivate).WithSummary("Deactivates an agent: sessions end at once, chats and offers go back to routing.");
        agent.MapPost("/reactivate", Reactivate).WithSummary("Lets a deactivated agent sign in again.");
        agent.MapPost("/password-reset", ResetLink).WithSummary("A one-time password-reset link for the agent, e-mailed to them (shown when no mail server is set).");
        return api;
    }

    static async Task<Ok<List<PersonDto>>> List(Guid dealerId, HttpContext http, ShowroomDb db, PeopleAdmin people, TimeProvider clock, CancellationToken ct)
    {
        var ids = await db.DealerMemberships.Where(m => m.DealerId == dealerId).Select(m => m.AgentId).ToListAsync(ct);
        var agents = await people.AgentsAsync(http.User, ids, ct);
        var now = clock.GetUtcNow();
        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.DealerIds.Contains(dealerId) && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ToListAsync(ct);
        var visible = await db.VisibleDealers(http.User).Select(d => new { d.Id, d.Name }).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var departmentIds = invitations.SelectMany(i => i.DepartmentIds).ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id))
            .Select(d => new DepartmentRef(d.Id, d.DealerId, d.Kind, d.Name)).ToDictionaryAsync(d => d.Id, ct);
        var invited = invitations.OrderBy(i => i.Email).Select(i => new PersonDto(i.Id, i.Email, i.FirstName ?? "", i.LastName ?? "",
            $"{i.FirstName} {i.LastName}".Trim() is { Length: > 0 } name ? name : i.Email, i.Role, PersonStatus.Invited,
            i.DealerIds.Where(visible.ContainsKey).Select(d => new DealerRef(d, visible[d])).ToList(),
            i.DepartmentIds.Where(d => departments.ContainsKey(d) && visible.ContainsKey(departments[d].DealerId)).Select(d => departments[d]).ToList(),
            i.ChatLimit, null, i.ExpiresAt));
        return TypedResults.Ok(agents.Concat(invited).ToList());
    }

    /// <summary>The caller may change this agent (the route's filter let them write) and it is not themselves.</summary>
    static ProblemHttpResult? RefuseSelf(HttpContext http, Guid agentId) =>
        http.User.AgentId() == agentId || http.User.AgentRole() == AgentRole.Agent
            ? TypedResults.Problem(title: "You cannot change your own access.", detail: "Ask another manager or an Admin.",
                statusCode: StatusCodes.Status403Forbidden, extensions: new Dictionary<string, object?> { ["code"] = "self" })
            : null;

    static async Task<Results<Ok<PersonDto>, ValidationProblem, NotFound, ForbidHttpResult, ProblemHttpResult>> UpdateAccess(
        Guid agentId, AccessRequest request, HttpContext http, ShowroomDb db, PeopleAdmin people, UserManager<Agent> users,
        SessionTerminator sessions, AuditLog audit, CancellationToken ct)
    {
        if (RefuseSelf(http, agentId) is { } self)
        {
            return self;
        }
        var (refusal, errors, choice) = await people.CheckAsync(http.User, request.Role, request.DealerIds, request.DepartmentIds, request.ChatLimit, ct);
        if (refusal is { } code)
        {
            return code == StatusCodes.Status404NotFound ? TypedResults.NotFound() : TypedResults.Forbid();
        }
        var managed = await people.ManagedDealerIdsAsync(http.User, ct);
        var kept = await db.DealerMemberships.Where(m => m.AgentId == agentId && !managed.Contains(m.DealerId)).Select(m => m.DealerId).ToListAsync(ct);
        if (request.Role != AgentRole.Admin && kept.Count + (request.DealerIds?.Count ?? 0) == 0)
        {
            errors["dealerIds"] = ["required"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Please check the agent's access.");
        }

        var agent = (await users.FindByIdAsync(agentId.ToString()))!;
        var before = await people.AccessSnapshotAsync(agentId, ct);
        var removed = await db.DealerMemberships.AnyAsync(m => m.AgentId == agentId && managed.Contains(m.DealerId) && !choice!.DealerIds.Contains(m.DealerId), ct);
        var roleChanged = agent.Role != choice!.Role;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Memberships in the caller's dealers are replaced; those in other dealers stay as they are.
            await db.DepartmentMemberships.Where(m => m.AgentId == agentId && managed.Contains(m.DealerId)).ExecuteDeleteAsync(ct);
            await db.DealerMemberships.Where(m => m.AgentId == agentId && managed.Contains(m.DealerId)).ExecuteDeleteAsync(ct);
            db.DealerMemberships.AddRange(choice.DealerIds.Select(d => new DealerMembership { AgentId = agentId, DealerId = d }));
            var departments = await db.Departments.Where(d => choice.DepartmentIds.Contains(d.Id)).Select(d => new { d.Id, d.DealerId }).ToListAsync(ct);
            db.DepartmentMemberships.AddRange(departments.Select(d => new DepartmentMembership { AgentId = agentId, DealerId = d.DealerId, DepartmentId = d.Id }));
            agent.Role = choice.Role;
            agent.ChatLimit = choice.ChatLimit;
            var all = kept.Concat(choice.DealerIds).ToList();
            if (agent.PrimaryDealerId is not { } primary || !all.Contains(primary))
            {
                agent.PrimaryDealerId = all.Count > 0 ? all[0] : null;
            }
            // The role is in the cookie: a new stamp makes the agent sign in again with the new rights.
            if (roleChanged || removed)
            {
                agent.SecurityStamp = Guid.NewGuid().ToString();
            }
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(http.User, "agent.updated", choice.DealerIds.FirstOrDefault() is var d && d != Guid.Empty ? d : null,
                "agent", agentId, agent.DisplayName, before, await people.AccessSnapshotAsync(agentId, ct), ct);
            await transaction.CommitAsync(ct);
        }
        if (roleChanged || removed)
        {
            await sessions.EndAsync(agentId, null, "access-changed");
        }
        return TypedResults.Ok(await people.AgentAsync(http.User, agentId, ct));
    }

    static async Task<Results<Ok<PersonDto>, ProblemHttpResult>> Deactivate(
        Guid agentId, HttpContext http, ShowroomDb db, PeopleAdmin people, SessionTerminator sessions, ConversationService conversations,
        Router router, AuditLog audit, TimeProvider clock, ILogger<PersonDto> log, CancellationToken ct)
    {
        if (RefuseSelf(http, agentId) is { } self)
        {
            return self;
        }
        var now = clock.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // One conditional write: the new stamp invalidates every cookie and paired extension on their next request.
            var changed = await db.Users.Where(a => a.Id == agentId && a.IsActive).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.IsActive, false)
                .SetProperty(a => a.SecurityStamp, Guid.NewGuid().ToString())
                .SetProperty(a => a.ConcurrencyStamp, Guid.NewGuid().ToString()), ct);
            if (changed == 1)
            {
                await db.AgentSessions.Where(s => s.AgentId == agentId && s.EndedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), ct);
                var name = await db.Users.Where(a => a.Id == agentId).Select(a => a.FirstName + " " + a.LastName).SingleAsync(ct);
                await audit.RecordAsync(http.User, "agent.deactivated", await PrimaryDealerAsync(db, agentId, ct), "agent", agentId, name,
                    new { IsActive = true }, new { IsActive = false }, ct);
            }
            await transaction.CommitAsync(ct);
        }
        // Live connections make no requests: they are closed now, on every node. Then their work goes back to routing
        // (done even when it was deactivated already, so a retry finishes what a failed call left).
        await sessions.EndAsync(agentId, null, "deactivated");
        await conversations.ReturnChatsOfAsync(agentId, ct);
        var pending = await db.ChatOffers.Where(o => o.AgentId == agentId && o.State == OfferState.Pending).Select(o => o.Id).ToListAsync(ct);
        foreach (var offer in pending)
        {
            await router.DeclineAsync(agentId, offer, ct);
        }
        log.LogInformation("Agent {AgentId} deactivated by {ManagerId}", agentId, http.User.AgentId());
        return TypedResults.Ok(await people.AgentAsync(http.User, agentId, ct));
    }

    static async Task<Results<Ok<PersonDto>, ProblemHttpResult>> Reactivate(
        Guid agentId, HttpContext http, ShowroomDb db, PeopleAdmin people, AuditLog audit, CancellationToken ct)
    {
        if (RefuseSelf(http, agentId) is { } self)
        {
            return self;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Users.Where(a => a.Id == agentId && !a.IsActive).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsActive, true), ct) == 1)
        {
            var name = await db.Users.Where(a => a.Id == agentId).Select(a => a.FirstName + " " + a.LastName).SingleAsync(ct);
            await audit.RecordAsync(http.User, "agent.reactivated", await PrimaryDealerAsync(db, agentId, ct), "agent", agentId, name,
                new { IsActive = false }, new { IsActive = true }, ct);
        }
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(await people.AgentAsync(http.User, agentId, ct));
    }

    static async Task<Results<Ok<ResetLinkDto>, ProblemHttpResult>> ResetLink(
        Guid agentId, HttpContext http, UserManager<Agent> users, IEmailSender mail, AuditLog audit, ShowroomDb db,
        Microsoft.Extensions.Options.IOptions<PeopleOptions> options, ILogger<PersonDto> log, CancellationToken ct)
    {
        if (http.User.AgentRole() == AgentRole.Agent)
        {
            return TypedResults.Problem(title: "Only managers make reset links.", statusCode: StatusCodes.Status403Forbidden,
                extensions: new Dictionary<string, object?> { ["code"] = "not_allowed" });
        }
        var agent = (await users.FindByIdAsync(agentId.ToString()))!;
        var link = await PasswordResetApi.LinkAsync(http, users, agent);
        var emailed = false;
        if (mail.IsConfigured)
        {
            emailed = await PasswordResetApi.TrySendAsync(mail, agent, link, options.Value.ResetValidFor, log, ct);
        }
        await audit.RecordAsync(http.User, "agent.password_reset_link", await PrimaryDealerAsync(db, agentId, ct), "agent", agentId, agent.DisplayName,
            null, new { Emailed = emailed }, ct);
        return TypedResults.Ok(new ResetLinkDto(emailed, mail.IsConfigured ? null : link));
    }

    static Task<Guid?> PrimaryDealerAsync(ShowroomDb db, Guid agentId, CancellationToken ct) =>
        db.Users.Where(a => a.Id == agentId).Select(a => a.PrimaryDealerId).SingleAsync(ct);
}
