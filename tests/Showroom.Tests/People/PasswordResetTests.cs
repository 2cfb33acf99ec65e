using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.People;

public sealed class PasswordResetTests : IAsyncLifetime
{
    readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    ShowroomApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = ShowroomApp.Create(new Dictionary<string, string?> { ["PasswordReset:ValidFor"] = "01:00:00" }, _clock);
        await _app.InitializeAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    async Task<(string Email, string Token)> ResetLinkForSamAsync()
    {
        await using var manager = await _app.SignInAsync("manager@example.com");
        var sam = (await manager.GetJsonAsync<JsonElement>($"/api/dealers/{(await People.DealerIdsAsync(_app))["Example Motors Downtown"]}/people"))
            .EnumerateArray().Single(p => p.GetProperty("email").GetString() == "sam@example.com").GetProperty("id").GetString();
        using var response = await manager.SendAsync(HttpMethod.Post, $"/api/agents/{sam}/password-reset");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var url = new Uri((await response.ReadJsonAsync()).GetProperty("resetUrl").GetString()!);
        Assert.Equal("/reset-password", url.AbsolutePath);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query);
        return (query["email"].ToString(), query["token"].ToString());
    }

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once_and_ends_the_old_sessions()
    {
        await using var samBefore = await _app.SignInAsync("sam@example.com");
        var (email, token) = await ResetLinkForSamAsync();
        await using var browser = _app.NewSession();

        using var reset = await browser.SendAsync(HttpMethod.Post, "/api/password-reset", new { email, token, newPassword = "brand-new-pass-1" });
        using var reused = await browser.SendAsync(HttpMethod.Post, "/api/password-reset", new { email, token, newPassword = "another-pass-2" });

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal("reset_invalid", (await reused.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await samBefore.Http.GetAsync("/api/me")).StatusCode);
        await using var samAfter = await _app.SignInAsync("sam@example.com", "brand-new-pass-1");
    }

    [Fact]
    public async Task An_expired_link_and_an_unknown_address_get_the_same_answer()
    {
        var (email, token) = await ResetLinkForSamAsync();
        await using var browser = _app.NewSession();
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        using var expired = await browser.SendAsync(HttpMethod.Post, "/api/password-reset", new { email, token, newPassword = "brand-new-pass-1" });
        using var unknown = await browser.SendAsync(HttpMethod.Post, "/api/password-reset", new { email = "nobody@example.com", token, newPassword = "brand-new-pass-1" });
        using var weak = await browser.SendAsync(HttpMethod.Post, "/api/password-reset", new { email = "nobody@example.com", token, newPassword = "short" });
        using var request = await browser.SendAsync(HttpMethod.Post, "/api/password-reset/request", new { email = "nobody@example.com" });

        static async Task<string> WithoutTraceAsync(HttpResponseMessage r) =>
            System.Text.RegularExpressions.Regex.Replace(await r.Content.ReadAsStringAsync(), "\"traceId\":\"[^\"]*\"", "");
        var answer = await WithoutTraceAsync(expired);
        Assert.Equal(answer, await WithoutTraceAsync(unknown));
        Assert.Contains("\"code\":\"reset_invalid\"", answer, StringComparison.Ordinal);
        Assert.True((await weak.ReadJsonAsync()).GetProperty("errors").TryGetProperty("newPassword", out _));
        Assert.Equal(HttpStatusCode.Accepted, request.StatusCode);
        await using var stillOld = await _app.SignInAsync("sam@example.com");
    }
}
