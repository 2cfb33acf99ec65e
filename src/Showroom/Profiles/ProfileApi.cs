using System.Net.Mail;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Showroom.Agents;
using Showroom.Auth;
using Showroom.Data;
using Showroom.Realtime;

namespace Showroom.Profiles;

public sealed record HeadshotDto(string Small, string Large, string FileName);

public sealed record ProfileDto(
    Guid Id,
    string FirstName,
    string LastName,
    string Email,
    string Locale,
    string TimeZone,
    HeadshotDto? Headshot,
    DateTimeOffset? LastSignInAt,
    bool CanEdit,
    bool CanChangeEmail);

public sealed record ProfileUpdate(string? FirstName, string? LastName, string? Email, string? Locale, string? TimeZone, string? CurrentPassword);

/// <summary>
/// The Edit Profile page's API. Field errors are codes (required, invalid, too_long, taken,
/// password_required, password_wrong, not_allowed) that the console shows in the agent's language.
/// </summary>
public static class ProfileApi
{
    public static RouteGroupBuilder MapProfileApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/agents/{agentId:guid}").RequireAuthorization().RequireAgentRight().WithTags("Profiles");
        group.MapGet("/profile", GetProfile).WithSummary("An agent's profile: the agent's own, a teammate's, or (Managers) an agent of their dealers.");
        group.MapPut("/profile", UpdateProfile).WithSummary("Saves names, locale, time zone and (the agent with their password, or an Admin) the e-mail address.");
        group.MapPut("/headshot", UploadHeadshot).DisableAntiforgery()
            .WithSummary("Replaces the headshot with an uploaded JPEG, PNG or WebP (multipart field \"file\", at most 10 MB).");
        group.MapDelete("/headshot", RemoveHeadshot).WithSummary("Removes the headshot; shoppers then see initials.");
        api.MapGet("/timezones", () => TypedResults.Ok(Locales.TimeZones)).RequireAuthorization().WithTags("Profiles")
            .WithSummary("Every IANA time zone this server knows.");
        return group;
    }

    public static void MapHeadshotFiles(this IEndpointRouteBuilder app) =>
        app.MapGet("/media/headshots/{agentId:guid}/{file}", ServeHeadshot).ExcludeFromDescription();

    static async Task<Ok<ProfileDto>> GetProfile(Guid agentId, HttpContext http, ShowroomDb db, CancellationToken ct)
    {
        var agent = await db.Users.AsNoTracking().SingleAsync(a => a.Id == agentId, ct);
        return TypedResults.Ok(ToDto(agent, http.CallerRight()));
    }

    static async Task<Results<Ok<ProfileDto>, ValidationProblem, NotFound>> UpdateProfile(
        Guid agentId, ProfileUpdate update, HttpContext http, ShowroomDb db, UserManager<Agent> users,
        SignInManager<Agent> signIn, SessionTerminator sessions, CancellationToken ct)
    {
        var right = http.CallerRight();
        var agent = await users.FindByIdAsync(agentId.ToString());
        if (agent is null)
        {
            return TypedResults.NotFound();
        }

        // Everything is checked before anything is saved: a form with one bad field changes nothing.
        var errors = new Dictionary<string, string[]>();
        var firstName = Required(update.FirstName, "firstName", 100, errors);
        var lastName = Required(update.LastName, "lastName", 100, errors);
        if (!Locales.IsSupported(update.Locale))
        {
            errors["locale"] = ["invalid"];
        }
        if (!Locales.IsTimeZone(update.TimeZone))
        {
            errors["timeZone"] = [string.IsNullOrWhiteSpace(update.TimeZone) ? "required" : "invalid"];
        }
        var email = Required(update.Email, "email", 256, errors);
        var emailChanges = email is not null && !string.Equals(email, agent.Email, StringComparison.OrdinalIgnoreCase);
        if (emailChanges)
        {
            var error = await CheckEmailChangeAsync(email!, update.CurrentPassword, agent, right, http, users, signIn);
            if (error is not null)
            {
                errors[error.Value.Field] = [error.Value.Code];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        agent.FirstName = firstName!;
        agent.LastName = lastName!;
        agent.Locale = update.Locale!;
        agent.TimeZone = update.TimeZone!;
        if (!emailChanges)
        {
            await users.UpdateAsync(agent);
            return TypedResults.Ok(ToDto(agent, right));
        }

        // The e-mail is the sign-in name: change both, and renew the security stamp (one save), which
        // ends the agent's other sessions.
        agent.Email = email;
        agent.UserName = email;
        await users.UpdateNormalizedEmailAsync(agent);
        await users.UpdateNormalizedUserNameAsync(agent);
        IdentityResult saved;
        try
        {
            saved = await users.UpdateSecurityStampAsync(agent);
        }
        catch (DbUpdateException)
        {
            // Another agent took the address in the same instant (unique index).
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["taken"] });
        }
        if (!saved.Succeeded)
        {
            var taken = saved.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName");
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = [taken ? "taken" : "invalid"] });
        }
        await sessions.EndAsync(agent.Id, session: null, "email-changed");
        if (agent.Id == http.User.AgentId())
        {
            await SessionValidation.ReissueAsync(signIn, agent, http.User);
        }
        return TypedResults.Ok(ToDto(agent, right));
    }

    static async Task<(string Field, string Code)?> CheckEmailChangeAsync(
        string email, string? currentPassword, Agent agent, AgentRight right, HttpContext http, UserManager<Agent> users, SignInManager<Agent> signIn)
    {
        if (right != AgentRight.Full)
        {
            return ("email", "not_allowed");
        }
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            return ("email", "invalid");
        }
        if (await users.FindByEmailAsync(email) is { } other && other.Id != agent.Id)
        {
            return ("email", "taken");
        }
        // Admins change others' addresses without their password; the agent must prove it is them.
        if (agent.Id == http.User.AgentId())
        {
            if (string.IsNullOrEmpty(currentPassword))
            {
                return ("currentPassword", "password_required");
            }
            // Counted like a failed sign-in: a stolen cookie does not allow guessing the password.
            if (!(await signIn.CheckPasswordSignInAsync(agent, currentPassword, lockoutOnFailure: true)).Succeeded)
            {
                return ("currentPassword", "password_wrong");
            }
        }
        return null;
    }

    static string? Required(string? value, string field, int maxLength, Dictionary<string, string[]> errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors[field] = ["required"];
            return null;
        }
        if (trimmed.Length > maxLength || trimmed.Any(char.IsControl))
        {
            errors[field] = [trimmed.Length > maxLength ? "too_long" : "invalid"];
            return null;
        }
        return trimmed;
    }

    static async Task<Results<Ok<ProfileDto>, ProblemHttpResult>> UploadHeadshot(
        Guid agentId, HttpContext http, ShowroomDb db, IFileStore files, CancellationToken ct)
    {
        var right = http.CallerRight();

        // The body limit is set before the form is read: a 50 MB upload stops at the limit, it is not buffered.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = HeadshotProcessor.MaxBytes + 64 * 1024;
        }
        IFormFile? file;
        try
        {
            var form = await http.Request.ReadFormAsync(ct);
            file = form.Files.GetFile("file");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Rejected(HeadshotRejection.TooLarge);
        }
        catch (InvalidDataException)
        {
            return Rejected(HeadshotRejection.TooLarge);
        }
        catch (InvalidOperationException)
        {
            // Not a multipart form at all.
            return Rejected(HeadshotRejection.Empty);
        }
        if (file is null)
        {
            return Rejected(HeadshotRejection.Empty);
        }
        if (file.Length > HeadshotProcessor.MaxBytes)
        {
            return Rejected(HeadshotRejection.TooLarge);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var (headshot, rejection) = await HeadshotProcessor.ProcessAsync(buffer.ToArray(), ct);
        if (headshot is null)
        {
            return Rejected(rejection!.Value);
        }

        var agent = await db.Users.SingleAsync(a => a.Id == agentId, ct);
        var previous = agent.HeadshotVersion;
        var version = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
        await files.WriteAsync(HeadshotKey(agentId, version, HeadshotProcessor.SmallSize), headshot.Small, ct);
        await files.WriteAsync(HeadshotKey(agentId, version, HeadshotProcessor.LargeSize), headshot.Large, ct);
        agent.HeadshotVersion = version;
        agent.HeadshotFileName = CleanFileName(file.FileName);
        await db.SaveChangesAsync(ct);
        await DeleteFilesAsync(files, agentId, previous, ct);
        return TypedResults.Ok(ToDto(agent, right));
    }

    static async Task<Ok<ProfileDto>> RemoveHeadshot(
        Guid agentId, HttpContext http, ShowroomDb db, IFileStore files, CancellationToken ct)
    {
        var right = http.CallerRight();
        var agent = await db.Users.SingleAsync(a => a.Id == agentId, ct);
        var previous = agent.HeadshotVersion;
        agent.HeadshotVersion = null;
        agent.HeadshotFileName = null;
        await db.SaveChangesAsync(ct);
        await DeleteFilesAsync(files, agentId, previous, ct);
        return TypedResults.Ok(ToDto(agent, right));
    }

    /// <summary>Headshots are public (shoppers see them); the version in the name makes each URL immutable.</summary>
    static async Task<IResult> ServeHeadshot(Guid agentId, string file, IFileStore files, HttpContext http, CancellationToken ct)
    {
        var match = System.Text.RegularExpressions.Regex.Match(file, "^([0-9a-f]{16})-(222|444)\\.jpg$");
        if (!match.Success)
        {
            return TypedResults.NotFound();
        }
        var bytes = await files.ReadAsync(HeadshotKey(agentId, match.Groups[1].Value, int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)), ct);
        if (bytes is null)
        {
            return TypedResults.NotFound();
        }
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(bytes, "image/jpeg");
    }

    static string HeadshotKey(Guid agentId, string version, int size) => $"headshots/{agentId:N}/{version}-{size}.jpg";

    public static string? HeadshotUrl(Guid agentId, string? version, int size) =>
        version is null ? null : $"/media/headshots/{agentId}/{version}-{size}.jpg";

    static async Task DeleteFilesAsync(IFileStore files, Guid agentId, string? version, CancellationToken ct)
    {
        if (version is null)
        {
            return;
        }
        await files.DeleteAsync(HeadshotKey(agentId, version, HeadshotProcessor.SmallSize), ct);
        await files.DeleteAsync(HeadshotKey(agentId, version, HeadshotProcessor.LargeSize), ct);
    }

    static string CleanFileName(string? name)
    {
        var clean = new string(Path.GetFileName(name ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length switch
        {
            0 => "headshot.jpg",
            > 100 => clean[..100],
            _ => clean,
        };
    }

    static ProblemHttpResult Rejected(HeadshotRejection rejection) => TypedResults.Problem(
        title: rejection switch
        {
            HeadshotRejection.Empty => "Choose an image file.",
            HeadshotRejection.TooLarge => "The image is larger than 10 MB.",
            HeadshotRejection.UnsupportedType => "Use a JPEG, PNG or WebP image.",
            HeadshotRejection.Animated => "Animated images cannot be used as a headshot.",
            HeadshotRejection.TooManyPixels => "The image has too many pixels (at most 40 megapixels for JPEG, 16 for PNG and WebP).",
            _ => "The file is not a readable image.",
        },
        statusCode: rejection == HeadshotRejection.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["code"] = "headshot_" + rejection.ToString().ToLowerInvariant() });

    static ProfileDto ToDto(Agent agent, AgentRight right) => new(
        agent.Id, agent.FirstName, agent.LastName, agent.Email ?? "", agent.Locale, agent.TimeZone,
        agent.HeadshotVersion is null
            ? null
            : new HeadshotDto(HeadshotUrl(agent.Id, agent.HeadshotVersion, HeadshotProcessor.SmallSize)!,
                HeadshotUrl(agent.Id, agent.HeadshotVersion, HeadshotProcessor.LargeSize)!, agent.HeadshotFileName ?? "headshot.jpg"),
        agent.LastSignInAt,
        right != AgentRight.View,
        right == AgentRight.Full);
}
