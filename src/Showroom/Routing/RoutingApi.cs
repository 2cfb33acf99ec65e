using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Showroom.Audit;
using Showroom.Auth;
using Showroom.Data;
using Showroom.Dealers;

namespace Showroom.Routing;

public sealed record DepartmentRoutingDto(
    DepartmentKind Department, RoutingPolicy Policy, int OfferTimeoutSeconds, int EscalateAfterSeconds, int MissedChatLimitSeconds,
    bool EscalateToOtherDepartments, bool EscalateToManagers, bool EscalateToGroupDealers);

/// <summary>A dealer's routing: <see cref="MissedOffersBeforeAway"/> offers timing out in a row set an agent Away (0: never).</summary>
public sealed record RoutingSettingsDto(
    int DefaultChatLimit, bool StickyReturningShoppers, IReadOnlyList<DepartmentRoutingDto> Departments, int MissedOffersBeforeAway = 3);

/// <summary>The signed-in agent's offers, and a dealer's routing settings (Managers of the dealer and Admins change them).</summary>
public static class RoutingApi
{
    public static RouteGroupBuilder MapRoutingApi(this RouteGroupBuilder api)
    {
        api.MapGet("/offers/mine", Mine).RequireAuthorization().WithTags("Routing")
            .WithSummary("The chats offered to the signed-in agent now, oldest first.");
        api.MapGet("/conversations/{conversationId:guid}/transfer-targets", TransferTargets).RequireAuthorization().WithTags("Routing")
            .WithSummary("The colleagues the caller may transfer their chat to, with their status and why they cannot take it now.");
        var settings = api.MapGroup("/dealers/{dealerId:guid}/settings/routing").RequireAuthorization().RequireDealerRight().WithTags("Routing");
        settings.MapGet("/", Get).WithSummary("How the dealer's chats reach agents: chat limit, returning shoppers, and each department's policy.");
        settings.MapPut("/", Put).WithSummary("Changes the routing settings; every field is checked, nothing is saved partially.");
        return api;
    }

    static async Task<Ok<List<OfferDto>>> Mine(HttpContext http, Router router, CancellationToken ct) =>
        TypedResults.Ok(await router.OffersForAsync(http.User.AgentId(), ct));

    static async Task<Results<Ok<List<TransferTargetDto>>, NotFound>> TransferTargets(Guid conversationId, HttpContext http, Transfers transfers, CancellationToken ct) =>
        await transfers.TargetsForAsync(http.User.AgentId(), conversationId, ct) is { } targets ? TypedResults.Ok(targets) : TypedResults.NotFound();

    static async Task<Results<Ok<RoutingSettingsDto>, NotFound>> Get(Guid dealerId, HttpContext http, ShowroomDb db, CancellationToken ct)
    {
        var dealer = await db.VisibleDealers(http.User).AsNoTracking().SingleOrDefaultAsync(d => d.Id == dealerId, ct);
        return dealer is null ? TypedResults.NotFound() : TypedResults.Ok(await ReadAsync(db, dealer, ct));
    }

    static async Task<Results<Ok<RoutingSettingsDto>, ValidationProblem>> Put(
        Guid dealerId, RoutingSettingsDto settings, HttpContext http, ShowroomDb db, RoutingWake wake, AuditLog audit, CancellationToken ct)
    {
        var dealer = await db.Dealers.AsNoTracking().SingleAsync(d => d.Id == dealerId, ct);
        if (Check(settings) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors, title: "Please check the routing settings.");
        }
        var before = await ReadAsync(db, dealer, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Dealers.Where(d => d.Id == dealerId).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.DefaultChatLimit, settings.DefaultChatLimit)
            .SetProperty(d => d.StickyReturningShoppers, settings.StickyReturningShoppers)
            .SetProperty(d => d.MissedOffersBeforeAway, settings.MissedOffersBeforeAway), ct);
        foreach (var d in settings.Departments)
        {
            await db.Departments.Where(x => x.DealerId == dealerId && x.Kind == d.Department).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Routing.Policy, d.Policy)
                .SetProperty(x => x.Routing.OfferTimeoutSeconds, d.OfferTimeoutSeconds)
                .SetProperty(x => x.Routing.EscalateAfterSeconds, d.EscalateAfterSeconds)
                .SetProperty(x => x.Routing.MissedChatLimitSeconds, d.MissedChatLimitSeconds)
                .SetProperty(x => x.Routing.EscalateToOtherDepartments, d.EscalateToOtherDepartments)
                .SetProperty(x => x.Routing.EscalateToManagers, d.EscalateToManagers)
                .SetProperty(x => x.Routing.EscalateToGroupDealers, d.EscalateToGroupDealers), ct);
        }
        var saved = await db.Dealers.AsNoTracking().SingleAsync(d => d.Id == dealerId, ct);
        var after = await ReadAsync(db, saved, ct);
        await audit.RecordAsync(http.User, "routing.updated", dealerId, "dealer", dealerId, dealer.Name, before, after, ct);
        await transaction.CommitAsync(ct);
        wake.Dealer(dealerId);
        return TypedResults.Ok(after);
    }

    /// <summary>Field errors as codes, keyed like the JSON ("departments[1].offerTimeoutSeconds").</summary>
    static Dictionary<string, string[]> Check(RoutingSettingsDto settings)
    {
        var errors = new Dictionary<string, string[]>();
        if (settings.DefaultChatLimit is < 1 or > 50)
        {
            errors["defaultChatLimit"] = ["out_of_range"];
        }
        if (settings.MissedOffersBeforeAway is < 0 or > 20)
        {
            errors["missedOffersBeforeAway"] = ["out_of_range"];
        }
        var seen = new HashSet<DepartmentKind>();
        for (var i = 0; i < (settings.Departments?.Count ?? 0); i++)
        {
            var d = settings.Departments![i];
            var at = $"departments[{i}]";
            if (!Enum.IsDefined(d.Department) || !seen.Add(d.Department))
            {
                errors[$"{at}.department"] = ["invalid"];
            }
            if (!Enum.IsDefined(d.Policy))
            {
                errors[$"{at}.policy"] = ["invalid"];
            }
            if (d.OfferTimeoutSeconds is < 5 or > 300)
            {
                errors[$"{at}.offerTimeoutSeconds"] = ["out_of_range"];
            }
            if (d.MissedChatLimitSeconds is < 30 or > 3600)
            {
                errors[$"{at}.missedChatLimitSeconds"] = ["out_of_range"];
            }
            if (d.EscalateAfterSeconds < 5 || d.EscalateAfterSeconds > d.MissedChatLimitSeconds)
            {
                errors[$"{at}.escalateAfterSeconds"] = ["out_of_range"];
            }
        }
        if (settings.Departments is null)
        {
            errors["departments"] = ["required"];
        }
        return errors;
    }

    static async Task<RoutingSettingsDto> ReadAsync(ShowroomDb db, Dealer dealer, CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().Where(d => d.DealerId == dealer.Id).OrderBy(d => d.Kind)
            .Select(d => new { d.Kind, d.Routing }).ToListAsync(ct);
        return new RoutingSettingsDto(dealer.DefaultChatLimit, dealer.StickyReturningShoppers, departments.Select(d => new DepartmentRoutingDto(
            d.Kind, d.Routing.Policy, d.Routing.OfferTimeoutSeconds, d.Routing.EscalateAfterSeconds, d.Routing.MissedChatLimitSeconds,
            d.Routing.EscalateToOtherDepartments, d.Routing.EscalateToManagers, d.Routing.EscalateToGroupDealers)).ToList(), dealer.MissedOffersBeforeAway);
    }
}
