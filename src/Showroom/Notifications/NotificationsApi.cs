using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Showroom.Auth;
using Showroom.Data;
using Showroom.Realtime;
using Showroom.Web;

namespace Showroom.Notifications;

public sealed record ExtensionDeviceDto(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastSeenAt);

public sealed record PairDeviceRequest([property: Required, StringLength(100, MinimumLength = 1)] string Name);

/// <summary>The answer to pairing: the token is shown this once; the server keeps only its hash.</summary>
public sealed record PairedDeviceDto(Guid Id, string Name, DateTimeOffset CreatedAt, string Token);

public sealed record ExtensionInfoDto(string Id, string? Version, string DownloadUrl);

/// <summary>An agent's own notification channels and paired extensions, and the extension built for this server.</summary>
public static class NotificationsApi
{
    public const int MaxDevices = 10;

    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").RequireAuthorization().WithTags("Notifications");
        me.MapGet("/notification-settings", GetSettings).WithSummary("Which channels tell the agent of offers.");
        me.MapPut("/notification-settings", PutSettings).WithSummary("Chooses the channels; every client of the agent follows at once.");
        me.MapGet("/devices", ListDevices).WithSummary("The agent's paired extensions, newest first.");
        me.MapPost("/devices", PairDevice).WithSummary("Pairs an extension: answers its token, shown this once.");
        me.MapDelete("/devices/{id:guid}", RevokeDevice).WithSummary("Revokes a paired extension; its connections end at once.");

        var extension = api.MapGroup("/extension").RequireAuthorization().WithTags("Notifications");
        extension.MapGet("/", GetExtension).WithSummary("The extension's fixed id and version for this server.");
        extension.MapGet("/download", DownloadExtension).WithSummary("The extension as a zip, made for this server's address.");
        return me;
    }

    static async Task<Ok<NotificationSettingsDto>> GetSettings(HttpContext http, ShowroomDb db, CancellationToken ct)
    {
        var agentId = http.User.AgentId();
        var settings = await db.Users.Where(a => a.Id == agentId).Select(a => a.Notifications).SingleAsync(ct);
        return TypedResults.Ok(NotificationSettingsDto.From(settings));
    }

    static async Task<Ok<NotificationSettingsDto>> PutSettings(
        NotificationSettingsDto request, HttpContext http, ShowroomDb db, IHubContext<AgentHub, IAgentClient> hub, CancellationToken ct)
    {
        var agentId = http.User.AgentId();
        await db.Users.Where(a => a.Id == agentId).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.Notifications.Sound, request.Sound)
            .SetProperty(a => a.Notifications.Desktop, request.Desktop)
            .SetProperty(a => a.Notifications.Extension, request.Extension)
            .SetProperty(a => a.Notifications.Push, request.Push), ct);
        await hub.Clients.Group(AgentHub.AgentGroup(agentId)).NotificationSettingsChanged(request);
        return TypedResults.Ok(request);
    }

    static async Task<Ok<List<ExtensionDeviceDto>>> ListDevices(HttpContext http, ShowroomDb db, CancellationToken ct)
    {
        var agentId = http.User.AgentId();
        var devices = await db.ExtensionDevices
            .Where(d => d.AgentId == agentId && d.RevokedAt == null)
            .OrderByDescending(d => d.Id)
            .Select(d => new ExtensionDeviceDto(d.Id, d.Name, d.CreatedAt, d.LastSeenAt))
            .ToListAsync(ct);
        return TypedResults.Ok(devices);
    }

    static async Task<Results<Created<PairedDeviceDto>, ValidationProblem, ProblemHttpResult>> PairDevice(
        PairDeviceRequest request, HttpContext http, ShowroomDb db, TimeProvider clock, CancellationToken ct)
    {
        if (Validation.Check(request) is { } invalid)
        {
            return invalid;
        }
        var agentId = http.User.AgentId();
        if (await db.ExtensionDevices.CountAsync(d => d.AgentId == agentId && d.RevokedAt == null, ct) >= MaxDevices)
        {
            return TypedResults.Problem(
                title: "Too many paired extensions.",
                detail: $"Revoke one of your {MaxDevices} paired extensions first.",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["code"] = "too_many_devices" });
        }
        var stamp = await db.Users.Where(a => a.Id == agentId).Select(a => a.SecurityStamp).SingleAsync(ct);
        var id = Guid.CreateVersion7();
        var (token, hash) = ExtensionTokens.New(id);
        var device = new ExtensionDevice
        {
            Id = id,
            AgentId = agentId,
            Name = request.Name.Trim(),
            SecretHash = hash,
            AgentStamp = stamp ?? "",
            CreatedAt = clock.GetUtcNow(),
        };
        db.ExtensionDevices.Add(device);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/me/devices/{id}", new PairedDeviceDto(id, device.Name, device.CreatedAt, token));
    }

    static async Task<Results<NoContent, NotFound>> RevokeDevice(
        Guid id, HttpContext http, ShowroomDb db, SessionTerminator sessions, TimeProvider clock, CancellationToken ct)
    {
        var agentId = http.User.AgentId();
        var revoked = await db.ExtensionDevices
            .Where(d => d.Id == id && d.AgentId == agentId && d.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.RevokedAt, clock.GetUtcNow()), ct);
        if (revoked == 0)
        {
            return TypedResults.NotFound();
        }
        // The token is refused from now on; this closes the connections it opened before, on every node.
        await sessions.EndAsync(agentId, ExtensionTokens.SessionId(id), "device-revoked");
        return TypedResults.NoContent();
    }

    static async Task<Ok<ExtensionInfoDto>> GetExtension(ExtensionPackage package, CancellationToken ct)
    {
        var identity = await package.IdentityAsync(ct);
        return TypedResults.Ok(new ExtensionInfoDto(identity.Id, package.Version, "/api/extension/download"));
    }

    static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadExtension(HttpContext http, ExtensionPackage package, CancellationToken ct)
    {
        var zip = await package.ZipAsync(package.OriginFor(http.Request), ct);
        if (zip is null)
        {
            return TypedResults.Problem(title: "The extension was not built.", detail: "Build the clients (dotnet build) and restart Showroom.",
                statusCode: StatusCodes.Status404NotFound);
        }
        return TypedResults.File(zip, "application/zip", $"showroom-extension-{package.Version}.zip");
    }
}
