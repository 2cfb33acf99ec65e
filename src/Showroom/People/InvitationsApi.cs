using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Showroom.Agents;
using Showroom.Audit;
using Showroom.Auth;
using Showroom.Data;
using Showroom.Dealers;
using Showroom.Email;
using Showroom.Presence;

namespace Showroom.People;

public sealed record InviteRequest(
    string? Email, string? FirstName, string? LastName, AgentRole? Role, List<Guid>? DealerIds, List<Guid>? DepartmentIds, int? ChatLimit);

public sealed record InvitationDto(Guid Id, string Email, AgentRole Role, IReadOnlyList<Guid> DealerIds, DateTimeOffset ExpiresAt, bool Emailed, string? InviteUrl);

public sealed record InvitationPreview(string Email, string? FirstName, string? LastName, IReadOnlyList<string> DealerNames);

public sealed record AcceptRequest(string? FirstName, string? LastName, string? Password, string? TimeZone);

/// <summary>
/// Managers invite people by e-mail; the invited person follows the one-time link, sets a password and is signed in.
/// Unknown, expired, used and revoked links all get the same 404, so a link reveals nothing but itself.
/// </summary>
public static class InvitationsApi
{
    public static RouteGroupBuilder MapInvitationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/invitations").WithTags("People");
        group.MapPost("/", Invite).RequireAuthorization().WithSummary("Invites a person by e-mail to the caller's dealers (Managers and Admins).");
        group.MapDelete("/{invitationId:guid}", Revoke).RequireAuthorization().WithSummary("Revokes a pending invitation.");
        group.MapGet("/{token}", Preview).AllowAnonymous().WithSummary("What an invitation link is for; 404 unless it can still be used.");
        group.MapPost("/{token}/accept", Accept).AllowAnonymous().WithSummary("Creates the invited agent with their password and signs them in.");
        return group;
    }

    static async Task<Results<Created<InvitationDto>, ValidationProblem, NotFound, ForbidHttpResult, ProblemHttpResult>> Invite(
        InviteRequest request, HttpContext http, ShowroomDb db, PeopleAdmin people, IEmailSender mail, IOptions<PeopleOptions> options,
        AuditLog audit, TimeProvider clock, ILogger<Invitation> log, CancellationToken ct)
    {
        if (http.User.AgentRole() == AgentRole.Agent)
        {
            return TypedResults.Forbid();
        }
        var (refusal, errors, choice) = await people.CheckAsync(http.User, request.Role, request.DealerIds, request.DepartmentIds, request.ChatLimit, ct);
        if (refusal is { } code)
        {
            return code == StatusCodes.Status404NotFound ? TypedResults.NotFound() : TypedResults.Forbid();
        }
        var email = PersonInput.Email(request.Email, errors);
        var first = PersonInput.Name(request.FirstName, "firstName", required: false, errors);
        var last = PersonInput.Name(request.LastName, "lastName", required: false, errors);
        if ((request.DealerIds?.Count ?? 0) == 0 && request.Role != AgentRole.Admin)
        {
            errors["dealerIds"] = ["required"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Please check the invitation.");
        }
        if (await EmailTakenAsync(db, email!, ct))
        {
            return EmailTaken();
        }

        var now = clock.GetUtcNow();
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var invitation = new Invitation
        {
            Email = email!,
            FirstName = first,
            LastName = last,
            Role = choice!.Role,
            DealerIds = choice.DealerIds,
            DepartmentIds = choice.DepartmentIds,
            ChatLimit = choice.ChatLimit,
            TokenHash = Hash(token),
            InvitedBy = http.User.AgentId(),
            CreatedAt = now,
            ExpiresAt = now + options.Value.InvitationValidFor,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // A new invitation replaces a pending one for the same address: only the newest link works.
            await db.Invitations.Where(i => i.Email == email && i.AcceptedAt == null && i.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), ct);
            db.Invitations.Add(invitation);
            await audit.RecordAsync(http.User, "agent.invited", choice.DealerIds.FirstOrDefault() is var d && d != Guid.Empty ? d : null, "invitation",
                invitation.Id, invitation.Email, null,
                new { invitation.Email, invitation.Role, invitation.DealerIds, invitation.DepartmentIds, invitation.ChatLimit, invitation.ExpiresAt }, ct);
            await transaction.CommitAsync(ct);
        }

        var link = $"{PeopleServices.LinkBase(http)}/invite/{token}";
        var emailed = false;
        if (mail.IsConfigured)
        {
            var inviter = await db.Users.Where(a => a.Id == invitation.InvitedBy).Select(a => a.FirstName + " " + a.LastName).SingleAsync(ct);
            var dealerNames = await db.Dealers.Where(x => invitation.DealerIds.Contains(x.Id)).OrderBy(x => x.Name).Select(x => x.Name).ToListAsync(ct);
            try
            {
                await mail.SendAsync(new EmailMessage(invitation.Email, "You are invited to Showroom", InvitationText(inviter, dealerNames, link, invitation.ExpiresAt)), ct);
                emailed = true;
            }
            catch (Exception e) when (e is IOException or MailKit.CommandException or MailKit.ProtocolException or System.Net.Sockets.SocketException
                or MailKit.Security.AuthenticationException)
            {
                // The invitation stands; the manager sees it was not sent and can invite again.
                log.LogError(e, "Invitation {InvitationId} could not be e-mailed", invitation.Id);
            }
        }
        var dto = new InvitationDto(invitation.Id, invitation.Email, invitation.Role, invitation.DealerIds, invitation.ExpiresAt, emailed,
            mail.IsConfigured ? null : link);
        return TypedResults.Created($"/api/invitations/{invitation.Id}", dto);
    }

    static async Task<Results<NoContent, NotFound>> Revoke(Guid invitationId, HttpContext http, ShowroomDb db, PeopleAdmin people,
        AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == invitationId && i.AcceptedAt == null && i.RevokedAt == null, ct);
        var managed = await people.ManagedDealerIdsAsync(http.User, ct);
        // Only someone who manages every dealer of the invitation may revoke it (an Admin's invitation without dealers: Admins).
        if (invitation is null || managed.Count == 0 || !invitation.DealerIds.All(managed.Contains)
            || (invitation.DealerIds.Count == 0 && !http.User.IsAdmin()))
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var revoked = await db.Invitations.Where(i => i.Id == invitationId && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), ct);
        if (revoked == 0)
        {
            return TypedResults.NotFound();
        }
        await audit.RecordAsync(http.User, "invitation.revoked", invitation.DealerIds.Count > 0 ? invitation.DealerIds[0] : null, "invitation",
            invitation.Id, invitation.Email, null, null, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<Ok<InvitationPreview>, ProblemHttpResult>> Preview(string token, ShowroomDb db, TimeProvider clock, CancellationToken ct)
    {
        var invitation = await UsableAsync(db, token, clock, ct);
        if (invitation is null)
        {
            return Invalid();
        }
        var names = await db.Dealers.Where(d => invitation.DealerIds.Contains(d.Id)).OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(ct);
        return TypedResults.Ok(new InvitationPreview(invitation.Email, invitation.FirstName, invitation.LastName, names));
    }

    static async Task<Results<Ok<MeResponse>, ValidationProblem, ProblemHttpResult>> Accept(
        string token, AcceptRequest request, ShowroomDb db, UserManager<Agent> users, SignInManager<Agent> signIn, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var invitation = await UsableAsync(db, token, clock, ct);
        if (invitation is null)
        {
            return Invalid();
        }
        var errors = new Dictionary<string, string[]>();
        var first = PersonInput.Name(request.FirstName, "firstName", required: true, errors);
        var last = PersonInput.Name(request.LastName, "lastName", required: true, errors);
        var zone = PersonInput.TimeZone(request.TimeZone, errors);
        await PersonInput.PasswordAsync(users, request.Password, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Please check the form.");
        }
        if (await EmailTakenAsync(db, invitation.Email, ct))
        {
            return EmailTaken();
        }

        var now = clock.GetUtcNow();
        // Dealers or departments removed since the invitation are simply left out.
        var dealerIds = await db.Dealers.Where(d => invitation.DealerIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        var departments = await db.Departments.Where(d => invitation.DepartmentIds.Contains(d.Id) && dealerIds.Contains(d.DealerId))
            .Select(d => new { d.Id, d.DealerId }).ToListAsync(ct);
        var agent = new Agent
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            FirstName = first!,
            LastName = last!,
            Role = invitation.Role,
            TimeZone = zone!,
            ChatLimit = invitation.ChatLimit,
            CreatedAt = now,
            PrimaryDealerId = invitation.DealerIds.FirstOrDefault(dealerIds.Contains) is var primary && primary != Guid.Empty ? primary : null,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Single use: of two concurrent accepts, one marks the invitation used; the other finds 0 rows.
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AgentId, agent.Id), ct);
        if (claimed == 0)
        {
            return Invalid();
        }
        var created = await users.CreateAsync(agent, request.Password!);
        if (!created.Succeeded)
        {
            return created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
                ? EmailTaken()
                : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = created.Errors.Select(e => e.Description).ToArray() });
        }
        db.AgentStates.Add(new AgentState { AgentId = agent.Id, Status = AgentStatus.Away, ChangedAt = now, Cause = StatusCause.Return });
        db.DealerMemberships.AddRange(dealerIds.Select(d => new DealerMembership { AgentId = agent.Id, DealerId = d }));
        db.DepartmentMemberships.AddRange(departments.Select(d => new DepartmentMembership { AgentId = agent.Id, DealerId = d.DealerId, DepartmentId = d.Id }));
        await audit.RecordAsync(agent.Id, "invitation.accepted", agent.PrimaryDealerId, "agent", agent.Id, agent.DisplayName, null,
            new { agent.Email, agent.Role, InvitationId = invitation.Id }, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(await AgentSignIn.StartSessionAsync(agent, signIn, db, clock, ct));
    }

    static async Task<Invitation?> UsableAsync(ShowroomDb db, string token, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        return await db.Invitations.AsNoTracking()
            .SingleOrDefaultAsync(i => i.TokenHash == hash && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, ct);
    }

    static Task<bool> EmailTakenAsync(ShowroomDb db, string email, CancellationToken ct)
    {
        var normalized = email.ToUpperInvariant();
        return db.Users.AnyAsync(a => a.NormalizedEmail == normalized, ct);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    static ProblemHttpResult Invalid() => TypedResults.Problem(
        title: "This invitation link cannot be used.", detail: "It may have expired or been used already. Ask your manager for a new one.",
        statusCode: StatusCodes.Status404NotFound, extensions: new Dictionary<string, object?> { ["code"] = "invitation_invalid" });

    static ProblemHttpResult EmailTaken() => TypedResults.Problem(
        title: "This e-mail address already has an account.", detail: "The person can sign in, or reset their password.",
        statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["code"] = "email_taken" });

    static string InvitationText(string inviter, List<string> dealers, string link, DateTimeOffset expires) =>
        new StringBuilder()
            .AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{inviter.Trim()} invited you to answer chats on Showroom{(dealers.Count > 0 ? " for " + string.Join(", ", dealers) : "")}.")
            .AppendLine()
            .AppendLine("Set your password and sign in with this link (it works once, until " + expires.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) + "):")
            .AppendLine(link)
            .AppendLine()
            .AppendLine("If you did not expect this message, ignore it.")
            .ToString();
}
