using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Showroom.Agents;
using Showroom.Data;

namespace Showroom.Dealers;

public sealed record BusinessHoursDto(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

public sealed record DepartmentDto(Guid Id, DepartmentKind Kind, string Name, IReadOnlyList<BusinessHoursDto> Hours);

public sealed record DealerDto(
    Guid Id,
    Guid GroupId,
    string Name,
    string TimeZone,
    IReadOnlyList<string> WebsiteOrigins,
    string WidgetKey,
    IReadOnlyList<DepartmentDto> Departments);

public sealed record TeammateDto(Guid Id, string DisplayName, AgentRole Role);

public static class DealersApi
{
    public static RouteGroupBuilder MapDealersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/dealers").RequireAuthorization().WithTags("Dealers");
        group.MapGet("/", ListDealers).WithSummary("The dealers the signed-in agent works for (all, for Admins).");
        group.MapGet("/{dealerId:guid}", GetDealer).WithSummary("One dealer with its departments; 404 unless the agent may see it.");
        group.MapGet("/{dealerId:guid}/agents", ListAgents).WithSummary("The dealer's active agents.");
        return group;
    }

    static async Task<Ok<List<DealerDto>>> ListDealers(HttpContext http, ShowroomDb db, CancellationToken ct)
    {
        var dealers = await db.VisibleDealers(http.User).AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct);
        var departments = await LoadDepartmentsAsync(db, dealers.Select(d => d.Id).ToList(), ct);
        return TypedResults.Ok(dealers.Select(d => ToDto(d, departments)).ToList());
    }

    static async Task<Results<Ok<DealerDto>, NotFound>> GetDealer(Guid dealerId, HttpContext http, ShowroomDb db, CancellationToken ct)
    {
        var dealer = await db.VisibleDealers(http.User).AsNoTracking().SingleOrDefaultAsync(d => d.Id == dealerId, ct);
        if (dealer is null)
        {
            return TypedResults.NotFound();
        }
        var departments = await LoadDepartmentsAsync(db, [dealer.Id], ct);
        return TypedResults.Ok(ToDto(dealer, departments));
    }

    static async Task<Results<Ok<List<TeammateDto>>, NotFound>> ListAgents(Guid dealerId, HttpContext http, ShowroomDb db, CancellationToken ct)
    {
        if (!await db.VisibleDealers(http.User).AnyAsync(d => d.Id == dealerId, ct))
        {
            return TypedResults.NotFound();
        }
        var agents = await db.DealerMemberships
            .Where(m => m.DealerId == dealerId)
            .Join(db.Users, m => m.AgentId, a => a.Id, (m, a) => a)
            .Where(a => a.IsActive)
            .OrderBy(a => a.FirstName).ThenBy(a => a.LastName)
            .Select(a => new TeammateDto(a.Id, a.FirstName + " " + a.LastName, a.Role))
            .ToListAsync(ct);
        return TypedResults.Ok(agents);
    }

    static async Task<ILookup<Guid, Department>> LoadDepartmentsAsync(ShowroomDb db, List<Guid> dealerIds, CancellationToken ct) =>
        (await db.Departments.AsNoTracking().Where(d => dealerIds.Contains(d.DealerId)).ToListAsync(ct))
            .ToLookup(d => d.DealerId);

    static DealerDto ToDto(Dealer dealer, ILookup<Guid, Department> departments) => new(
        dealer.Id, dealer.GroupId, dealer.Name, dealer.TimeZone, dealer.WebsiteOrigins, dealer.WidgetKey,
        departments[dealer.Id]
            .OrderBy(d => d.Kind)
            .Select(d => new DepartmentDto(d.Id, d.Kind, d.Name,
                d.Hours.OrderBy(h => h.Day).ThenBy(h => h.Opens).Select(h => new BusinessHoursDto(h.Day, h.Opens, h.Closes)).ToList()))
            .ToList());
}
