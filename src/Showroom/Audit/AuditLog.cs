using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Showroom.Auth;
using Showroom.Data;

namespace Showroom.Audit;

/// <summary>
/// Writes audit entries. The entry is added to the same context as the change and saved with it (callers that
/// write with ExecuteUpdate call it inside their transaction), so a change is never kept without its entry.
/// Never pass secrets (passwords, tokens, links) in <c>before</c> or <c>after</c>.
/// </summary>
public sealed class AuditLog(ShowroomDb db, TimeProvider clock)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public Task RecordAsync(ClaimsPrincipal actor, string action, Guid? dealerId, string targetType, object? targetId, string? targetName,
        object? before, object? after, CancellationToken ct) =>
        RecordAsync(actor.AgentId(), action, dealerId, targetType, targetId, targetName, before, after, ct);

    /// <summary>Adds the entry and saves the context (with whatever change is pending in it).</summary>
    public async Task RecordAsync(Guid? actorId, string action, Guid? dealerId, string targetType, object? targetId, string? targetName,
        object? before, object? after, CancellationToken ct)
    {
        var actorName = actorId is null ? "Showroom"
            : await db.Users.Where(a => a.Id == actorId).Select(a => a.FirstName + " " + a.LastName).SingleOrDefaultAsync(ct) ?? "";
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = actorId,
            ActorName = actorName.Trim(),
            DealerId = dealerId,
            Action = action,
            TargetType = targetType,
            TargetId = targetId?.ToString(),
            TargetName = targetName,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
        await db.SaveChangesAsync(ct);
    }
}

public static class AuditServices
{
    public static IServiceCollection AddShowroomAudit(this IServiceCollection services) => services.AddScoped<AuditLog>();
}
