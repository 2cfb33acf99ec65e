using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Showroom.Agents;
using Showroom.Data;
using Showroom.Realtime;
using Showroom.Web;

namespace Showroom.Auth;

public sealed record SignInRequest(
    [property: Required, EmailAddress, MaxLength(256)] string Email,
    [property: Required, MaxLength(512)] string Password);

public sealed record ChangePasswordRequest([property: Required] string CurrentPassword, [property: Required] string NewPassword);

public sealed record AntiforgeryResponse(string Token);

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapGet("/antiforgery", GetAntiforgeryToken)
            .WithTags("Auth")
            .WithSummary("A token for the X-XSRF-TOKEN header of state-changing calls. Fetch it again after sign-in or sign-out.");

        var group = api.MapGroup("/auth").WithTags("Auth");
        group.MapPost("/signin", SignIn)
            .WithSummary("Signs an agent in with e-mail and password (cookie).");
        group.MapPost("/signout", SignOut).RequireAuthorization()
            .WithSummary("Signs this browser out and closes its live connections.");
        group.MapPost("/password", ChangePassword).RequireAuthorization()
            .WithSummary("Changes the agent's password; every other session and live connection ends.");
        return group;
    }

    static Ok<AntiforgeryResponse> GetAntiforgeryToken(HttpContext http, IAntiforgery antiforgery) =>
        TypedResults.Ok(new AntiforgeryResponse(antiforgery.GetAndStoreTokens(http).RequestToken ?? ""));

    static async Task<Results<Ok<MeResponse>, ValidationProblem, ProblemHttpResult>> SignIn(
        SignInRequest request,
        UserManager<Agent> users,
        SignInManager<Agent> signIn,
        ShowroomDb db,
        TimeProvider clock,
        ILogger<SignInRequest> log,
        CancellationToken ct)
    {
        if (Validation.Check(request) is { } invalid)
        {
            return invalid;
        }

        var agent = await users.FindByEmailAsync(request.Email.Trim());
        if (agent is null)
        {
            // Spend the time a password check takes, so a response's speed does not tell whether the address exists.
            users.PasswordHasher.VerifyHashedPassword(new Agent { FirstName = "", LastName = "", TimeZone = "UTC" }, DummyHash.Value, request.Password);
            return InvalidCredentials();
        }

        var check = await signIn.CheckPasswordSignInAsync(agent, request.Password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            var until = agent.LockoutEnd ?? clock.GetUtcNow();
            var seconds = Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalSeconds));
            log.LogWarning("Sign-in refused for agent {AgentId}: locked out for {Seconds} s", agent.Id, seconds);
            return TypedResults.Problem(
                title: "Account locked",
                detail: $"Too many failed attempts. Try again in {(seconds + 59) / 60} minute(s).",
                statusCode: StatusCodes.Status403Forbidden,
                extensions: new Dictionary<string, object?> { ["code"] = "locked_out", ["retryAfterSeconds"] = seconds });
        }
        if (!check.Succeeded)
        {
            return InvalidCredentials();
        }
        if (!agent.IsActive)
        {
            return TypedResults.Problem(
                title: "Account deactivated",
                detail: "This account has been deactivated. Ask your manager.",
                statusCode: StatusCodes.Status403Forbidden,
                extensions: new Dictionary<string, object?> { ["code"] = "deactivated" });
        }

        agent.LastSignInAt = clock.GetUtcNow();
        await users.UpdateAsync(agent);
        var session = new AgentSession { Id = Guid.NewGuid().ToString("N"), AgentId = agent.Id, CreatedAt = clock.GetUtcNow() };
        db.AgentSessions.Add(session);
        await db.SaveChangesAsync(ct);
        await signIn.SignInWithClaimsAsync(agent, isPersistent: true, [new Claim(AgentClaims.Session, session.Id)]);
        log.LogInformation("Agent {AgentId} signed in", agent.Id);
        return TypedResults.Ok((await AgentsApi.LoadMeAsync(db, agent.Id, ct))!);
    }

    static ProblemHttpResult InvalidCredentials() => TypedResults.Problem(
        title: "Invalid email or password.",
        statusCode: StatusCodes.Status401Unauthorized,
        extensions: new Dictionary<string, object?> { ["code"] = "invalid_credentials" });

    static async Task<NoContent> SignOut(HttpContext http, SignInManager<Agent> signIn, SessionTerminator sessions, ShowroomDb db, TimeProvider clock, ILogger<SignInRequest> log)
    {
        var agentId = http.User.AgentId();
        var session = http.User.SessionId();
        // Ended in the database first: a connection that opens while this runs checks it after registering.
        var now = clock.GetUtcNow();
        await db.AgentSessions.Where(s => s.Id == session && s.AgentId == agentId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now));
        await signIn.SignOutAsync();
        try
        {
            await sessions.EndAsync(agentId, session, "signed-out");
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            // Signed out all the same: each node's presence sweep closes connections of ended sessions.
            log.LogWarning(e, "Could not tell the other nodes that a session of agent {AgentId} ended", agentId);
        }
        return TypedResults.NoContent();
    }

    static async Task<Results<NoContent, ValidationProblem, NotFound>> ChangePassword(
        ChangePasswordRequest request,
        HttpContext http,
        UserManager<Agent> users,
        SignInManager<Agent> signIn,
        SessionTerminator sessions)
    {
        if (Validation.Check(request) is { } invalid)
        {
            return invalid;
        }
        var agent = await users.FindByIdAsync(http.User.AgentId().ToString());
        if (agent is null)
        {
            return TypedResults.NotFound();
        }
        // Counted like a failed sign-in: a stolen cookie does not allow guessing the password.
        if (!(await signIn.CheckPasswordSignInAsync(agent, request.CurrentPassword, lockoutOnFailure: true)).Succeeded)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [nameof(request.CurrentPassword)] = ["Incorrect password."] });
        }
        var result = await users.ChangePasswordAsync(agent, request.CurrentPassword, request.NewPassword);
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(result.Errors
                .GroupBy(e => e.Code.Contains("Mismatch", StringComparison.Ordinal) ? nameof(request.CurrentPassword) : nameof(request.NewPassword))
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }
        // ChangePasswordAsync renewed the security stamp: other cookies stop working on their next request.
        // Live connections do not make requests, so they are closed here, this browser's included;
        // this browser gets a fresh cookie and reconnects.
        await sessions.EndAsync(agent.Id, session: null, "password-changed");
        await SessionValidation.ReissueAsync(signIn, agent, http.User);
        return TypedResults.NoContent();
    }

    static class DummyHash
    {
        public static readonly string Value = new PasswordHasher<Agent>().HashPassword(
            new Agent { FirstName = "", LastName = "", TimeZone = "UTC" }, Guid.NewGuid().ToString());
    }
}
