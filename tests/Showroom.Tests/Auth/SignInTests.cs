using System.Net;
using System.Net.Http.Json;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Auth;

public sealed class SignInTests(ShowroomApp app) : IClassFixture<ShowroomApp>
{
    [Fact]
    public async Task Demo_agent_signs_in_and_sees_their_profile()
    {
        await using var session = app.NewSession();
        using var response = await session.SignInAsync("sam@example.com", Demo.DemoData.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await session.GetJsonAsync<System.Text.Json.JsonElement>("/api/me");
        Assert.Equal("Sam Carter", me.GetProperty("displayName").GetString());
        Assert.Equal("Agent", me.GetProperty("role").GetString());
        Assert.Equal("Example Motors Downtown", me.GetProperty("dealers")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_message()
    {
        await using var session = app.NewSession();
        using var wrongPassword = await session.SignInAsync("jordan@example.com", "not-the-password-1");
        using var unknownEmail = await session.SignInAsync("nobody@example.com", "not-the-password-1");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        var a = await wrongPassword.ReadJsonAsync();
        var b = await unknownEmail.ReadJsonAsync();
        Assert.Equal("Invalid email or password.", a.GetProperty("title").GetString());
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
        Assert.Equal("invalid_credentials", b.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Five_failures_lock_the_account_and_say_for_how_long()
    {
        await using var session = app.NewSession();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var failed = await session.SignInAsync("chris@example.com", "wrong-password-123");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }
        using var fifth = await session.SignInAsync("chris@example.com", "wrong-password-123");
        Assert.Equal(HttpStatusCode.Forbidden, fifth.StatusCode);

        // Locked now: even the right password is refused, with the time the lock lasts.
        using var locked = await session.SignInAsync("chris@example.com", Demo.DemoData.Password);
        Assert.Equal(HttpStatusCode.Forbidden, locked.StatusCode);
        var problem = await locked.ReadJsonAsync();
        Assert.Equal("locked_out", problem.GetProperty("code").GetString());
        var seconds = problem.GetProperty("retryAfterSeconds").GetInt32();
        Assert.InRange(seconds, 14 * 60, 15 * 60);
    }

    [Fact]
    public async Task Sign_in_without_the_antiforgery_token_is_refused()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var response = await http.PostAsJsonAsync("/api/auth/signin", new { email = "sam@example.com", password = Demo.DemoData.Password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("antiforgery", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Malformed_sign_in_gets_field_errors()
    {
        await using var session = app.NewSession();
        using var response = await session.SignInAsync("not-an-email", "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("Email", out _));
        Assert.True(errors.TryGetProperty("Password", out _));
    }

    [Fact]
    public async Task Signed_out_agent_can_no_longer_call_the_api()
    {
        await using var session = await app.SignInAsync("jordan@example.com");
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/api/me")).StatusCode);

        using var signOut = await session.SignOutAsync();

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Http.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_signs_out_other_browsers()
    {
        await using var other = await app.SignInAsync("priya@example.com");
        await using var session = await app.SignInAsync("priya@example.com");

        using var change = await session.SendAsync(HttpMethod.Post, "/api/auth/password",
            new { currentPassword = Demo.DemoData.Password, newPassword = "Another-Password-2" });

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.Http.GetAsync("/api/me")).StatusCode);
        await using var fresh = app.NewSession();
        Assert.Equal(HttpStatusCode.OK, (await fresh.SignInAsync("priya@example.com", "Another-Password-2")).StatusCode);
    }

    [Fact]
    public async Task Password_change_checks_its_fields_and_counts_wrong_passwords_toward_lockout()
    {
        await using var session = await app.SignInAsync("manager@example.com");

        using var empty = await session.SendAsync(HttpMethod.Post, "/api/auth/password", new { });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.ReadJsonAsync()).GetProperty("errors").TryGetProperty("CurrentPassword", out _));
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await session.SendAsync(HttpMethod.Post, "/api/auth/password", new { currentPassword = "guess-number-" + attempt, newPassword = "Whatever-Password-1" });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        // Five wrong guesses through the password form lock the account like five wrong sign-ins.
        await using var fresh = app.NewSession();
        using var locked = await fresh.SignInAsync("manager@example.com", Demo.DemoData.Password);
        Assert.Equal(HttpStatusCode.Forbidden, locked.StatusCode);
    }
}
