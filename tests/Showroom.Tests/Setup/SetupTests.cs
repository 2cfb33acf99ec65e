using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Showroom.Data;
using Showroom.Setup;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Setup;

/// <summary>First run on an empty database without demo data: the printed setup code makes the first Admin, once.</summary>
public sealed class SetupTests : IAsyncLifetime
{
    readonly ShowroomApp _app = ShowroomApp.Create(new Dictionary<string, string?> { ["Showroom:SeedDemoData"] = "false" });

    public Task InitializeAsync() => _app.InitializeAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    string Code => _app.Services.GetRequiredService<SetupCode>().Value;

    static object Form(string code, string email = "owner@example.com") =>
        new { setupCode = code, email, firstName = "Olivia", lastName = "Owner", password = "first-admin-1", timeZone = "America/Chicago" };

    [Fact]
    public async Task The_setup_code_creates_the_first_Admin_and_signs_them_in_once()
    {
        await using var browser = _app.NewSession();
        Assert.True((await browser.GetJsonAsync<JsonElement>("/api/setup")).GetProperty("needed").GetBoolean());

        using var wrong = await browser.SendAsync(HttpMethod.Post, "/api/setup", Form("AAAA-AAAA"));
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal("setup_code", (await wrong.ReadJsonAsync()).GetProperty("code").GetString());

        using var created = await browser.SendAsync(HttpMethod.Post, "/api/setup", Form(Code.ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var me = await browser.GetJsonAsync<JsonElement>("/api/me");
        Assert.Equal("Admin", me.GetProperty("role").GetString());
        Assert.False((await browser.GetJsonAsync<JsonElement>("/api/setup")).GetProperty("needed").GetBoolean());

        await using var other = _app.NewSession();
        using var again = await other.SendAsync(HttpMethod.Post, "/api/setup", Form(Code, "intruder@example.com"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("setup_done", (await again.ReadJsonAsync()).GetProperty("code").GetString());
        await using var signedIn = await _app.SignInAsync("owner@example.com", "first-admin-1");
    }

    [Fact]
    public async Task Bad_fields_are_reported_by_name_and_create_nothing()
    {
        await using var browser = _app.NewSession();

        using var response = await browser.SendAsync(HttpMethod.Post, "/api/setup",
            new { setupCode = Code, email = "not-an-address", firstName = "", lastName = "Owner", password = "short", timeZone = "Mars/Olympus" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal(["email", "firstName", "password", "timeZone"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.True((await browser.GetJsonAsync<JsonElement>("/api/setup")).GetProperty("needed").GetBoolean());
    }

    [Fact]
    public async Task Two_concurrent_setups_create_one_Admin()
    {
        await using var first = _app.NewSession();
        await using var second = _app.NewSession();

        var responses = await Task.WhenAll(
            first.SendAsync(HttpMethod.Post, "/api/setup", Form(Code, "one@example.com")),
            second.SendAsync(HttpMethod.Post, "/api/setup", Form(Code, "two@example.com")));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ShowroomDb>().Users.CountAsync());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
