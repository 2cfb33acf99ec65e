using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Showroom.Audit;
using Showroom.Auth;
using Showroom.Data;
using Showroom.People;

namespace Showroom.Dealers;

public sealed record DealerGroupDto(Guid Id, string Name, bool AllowCrossDealerWork, int DealerCount);

public sealed record DealerGroupRequest(string? Name, bool? AllowCrossDealerWork);

public sealed record DealerRequest(string? Name, Guid? GroupId, string? TimeZone, AddressDto? Address, List<string?>? WebsiteOrigins, string? LeadEmail);

/// <summary>Admins create and change dealer groups and dealers (name, group, zone, address, website origins, lead e-mail).</summary>
public static class DealerAdminApi
{
    public static RouteGroupBuilder MapDealerAdminApi(this RouteGroupBuilder api)
    {
        var groups = api.MapGroup("/dealer-groups").RequireAuthorization(AuthServices.AdminPolicy).WithTags("Dealers");
        groups.MapGet("/", ListGroups).WithSummary("Every dealer group (Admins).");
        groups.MapPost("/", CreateGroup).WithSummary("Adds a dealer group; cross-dealer work is off unless asked for.");
        groups.MapPut("/{groupId:guid}", UpdateGroup).WithSummary("Renames a group or changes whether its dealers work across each other.");

        var dealers = api.MapGroup("/dealers").RequireAuthorization().WithTags("Dealers");
        dealers.MapPost("/", CreateDealer).RequireAuthorization(AuthServices.AdminPolicy).WithSummary("Adds a dealer (Admins).");
        dealers.MapPut("/{dealerId:guid}", UpdateDealer).RequireDealerRight(writes: DealerRight.Administer)
            .WithSummary("Changes a dealer's name, group, time zone, address, website origins and lead e-mail (Admins).");
        return api;
    }

    static async Task<Ok<List<DealerGroupDto>>> ListGroups(ShowroomDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.DealerGroups.OrderBy(g => g.Name)
            .Select(g => new DealerGroupDto(g.Id, g.Name, g.AllowCrossDealerWork, db.Dealers.Count(d => d.GroupId == g.Id)))
            .ToListAsync(ct));

    static async Task<Results<Created<DealerGroupDto>, ValidationProblem>> CreateGroup(
        DealerGroupRequest request, HttpContext http, ShowroomDb db, AuditLog audit, CancellationToken ct)
    {
        if (await CheckGroupAsync(request, null, db, ct) is { } invalid)
        {
            return invalid;
        }
        var group = new DealerGroup { Name = request.Name!.Trim(), AllowCrossDealerWork = request.AllowCrossDealerWork ?? false };
        db.DealerGroups.Add(group);
        await audit.RecordAsync(http.User, "group.created", null, "group", group.Id, group.Name, null, Snapshot(group), ct);
        return TypedResults.Created($"/api/dealer-groups/{group.Id}", new DealerGroupDto(group.Id, group.Name, group.AllowCrossDealerWork, 0));
    }

    static async Task<Results<Ok<DealerGroupDto>, ValidationProblem, NotFound>> UpdateGroup(
        Guid groupId, DealerGroupRequest request, HttpContext http, ShowroomDb db, AuditLog audit, CancellationToken ct)
    {
        var group = await db.DealerGroups.SingleOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null)
        {
            return TypedResults.NotFound();
        }
        if (await CheckGroupAsync(request, groupId, db, ct) is { } invalid)
        {
            return invalid;
        }
        var before = Snapshot(group);
        group.Name = request.Name!.Trim();
        group.AllowCrossDealerWork = request.AllowCrossDealerWork ?? group.AllowCrossDealerWork;
        await audit.RecordAsync(http.User, "group.updated", null, "group", group.Id, group.Name, before, Snapshot(group), ct);
        return TypedResults.Ok(new DealerGroupDto(group.Id, group.Name, group.AllowCrossDealerWork, await db.Dealers.CountAsync(d => d.GroupId == groupId, ct)));
    }

    static async Task<ValidationProblem?> CheckGroupAsync(DealerGroupRequest request, Guid? except, ShowroomDb db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = DealerInput.Text(request.Name, "name", 200, required: true, errors);
        if (name is not null && await db.DealerGroups.AnyAsync(g => g.Name == name && g.Id != except, ct))
        {
            errors["name"] = ["taken"];
        }
        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors, title: "Please check the dealer group.");
    }

    static async Task<Results<Created<DealerDto>, ValidationProblem>> CreateDealer(
        DealerRequest request, HttpContext http, ShowroomDb db, AuditLog audit, CancellationToken ct)
    {
        var dealer = new Dealer { Name = "", TimeZone = "UTC", WidgetKey = NewWidgetKey() };
        if (await ApplyAsync(request, dealer, db, ct) is { } invalid)
        {
            return invalid;
        }
        db.Dealers.Add(dealer);
        await audit.RecordAsync(http.User, "dealer.created", dealer.Id, "dealer", dealer.Id, dealer.Name, null, Snapshot(dealer), ct);
        return TypedResults.Created($"/api/dealers/{dealer.Id}", await DealersApi.LoadDtoAsync(db, dealer, ct));
    }

    static async Task<Results<Ok<DealerDto>, ValidationProblem, NotFound>> UpdateDealer(
        Guid dealerId, DealerRequest request, HttpContext http, ShowroomDb db, AuditLog audit, CancellationToken ct)
    {
        var dealer = await db.Dealers.SingleOrDefaultAsync(d => d.Id == dealerId, ct);
        if (dealer is null)
        {
            return TypedResults.NotFound();
        }
        var before = Snapshot(dealer);
        if (await ApplyAsync(request, dealer, db, ct) is { } invalid)
        {
            return invalid;
        }
        await audit.RecordAsync(http.User, "dealer.updated", dealer.Id, "dealer", dealer.Id, dealer.Name, before, Snapshot(dealer), ct);
        return TypedResults.Ok(await DealersApi.LoadDtoAsync(db, dealer, ct));
    }

    /// <summary>Checks every field, then sets them all on <paramref name="dealer"/> (or none of them).</summary>
    static async Task<ValidationProblem?> ApplyAsync(DealerRequest request, Dealer dealer, ShowroomDb db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = DealerInput.Text(request.Name, "name", 200, required: true, errors);
        if (request.GroupId is not { } groupId)
        {
            errors["groupId"] = ["required"];
        }
        else if (!await db.DealerGroups.AnyAsync(g => g.Id == groupId, ct))
        {
            errors["groupId"] = ["unknown"];
        }
        var zone = PersonInput.TimeZone(request.TimeZone, errors);
        var address = DealerInput.Address(request.Address, errors);
        var origins = DealerInput.Origins(request.WebsiteOrigins, errors);
        var leadEmail = DealerInput.LeadEmail(request.LeadEmail, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Please check the dealer.");
        }
        dealer.Name = name!;
        dealer.GroupId = request.GroupId!.Value;
        dealer.TimeZone = zone!;
        dealer.Address = address;
        dealer.WebsiteOrigins = origins;
        dealer.LeadEmail = leadEmail;
        return null;
    }

    static string NewWidgetKey() => "wk_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    static object Snapshot(DealerGroup g) => new { g.Name, g.AllowCrossDealerWork };

    static object Snapshot(Dealer d) => new
    {
        d.Name, d.GroupId, d.TimeZone,
        Address = new { d.Address.Street, d.Address.City, d.Address.Region, d.Address.PostalCode, d.Address.Country },
        WebsiteOrigins = d.WebsiteOrigins.ToList(), d.LeadEmail,
    };
}
