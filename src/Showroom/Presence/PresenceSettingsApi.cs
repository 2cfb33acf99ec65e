using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Showroom.Audit;
using Showroom.Data;
using Showroom.Dealers;

namespace Showroom.Presence;

public sealed record PresenceSettingsDto(int? IdleAwayMinutes);

/// <summary>A dealer's presence settings; Managers of the dealer and Admins change them.</summary>
public static class PresenceSettingsApi
{
    public static RouteGroupBuilder MapPresenceSettingsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/dealers/{dealerId:guid}/settings/presence").RequireAuthorization().RequireDealerRight().WithTags("Status");
        group.MapGet("/", Get).WithSummary("Idle auto-away for the dealer's agents (null: off).");
        group.MapPut("/", Put).WithSummary("Turns idle auto-away on (minutes, 1 to 480) or off (null).");
        return group;
    }

    static async Task<Results<Ok<PresenceSettingsDto>, NotFound>> Get(Guid dealerId, HttpContext http, ShowroomDb db, CancellationToken ct)
    {
        var dealer = await db.VisibleDealers(http.User).AsNoTracking().SingleOrDefaultAsync(d => d.Id == dealerId, ct);
        return dealer is null ? TypedResults.NotFound() : TypedResults.Ok(new PresenceSettingsDto(dealer.IdleAwayMinutes));
    }

    static async Task<Results<Ok<PresenceSettingsDto>, ValidationProblem>> Put(
        Guid dealerId, PresenceSettingsDto settings, HttpContext http, ShowroomDb db, AuditLog audit, CancellationToken ct)
    {
        if (settings.IdleAwayMinutes is < 1 or > 480)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["idleAwayMinutes"] = ["invalid"] },
                detail: "Idle auto-away takes 1 to 480 minutes, or null to turn it off.");
        }
        var before = await db.Dealers.Where(d => d.Id == dealerId).Select(d => new { d.Name, d.IdleAwayMinutes }).SingleAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Dealers.Where(d => d.Id == dealerId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.IdleAwayMinutes, settings.IdleAwayMinutes), ct);
        await audit.RecordAsync(http.User, "presence.updated", dealerId, "dealer", dealerId, before.Name,
            new PresenceSettingsDto(before.IdleAwayMinutes), settings, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(settings);
    }
}
