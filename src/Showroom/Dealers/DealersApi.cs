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
    IReadOnlyList<DepartmentDto> Departments,
    AddressDto? Address,
    string? LeadEmail,
    IReadOnlyList<HolidayDto> Holidays);

public sealed record HolidayDto(Guid Id, DateOnly Date, string Name);

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
        var ids = dealers.Select(d => d.Id).ToList();
        var departments = await LoadDepartmentsAsync(db, ids, ct);
        var holidays = await LoadHolidaysAsync(db, ids, ct);
        return TypedResults.Ok(dealers.Select(d => ToDto(d, departments, holidays)).ToList());
    }

    static async Task<Results<Ok<DealerDto>, NotFound>> GetDealer(Guid dealerId, HttpContext http, ShowroomDb db, CancellationToken ct)
    {
        var dealer = await db.VisibleDealers(http.User).AsNoTracking().SingleOrDefaultAsync(d => d.Id == dealerId, ct);
        if (dealer is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await LoadDtoAsync(db, dealer, ct));
    }

    /// <summary>One dealer as the API shows it, with its departments and holidays.</summary>
    public static async Task<DealerDto> LoadDtoAsync(ShowroomDb db, Dealer dealer, CancellationToken ct) =>
        ToDto(dealer, await LoadDepartmentsAsync(db, [dealer.Id], ct), await LoadHolidaysAsync(db, [dealer.Id], ct));

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

    static async Task<ILookup<Guid, HolidayClosure>> LoadHolidaysAsync(ShowroomDb db, List<Guid> dealerIds, CancellationToken ct) =>
        (await db.HolidayClosures.AsNoTracking().Where(h => dealerIds.Contains(h.DealerId)).ToListAsync(ct))
            .ToLookup(h => h.DealerId);

    static DealerDto ToDto(Dealer dealer, ILookup<Guid, Department> departments, ILookup<Guid, HolidayClosure> holidays) => new(
        dealer.Id, dealer.GroupId, dealer.Name, dealer.TimeZone, dealer.WebsiteOrigins, dealer.WidgetKey,
        departments[dealer.Id].OrderBy(d => d.Kind).Select(ToDto).ToList(),
        ToDto(dealer.Address),
        dealer.LeadEmail,
        holidays[dealer.Id].OrderBy(h => h.Date).Select(h => new HolidayDto(h.Id, h.Date, h.Name)).ToList());

    public static DepartmentDto ToDto(Department d) => new(d.Id, d.Kind, d.Name,
        d.Hours.OrderBy(h => h.Day).ThenBy(h => h.Opens).Select(h => new BusinessHoursDto(h.Day, h.Opens, h.Closes)).ToList());

    static AddressDto? ToDto(DealerAddress a) =>
        new[] { a.Street, a.City, a.Region, a.PostalCode, a.Country }.All(string.IsNullOrEmpty) ? null
            : new AddressDto(a.Street, a.City, a.Region, a.PostalCode, a.Country);
}
