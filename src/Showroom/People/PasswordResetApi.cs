using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Showroom.Agents;
using Showroom.Audit;
using Showroom.Data;
using Showroom.Email;
using Showroom.Realtime;

namespace Showroom.People;

public sealed record ResetRequest(string? Email, string? Token, string? NewPassword);

public sealed record ResetLinkRequest(string? Email);

/// <summary>
/// Setting a new password with a one-time link (made by a manager, or asked for by the agent). Every failure about
/// the account or the token is the same answer, so the endpoint tells nothing about other people's accounts.
/// </summary>
public static class PasswordResetApi
{
    public static RouteGroupBuilder MapPasswordResetApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/password-reset").AllowAnonymous().WithTags("People");
        group.MapPost("/", Reset).WithSummary("Sets a new password with the link's token; every session of the agent ends.");
        group.MapPost("/request", RequestLink).WithSummary("E-mails a reset link if an active account has this address; always 202.");
        return group;
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Reset(
        ResetRequest request, UserManager<Agent> users, ShowroomDb db, SessionTerminator sessions, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        // The password rules first, without any account: their answer is the same whoever the address belongs to.
        var errors = new Dictionary<string, string[]>();
        await PersonInput.PasswordAsync(users, request.NewPassword, errors, "newPassword");
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Please choose another password.");
        }
        var agent = string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Token) ? null : await users.FindByEmailAsync(request.Email.Trim());
        if (agent is null || !agent.IsActive)
        {
            return Invalid();
        }
        // Renews the security stamp: this token (and every other reset link and cookie of the agent) stops working.
        var result = await users.ResetPasswordAsync(agent, request.Token!, request.NewPassword!);
        if (!result.Succeeded)
        {
            return Invalid();
        }
        await users.SetLockoutEndDateAsync(agent, null);
        await users.ResetAccessFailedCountAsync(agent);
        var now = clock.GetUtcNow();
        await db.AgentSessions.Where(s => s.AgentId == agent.Id && s.EndedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), ct);
        await audit.RecordAsync(agent.Id, "agent.password_reset", agent.PrimaryDealerId, "agent", agent.Id, agent.DisplayName, null, null, ct);
        await sessions.EndAsync(agent.Id, null, "password-changed");
        return TypedResults.NoContent();
    }

    static async Task<Accepted> RequestLink(ResetLinkRequest request, HttpContext http, UserManager<Agent> users, IEmailSender mail,
        IOptions<PeopleOptions> options, ILogger<ResetLinkRequest> log, CancellationToken ct)
    {
        var email = request.Email?.Trim();
        if (!string.IsNullOrEmpty(email) && email.Length <= 256 && await users.FindByEmailAsync(email) is { IsActive: true } agent)
        {
            await TrySendAsync(mail, agent, await LinkAsync(http, users, agent), options.Value.ResetValidFor, log, ct);
        }
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<string> LinkAsync(HttpContext http, UserManager<Agent> users, Agent agent)
    {
        var token = await users.GeneratePasswordResetTokenAsync(agent);
        return $"{PeopleServices.LinkBase(http)}/reset-password?email={Uri.EscapeDataString(agent.Email ?? "")}&token={Uri.EscapeDataString(token)}";
    }

    public static async Task<bool> TrySendAsync(IEmailSender mail, Agent agent, string link, TimeSpan validFor, ILogger log, CancellationToken ct)
    {
        var hours = Math.Max(1, (int)Math.Round(validFor.TotalHours));
        try
        {
            await mail.SendAsync(new EmailMessage(agent.Email!, "Reset your Showroom password",
                $"Hello {agent.FirstName},\n\nChoose a new Showroom password with this link. It works once, for {hours} hour(s):\n{link}\n\n"
                + "If you did not ask for this, ignore this message: your password stays as it is.\n"), ct);
            return true;
        }
        catch (Exception e) when (e is IOException or MailKit.CommandException or MailKit.ProtocolException or System.Net.Sockets.SocketException
            or MailKit.Security.AuthenticationException)
        {
            log.LogError(e, "The password-reset link for agent {AgentId} could not be e-mailed", agent.Id);
            return false;
        }
    }

    static ProblemHttpResult Invalid() => TypedResults.Problem(
        title: "This reset link cannot be used.", detail: "It may have expired or been used already. Ask for a new one.",
        statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["code"] = "reset_invalid" });
}
