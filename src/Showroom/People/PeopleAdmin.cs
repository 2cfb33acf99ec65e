using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Showroom.Agents;
using Showroom.Auth;
using Showroom.Data;
using Showroom.Dealers;

namespace Showroom.People;

public enum PersonStatus
{
    Active,
    Deactivated,
    Invited,
}

public sealed record DepartmentRef(Guid Id, Guid DealerId, DepartmentKind Kind, string Name);

/// <summary>An agent, or (status Invited) a pending invitation, whose <see cref="Id"/> is then the invitation's.</summary>
public sealed record PersonDto(
    Guid Id, string Email, string FirstName, string LastName, string DisplayName, AgentRole Role, PersonStatus Status,
    IReadOnlyList<DealerRef> Dealers, IReadOnlyList<DepartmentRef> Departments, int? ChatLimit,
    DateTimeOffset? LastSignInAt, DateTimeOffset? InvitationExpiresAt);

/// <summary>What a form asks for an agent: role, dealers, departments, chat limit (an invitation or an edit).</summary>
public sealed record AccessChoice(AgentRole Role, List<Guid> DealerIds, List<Guid> DepartmentIds, int? ChatLimit);

/// <summary>
/// The rules of managing people, shared by invitations and edits. A Manager gives only the roles Agent and
/// Manager, and only memberships in dealers they manage; an Admin gives anything.
/// </summary>
public sealed class PeopleAdmin(ShowroomDb db)
{
    /// <summary>
    /// Checks a role/dealers/departments/limit choice. Refusal is 404 (a dealer the caller cannot see) or 403
    /// (one they see but do not manage); errors are field codes.
    /// </summary>
    public async Task<(int? Refusal, Dictionary<string, string[]> Errors, AccessChoice? Choice)> CheckAsync(
        ClaimsPrincipal caller, AgentRole? role, List<Guid>? dealerIds, List<Guid>? departmentIds, int? chatLimit, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var dealers = (dealerIds ?? []).Distinct().ToList();
        foreach (var dealerId in dealers)
        {
            var right = await db.DealerRightAsync(caller, dealerId, ct);
            if (right == DealerRight.None)
            {
                return (StatusCodes.Status404NotFound, errors, null);
            }
            if (right < DealerRight.Manage)
            {
                return (StatusCodes.Status403Forbidden, errors, null);
            }
        }
        if (role is not { } chosen || !Enum.IsDefined(chosen))
        {
            errors["role"] = ["invalid"];
        }
        else if (chosen == AgentRole.Admin && !caller.IsAdmin())
        {
            errors["role"] = ["not_allowed"];
        }
        var departments = (departmentIds ?? []).Distinct().ToList();
        if (departments.Count > 0 && await db.Departments.CountAsync(d => departments.Contains(d.Id) && dealers.Contains(d.DealerId), ct) != departments.Count)
        {
            errors["departmentIds"] = ["invalid"];
        }
        PersonInput.ChatLimit(chatLimit, errors);
        return (null, errors, errors.Count > 0 ? null : new AccessChoice(role!.Value, dealers, departments, chatLimit));
    }

    /// <summary>The dealers whose memberships the caller changes: all for Admins, their own for Managers.</summary>
    public async Task<List<Guid>> ManagedDealerIdsAsync(ClaimsPrincipal caller, CancellationToken ct) =>
        caller.AgentRole() == AgentRole.Agent ? [] : await db.VisibleDealers(caller).Select(d => d.Id).ToListAsync(ct);

    /// <summary>The agents as the caller sees them: only dealers and departments the caller may see are listed.</summary>
    public async Task<List<PersonDto>> AgentsAsync(ClaimsPrincipal caller, IReadOnlyCollection<Guid> agentIds, CancellationToken ct)
    {
        var visible = await db.VisibleDealers(caller).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        var visibleIds = visible.Select(d => d.Id).ToList();
        var names = visible.ToDictionary(d => d.Id, d => d.Name);
        var agents = await db.Users.AsNoTracking().Where(a => agentIds.Contains(a.Id)).ToListAsync(ct);
        var dealers = (await db.DealerMemberships.AsNoTracking()
            .Where(m => agentIds.Contains(m.AgentId) && visibleIds.Contains(m.DealerId)).ToListAsync(ct)).ToLookup(m => m.AgentId);
        var departments = (await db.DepartmentMemberships.AsNoTracking()
            .Where(m => agentIds.Contains(m.AgentId) && visibleIds.Contains(m.DealerId))
            .Join(db.Departments, m => m.DepartmentId, d => d.Id, (m, d) => new { m.AgentId, Department = new DepartmentRef(d.Id, d.DealerId, d.Kind, d.Name) })
            .ToListAsync(ct)).ToLookup(x => x.AgentId, x => x.Department);
        return agents
            .OrderBy(a => a.FirstName, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.LastName, StringComparer.OrdinalIgnoreCase)
            .Select(a => new PersonDto(a.Id, a.Email ?? "", a.FirstName, a.LastName, a.DisplayName, a.Role,
                a.IsActive ? PersonStatus.Active : PersonStatus.Deactivated,
                dealers[a.Id].Select(m => new DealerRef(m.DealerId, names[m.DealerId])).OrderBy(d => d.Name).ToList(),
                departments[a.Id].OrderBy(d => names[d.DealerId]).ThenBy(d => d.Kind).ToList(),
                a.ChatLimit, a.LastSignInAt, null))
            .ToList();
    }

    public async Task<PersonDto> AgentAsync(ClaimsPrincipal caller, Guid agentId, CancellationToken ct) =>
        (await AgentsAsync(caller, [agentId], ct)).Single();

    /// <summary>Dealer and department names of an agent, for the audit log (which only Admins read).</summary>
    public async Task<object> AccessSnapshotAsync(Guid agentId, CancellationToken ct)
    {
        var agent = await db.Users.AsNoTracking().Where(a => a.Id == agentId).Select(a => new { a.Role, a.ChatLimit, a.IsActive }).SingleAsync(ct);
        var dealers = await db.DealerMemberships.Where(m => m.AgentId == agentId)
            .Join(db.Dealers, m => m.DealerId, d => d.Id, (m, d) => d.Name).OrderBy(n => n).ToListAsync(ct);
        var departments = await db.DepartmentMemberships.Where(m => m.AgentId == agentId)
            .Join(db.Departments, m => m.DepartmentId, d => d.Id, (m, d) => new { d.DealerId, d.Kind })
            .Join(db.Dealers, x => x.DealerId, d => d.Id, (x, d) => new { d.Name, x.Kind }).ToListAsync(ct);
        return new { agent.Role, Dealers = dealers, Departments = departments.Select(d => $"{d.Name} / {d.Kind}").Order().ToList(), agent.ChatLimit, agent.IsActive };
    }
}
