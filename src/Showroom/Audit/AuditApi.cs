using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Showroom.Auth;
using Showroom.Data;

namespace Showroom.Audit;

public sealed record AuditEntryDto(
    long Id, DateTimeOffset At, Guid? ActorId, string ActorName, Guid? DealerId, string? DealerName, string Action,
    string TargetType, string? TargetId, string? TargetName, JsonElement? Before, JsonElement? After);

public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Entries, long? NextBefore);

/// <summary>The audit log of settings and people changes, newest first, for Admins.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", List).RequireAuthorization(AuthServices.AdminPolicy).WithTags("Admin")
            .WithSummary("Settings and people changes, newest first; page with ?before=<nextBefore>.");
        return api;
    }

    static async Task<Results<Ok<AuditPage>, ValidationProblem>> List(Guid? dealerId, string? action, long? before, int? limit, ShowroomDb db, CancellationToken ct)
    {
        if (limit is < 1 or > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["out_of_range"] });
        }
        var take = limit ?? 50;
        var query = db.AuditEntries.AsNoTracking();
        if (dealerId is { } dealer)
        {
            query = query.Where(e => e.DealerId == dealer);
        }
        if (!string.IsNullOrWhiteSpace(action))
        {
            var a = action.Trim();
            query = a.EndsWith('.') ? query.Where(e => e.Action.StartsWith(a)) : query.Where(e => e.Action == a);
        }
        if (before is { } cursor)
        {
            query = query.Where(e => e.Id < cursor);
        }
        var rows = await query.OrderByDescending(e => e.Id).Take(take + 1)
            .Select(e => new { Entry = e, DealerName = db.Dealers.Where(d => d.Id == e.DealerId).Select(d => d.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var page = rows.Take(take).Select(r => new AuditEntryDto(r.Entry.Id, r.Entry.At, r.Entry.ActorId, r.Entry.ActorName, r.Entry.DealerId, r.DealerName,
            r.Entry.Action, r.Entry.TargetType, r.Entry.TargetId, r.Entry.TargetName, Parse(r.Entry.Before), Parse(r.Entry.After))).ToList();
        return TypedResults.Ok(new AuditPage(page, rows.Count > take ? page[^1].Id : null));
    }

    static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
