using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Showroom.Agents;
using Showroom.Audit;
using Showroom.Auth;
using Showroom.Conversations;
using Showroom.Data;
using Showroom.Dealers;

namespace Showroom.Canned;

public sealed record CannedResponseRequest(Guid? DealerId, string? Shortcut, string? Text);

/// <summary>Personal when <see cref="DealerId"/> is null; else everyone's at that dealer.</summary>
public sealed record CannedResponseDto(Guid Id, Guid? DealerId, string? DealerName, string Shortcut, string Text, bool CanEdit);

/// <summary>
/// Canned responses: every agent keeps personal ones; Managers of a dealer (and Admins) keep the dealer's.
/// Someone who may not see a response gets 404; a teammate who may see but not change it gets 403.
/// </summary>
public static partial class CannedApi
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex ShortcutPattern();

    public static RouteGroupBuilder MapCannedApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/canned-responses").RequireAuthorization().WithTags("Canned responses");
        group.MapGet("/", List).WithSummary("The caller's personal responses and those of their dealers, by shortcut.");
        group.MapPost("/", Create).WithSummary("Adds a personal response, or a dealer's (Managers of the dealer and Admins).");
        group.MapPut("/{id:guid}", Update).WithSummary("Changes a response the caller may change.");
        group.MapDelete("/{id:guid}", Delete).WithSummary("Deletes a response the caller may change.");
        return group;
    }

    static async Task<Ok<List<CannedResponseDto>>> List(HttpContext http, ShowroomDb db, CancellationToken ct)
    {
        var me = http.User.AgentId();
        var dealers = await db.VisibleDealers(http.User).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        var dealerIds = dealers.Select(d => d.Id).ToList();
        var rows = await db.CannedResponses.AsNoTracking()
            .Where(c => c.AgentId == me || (c.DealerId != null && dealerIds.Contains(c.DealerId.Value))).ToListAsync(ct);
        var names = dealers.ToDictionary(d => d.Id, d => d.Name);
        var managed = http.User.AgentRole() != AgentRole.Agent;
        return TypedResults.Ok(rows.OrderBy(c => c.Shortcut, StringComparer.Ordinal).ThenBy(c => c.DealerId.HasValue)
            .Select(c => ToDto(c, c.DealerId is { } d ? names[d] : null, c.AgentId == me || managed)).ToList());
    }

    static async Task<Results<Created<CannedResponseDto>, ValidationProblem, NotFound, ForbidHttpResult>> Create(
        CannedResponseRequest request, HttpContext http, ShowroomDb db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var owner = await OwnerAsync(request.DealerId, http, db, ct);
        if (owner.Refusal is { } refusal)
        {
            return refusal == StatusCodes.Status404NotFound ? TypedResults.NotFound() : TypedResults.Forbid();
        }
        var me = http.User.AgentId();
        if (await CheckAsync(request, request.DealerId is null ? me : null, request.DealerId, except: null, db, ct) is { } errors)
        {
            return errors;
        }
        var response = new CannedResponse
        {
            DealerId = request.DealerId,
            AgentId = request.DealerId is null ? me : null,
            Shortcut = request.Shortcut!.Trim(),
            Text = MessageStore.Clean(request.Text)!,
            UpdatedAt = clock.GetUtcNow(),
        };
        db.CannedResponses.Add(response);
        await SaveAsync(db, audit, http, "canned.created", response, null, ct);
        return TypedResults.Created($"/api/canned-responses/{response.Id}", ToDto(response, owner.DealerName, canEdit: true));
    }

    static async Task<Results<Ok<CannedResponseDto>, ValidationProblem, NotFound, ForbidHttpResult>> Update(
        Guid id, CannedResponseRequest request, HttpContext http, ShowroomDb db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var (response, refusal, dealerName) = await EditableAsync(id, http, db, ct);
        if (response is null)
        {
            return refusal == StatusCodes.Status404NotFound ? TypedResults.NotFound() : TypedResults.Forbid();
        }
        if (await CheckAsync(request, response.AgentId, response.DealerId, except: id, db, ct) is { } errors)
        {
            return errors;
        }
        var before = new { response.Shortcut, response.Text };
        response.Shortcut = request.Shortcut!.Trim();
        response.Text = MessageStore.Clean(request.Text)!;
        response.UpdatedAt = clock.GetUtcNow();
        await SaveAsync(db, audit, http, "canned.updated", response, before, ct);
        return TypedResults.Ok(ToDto(response, dealerName, canEdit: true));
    }

    static async Task<Results<NoContent, NotFound, ForbidHttpResult>> Delete(Guid id, HttpContext http, ShowroomDb db, AuditLog audit, CancellationToken ct)
    {
        var (response, refusal, _) = await EditableAsync(id, http, db, ct);
        if (response is null)
        {
            return refusal == StatusCodes.Status404NotFound ? TypedResults.NotFound() : TypedResults.Forbid();
        }
        db.CannedResponses.Remove(response);
        await SaveAsync(db, audit, http, "canned.deleted", response, new { response.Shortcut, response.Text }, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Saves the change; a dealer-wide response's change is audited in the same save (personal ones are not).</summary>
    static Task SaveAsync(ShowroomDb db, AuditLog audit, HttpContext http, string action, CannedResponse response, object? before, CancellationToken ct) =>
        response.DealerId is { } dealerId
            ? audit.RecordAsync(http.User, action, dealerId, "canned", response.Id, response.Shortcut, before,
                action == "canned.deleted" ? null : new { response.Shortcut, response.Text }, ct)
            : db.SaveChangesAsync(ct);

    /// <summary>Who would own a new response: the caller, or a dealer they manage.</summary>
    static async Task<(int? Refusal, string? DealerName)> OwnerAsync(Guid? dealerId, HttpContext http, ShowroomDb db, CancellationToken ct)
    {
        if (dealerId is null)
        {
            return (null, null);
        }
        var right = await db.DealerRightAsync(http.User, dealerId.Value, ct);
        if (right.RefusalFor(DealerRight.Manage) is not null)
        {
            return (right == DealerRight.None ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden, null);
        }
        return (null, await db.Dealers.Where(d => d.Id == dealerId).Select(d => d.Name).SingleAsync(ct));
    }

    static async Task<(CannedResponse? Response, int Refusal, string? DealerName)> EditableAsync(Guid id, HttpContext http, ShowroomDb db, CancellationToken ct)
    {
        var response = await db.CannedResponses.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (response is null || (response.AgentId is { } agent && agent != http.User.AgentId()))
        {
            return (null, StatusCodes.Status404NotFound, null);
        }
        var (refusal, dealerName) = await OwnerAsync(response.DealerId, http, db, ct);
        return refusal is { } code ? (null, code, null) : (response, 0, dealerName);
    }

    static async Task<ValidationProblem?> CheckAsync(
        CannedResponseRequest request, Guid? agentId, Guid? dealerId, Guid? except, ShowroomDb db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var shortcut = request.Shortcut?.Trim() ?? "";
        if (shortcut.Length == 0)
        {
            errors["shortcut"] = ["required"];
        }
        else if (!ShortcutPattern().IsMatch(shortcut))
        {
            errors["shortcut"] = ["invalid"];
        }
        else if (await db.CannedResponses.AnyAsync(c => c.Id != except && c.Shortcut == shortcut && c.AgentId == agentId && c.DealerId == dealerId, ct))
        {
            errors["shortcut"] = ["taken"];
        }
        if (MessageStore.Clean(request.Text) is null)
        {
            errors["text"] = [string.IsNullOrWhiteSpace(request.Text) ? "required" : "too_long"];
        }
        return errors.Count == 0 ? null
            : TypedResults.ValidationProblem(errors, title: "Please check the canned response.",
                detail: "A shortcut is 1 to 32 lowercase letters, digits or dashes; the text at most 4000 characters.");
    }

    static CannedResponseDto ToDto(CannedResponse c, string? dealerName, bool canEdit) =>
        new(c.Id, c.DealerId, dealerName, c.Shortcut, c.Text, canEdit);
}
