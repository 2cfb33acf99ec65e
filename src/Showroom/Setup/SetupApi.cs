using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Showroom.Agents;
using Showroom.Audit;
using Showroom.Auth;
using Showroom.Data;
using Showroom.People;
using Showroom.Presence;

namespace Showroom.Setup;

public sealed record SetupStatus(bool Needed);

public sealed record SetupRequest(string? SetupCode, string? Email, string? FirstName, string? LastName, string? Password, string? TimeZone);

/// <summary>First run: on a database without agents, the person holding the printed setup code creates the first Admin.</summary>
public static class SetupApi
{
    /// <summary>The row whose primary key lets only one setup succeed, across concurrent calls and nodes.</summary>
    const string Marker = "setup";

    public static RouteGroupBuilder MapSetupApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/setup").AllowAnonymous().WithTags("Setup");
        group.MapGet("/", async (ShowroomDb db, CancellationToken ct) => TypedResults.Ok(new SetupStatus(await IsNeededAsync(db, ct))))
            .WithSummary("Whether the first Admin still has to be created.");
        group.MapPost("/", Create).WithSummary("Creates the first Admin with the setup code printed at start, and signs them in.");
        return group;
    }

    public static async Task<bool> IsNeededAsync(ShowroomDb db, CancellationToken ct) => !await db.Users.AnyAsync(ct);

    static async Task<Results<Ok<MeResponse>, ValidationProblem, ProblemHttpResult>> Create(
        SetupRequest request, SetupCode code, ShowroomDb db, UserManager<Agent> users, SignInManager<Agent> signIn, AuditLog audit,
        TimeProvider clock, ILogger<SetupCode> log, CancellationToken ct)
    {
        if (!await IsNeededAsync(db, ct))
        {
            return Done();
        }
        if (!code.Matches(request.SetupCode))
        {
            return TypedResults.Problem(title: "Wrong setup code.", detail: "Type the setup code printed in the server's start-up output.",
                statusCode: StatusCodes.Status403Forbidden, extensions: new Dictionary<string, object?> { ["code"] = "setup_code" });
        }
        var (agent, errors) = await NewAdminAsync(users, request.Email, request.FirstName, request.LastName, request.Password, request.TimeZone, clock);
        if (agent is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Please check the form.");
        }
        var created = await CreateFirstAdminAsync(db, users, audit, agent, request.Password!, clock, ct);
        if (!created)
        {
            return Done();
        }
        log.LogInformation("First Admin {AgentId} created through the setup page", agent.Id);
        return TypedResults.Ok(await AgentSignIn.StartSessionAsync(agent, signIn, db, clock, ct));
    }

    static ProblemHttpResult Done() => TypedResults.Problem(title: "Showroom is set up already.", detail: "Sign in with your account.",
        statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["code"] = "setup_done" });

    /// <summary>Checks the form and builds the (unsaved) Admin, or returns field errors.</summary>
    public static async Task<(Agent? Agent, Dictionary<string, string[]> Errors)> NewAdminAsync(
        UserManager<Agent> users, string? email, string? firstName, string? lastName, string? password, string? timeZone, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var address = PersonInput.Email(email, errors);
        var first = PersonInput.Name(firstName, "firstName", required: true, errors);
        var last = PersonInput.Name(lastName, "lastName", required: true, errors);
        var zone = PersonInput.TimeZone(timeZone, errors);
        await PersonInput.PasswordAsync(users, password, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new Agent
        {
            UserName = address,
            Email = address,
            EmailConfirmed = true,
            FirstName = first!,
            LastName = last!,
            Role = AgentRole.Admin,
            TimeZone = zone!,
            CreatedAt = clock.GetUtcNow(),
        }, errors);
    }

    /// <summary>
    /// Inserts the setup marker and the Admin in one transaction: of two concurrent calls, the second one's
    /// marker insert fails on the primary key (it waits for the first to commit), so exactly one Admin is made.
    /// </summary>
    public static async Task<bool> CreateFirstAdminAsync(ShowroomDb db, UserManager<Agent> users, AuditLog audit, Agent agent, string password, TimeProvider clock, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.ServerKeys.Add(new Notifications.ServerKey { Name = Marker, Value = "done", CreatedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return false;
        }
        if (await db.Users.AnyAsync(ct))
        {
            return false;
        }
        var result = await users.CreateAsync(agent, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The first Admin could not be created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
        db.AgentStates.Add(new AgentState { AgentId = agent.Id, Status = AgentStatus.Away, ChangedAt = clock.GetUtcNow(), Cause = StatusCause.Return });
        await audit.RecordAsync(agent.Id, "setup.admin_created", null, "agent", agent.Id, agent.DisplayName, null,
            new { agent.Email, agent.FirstName, agent.LastName, agent.Role }, ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
