using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Showroom.Auth;
using Showroom.Data;

namespace Showroom.Notifications;

public sealed record PushPublicKeyDto(string PublicKey);

/// <summary>A browser's PushSubscription.toJSON().</summary>
public sealed record PushSubscriptionRequest(string? Endpoint, PushSubscriptionKeys? Keys);

public sealed record PushSubscriptionKeys(string? P256dh, string? Auth);

public sealed record PushSubscribedDto(Guid Id);

/// <summary>A subscribed browser as its agent sees it: the push service's origin only (the URL itself is a secret).</summary>
public sealed record PushSubscriptionDto(Guid Id, string EndpointOrigin, DateTimeOffset CreatedAt, DateTimeOffset? LastSuccessAt);

/// <summary>Web Push: the server's public key for subscribing, and each agent's own subscribed browsers.</summary>
public static class PushApi
{
    public const int MaxSubscriptions = 10;
    public const int MaxEndpointLength = 2048;

    public static RouteGroupBuilder MapPushApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").RequireAuthorization().WithTags("Notifications");
        group.MapGet("/push/public-key", PublicKey).WithSummary("The VAPID public key browsers subscribe with (applicationServerKey).");
        group.MapGet("/me/push-subscriptions", List).WithSummary("The caller's subscribed browsers, newest first.");
        group.MapPost("/me/push-subscriptions", Subscribe).WithSummary("Subscribes a browser; the same endpoint again replaces it.");
        group.MapDelete("/me/push-subscriptions", Unsubscribe).WithSummary("Forgets one of the caller's browsers, by its endpoint.");
        return group;
    }

    static async Task<Ok<PushPublicKeyDto>> PublicKey(VapidKeys keys, CancellationToken ct) =>
        TypedResults.Ok(new PushPublicKeyDto((await keys.GetAsync(ct)).PublicKey));

    static async Task<Ok<List<PushSubscriptionDto>>> List(HttpContext http, ShowroomDb db, CancellationToken ct)
    {
        var agentId = http.User.AgentId();
        var rows = await db.WebPushSubscriptions.AsNoTracking().Where(s => s.AgentId == agentId)
            .OrderByDescending(s => s.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(s => new PushSubscriptionDto(
            s.Id, new Uri(s.Endpoint).GetLeftPart(UriPartial.Authority), s.CreatedAt, s.LastSuccessAt)).ToList());
    }

    static async Task<Results<Created<PushSubscribedDto>, ValidationProblem, ProblemHttpResult>> Subscribe(
        PushSubscriptionRequest request, HttpContext http, ShowroomDb db, WebPushAllowList allowed, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var endpoint = request.Endpoint?.Trim() ?? "";
        Uri? uri = null;
        if (endpoint.Length == 0)
        {
            errors["endpoint"] = ["required"];
        }
        else if (endpoint.Length > MaxEndpointLength)
        {
            errors["endpoint"] = ["too_long"];
        }
        else if (!Uri.TryCreate(endpoint, UriKind.Absolute, out uri))
        {
            errors["endpoint"] = ["invalid"];
        }
        var p256dh = Decode(request.Keys?.P256dh);
        var auth = Decode(request.Keys?.Auth);
        if (p256dh is null || !IsPublicKey(p256dh))
        {
            errors["keys.p256dh"] = [string.IsNullOrEmpty(request.Keys?.P256dh) ? "required" : "invalid"];
        }
        if (auth is not { Length: 16 })
        {
            errors["keys.auth"] = [string.IsNullOrEmpty(request.Keys?.Auth) ? "required" : "invalid"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Please check the push subscription.",
                detail: "The endpoint is an absolute URL of at most 2048 characters; keys.p256dh a P-256 public key (65 bytes) and keys.auth 16 bytes, both base64url.");
        }
        if (!allowed.Allows(uri!))
        {
            return TypedResults.Problem(
                title: "This browser's push service is not allowed.",
                detail: "Showroom sends Web Push only over https, to the push services its administrator allows (Push:AllowedServices).",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["code"] = "push_endpoint_not_allowed" });
        }

        var agentId = http.User.AgentId();
        var now = clock.GetUtcNow();
        // The same endpoint again (a re-subscribe, or another agent signing in on this browser) replaces the row.
        var subscription = await db.WebPushSubscriptions.SingleOrDefaultAsync(s => s.Endpoint == endpoint, ct);
        if (subscription is null)
        {
            subscription = new WebPushSubscription { Endpoint = endpoint, P256dh = "", Auth = "" };
            db.WebPushSubscriptions.Add(subscription);
        }
        subscription.AgentId = agentId;
        subscription.P256dh = Base64Url.EncodeToString(p256dh!);
        subscription.Auth = Base64Url.EncodeToString(auth!);
        subscription.CreatedAt = now;
        subscription.LastSuccessAt = null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same browser subscribed twice at once: the other request stored it.
            return TypedResults.Problem(title: "This browser was just subscribed by another request.", detail: "Try again.",
                statusCode: StatusCodes.Status409Conflict);
        }

        // At most ten browsers per agent: the oldest goes.
        var extra = await db.WebPushSubscriptions.Where(s => s.AgentId == agentId)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Skip(MaxSubscriptions).Select(s => s.Id).ToListAsync(ct);
        if (extra.Count > 0)
        {
            await db.WebPushSubscriptions.Where(s => extra.Contains(s.Id)).ExecuteDeleteAsync(ct);
        }
        return TypedResults.Created("/api/me/push-subscriptions", new PushSubscribedDto(subscription.Id));
    }

    /// <summary>Always 204: only the caller's own row can go, and whether anyone else has that endpoint is not told.</summary>
    static async Task<NoContent> Unsubscribe(string? endpoint, HttpContext http, ShowroomDb db, CancellationToken ct)
    {
        var agentId = http.User.AgentId();
        var trimmed = endpoint?.Trim() ?? "";
        await db.WebPushSubscriptions.Where(s => s.AgentId == agentId && s.Endpoint == trimmed).ExecuteDeleteAsync(ct);
        return TypedResults.NoContent();
    }

    static bool IsPublicKey(byte[] point)
    {
        try
        {
            // Importing checks the point is on P-256.
            using var key = WebPushEncryption.ImportPublicKey(point);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    static byte[]? Decode(string? base64Url)
    {
        if (string.IsNullOrEmpty(base64Url) || base64Url.Length > 128)
        {
            return null;
        }
        // Browsers send base64url without padding; tolerate padding and the standard alphabet too.
        var normal = base64Url.TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var bytes = new byte[Base64Url.GetMaxDecodedLength(normal.Length)];
        return Base64Url.TryDecodeFromChars(normal, bytes, out var written) ? bytes[..written] : null;
    }
}
