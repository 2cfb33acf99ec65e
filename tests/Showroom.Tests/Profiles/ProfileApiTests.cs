using System.Net;
using System.Text.Json;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Profiles;

public sealed class ProfileApiTests(ShowroomApp app) : IClassFixture<ShowroomApp>
{
    async Task<string> IdOfAsync(string email)
    {
        await using var session = await app.SignInAsync(email);
        return (await session.GetJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString()!;
    }

    static object Update(string first, string last, string email, string locale = "en-US", string timeZone = "America/Chicago", string? currentPassword = null) =>
        new { firstName = first, lastName = last, email, locale, timeZone, currentPassword };

    [Fact]
    public async Task Agent_saves_names_locale_and_time_zone()
    {
        await using var sam = await app.SignInAsync("sam@example.com");
        var id = await IdOfAsync("sam@example.com");

        using var response = await sam.SendAsync(HttpMethod.Put, $"/api/agents/{id}/profile",
            Update("Samuel", "Carter", "sam@example.com", "es-US", "America/Los_Angeles"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await sam.GetJsonAsync<JsonElement>("/api/me");
        Assert.Equal("Samuel Carter", me.GetProperty("displayName").GetString());
        Assert.Equal("es-US", me.GetProperty("locale").GetString());
        Assert.Equal("America/Los_Angeles", me.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task Each_bad_field_gets_its_own_error_and_nothing_is_saved()
    {
        await using var jordan = await app.SignInAsync("jordan@example.com");
        var id = await IdOfAsync("jordan@example.com");

        using var response = await jordan.SendAsync(HttpMethod.Put, $"/api/agents/{id}/profile",
            Update("", new string('x', 101), "jordan@example.com", "de-DE", "Mars/Olympus_Mons"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("required", errors.GetProperty("firstName")[0].GetString());
        Assert.Equal("too_long", errors.GetProperty("lastName")[0].GetString());
        Assert.Equal("invalid", errors.GetProperty("locale")[0].GetString());
        Assert.Equal("invalid", errors.GetProperty("timeZone")[0].GetString());
        var me = await jordan.GetJsonAsync<JsonElement>("/api/me");
        Assert.Equal("Jordan Lee", me.GetProperty("displayName").GetString());
        Assert.Equal("en-US", me.GetProperty("locale").GetString());
    }

    [Fact]
    public async Task Changing_the_email_needs_the_current_password_and_a_unique_valid_address()
    {
        await using var priya = await app.SignInAsync("priya@example.com");
        var id = await IdOfAsync("priya@example.com");
        async Task<JsonElement> ErrorsFor(object update)
        {
            using var response = await priya.SendAsync(HttpMethod.Put, $"/api/agents/{id}/profile", update);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.ReadJsonAsync()).GetProperty("errors");
        }

        Assert.Equal("password_required", (await ErrorsFor(Update("Priya", "Patel", "priya.p@example.com"))).GetProperty("currentPassword")[0].GetString());
        Assert.Equal("password_wrong", (await ErrorsFor(Update("Priya", "Patel", "priya.p@example.com", currentPassword: "wrong-one-123"))).GetProperty("currentPassword")[0].GetString());
        Assert.Equal("taken", (await ErrorsFor(Update("Priya", "Patel", "chris@example.com", currentPassword: Demo.DemoData.Password))).GetProperty("email")[0].GetString());
        Assert.Equal("invalid", (await ErrorsFor(Update("Priya", "Patel", "not an address", currentPassword: Demo.DemoData.Password))).GetProperty("email")[0].GetString());

        using var ok = await priya.SendAsync(HttpMethod.Put, $"/api/agents/{id}/profile",
            Update("Priya", "Patel", "priya.p@example.com", currentPassword: Demo.DemoData.Password));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        // This browser stays signed in; the new address is the sign-in name now.
        Assert.Equal("priya.p@example.com", (await priya.GetJsonAsync<JsonElement>("/api/me")).GetProperty("email").GetString());
        await using var fresh = app.NewSession();
        Assert.Equal(HttpStatusCode.OK, (await fresh.SignInAsync("priya.p@example.com", Demo.DemoData.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.SignInAsync("priya@example.com", Demo.DemoData.Password)).StatusCode);
    }

    [Fact]
    public async Task Manager_edits_an_agents_names_but_not_their_email()
    {
        await using var manager = await app.SignInAsync("manager@example.com");
        var chris = await IdOfAsync("chris@example.com");

        using var names = await manager.SendAsync(HttpMethod.Put, $"/api/agents/{chris}/profile", Update("Christopher", "Nguyen", "chris@example.com"));
        using var email = await manager.SendAsync(HttpMethod.Put, $"/api/agents/{chris}/profile", Update("Christopher", "Nguyen", "c.nguyen@example.com"));

        Assert.Equal(HttpStatusCode.OK, names.StatusCode);
        Assert.False((await names.ReadJsonAsync()).GetProperty("canChangeEmail").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, email.StatusCode);
        Assert.Equal("not_allowed", (await email.ReadJsonAsync()).GetProperty("errors").GetProperty("email")[0].GetString());
    }

    [Fact]
    public async Task Admin_changes_an_agents_email_without_their_password()
    {
        await using var admin = await app.SignInAsync("admin@example.com");
        var jordanId = await IdOfAsync("jordan@example.com");
        var profile = await admin.GetJsonAsync<JsonElement>($"/api/agents/{jordanId}/profile");

        using var response = await admin.SendAsync(HttpMethod.Put, $"/api/agents/{jordanId}/profile",
            Update(profile.GetProperty("firstName").GetString()!, "Lee", "jordan.lee@example.com",
                profile.GetProperty("locale").GetString()!, profile.GetProperty("timeZone").GetString()!));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var fresh = app.NewSession();
        Assert.Equal(HttpStatusCode.OK, (await fresh.SignInAsync("jordan.lee@example.com", Demo.DemoData.Password)).StatusCode);
    }

    [Fact]
    public async Task Agents_cannot_edit_teammates_and_never_see_other_dealers_agents()
    {
        await using var sam = await app.SignInAsync("sam@example.com");
        var teammate = await IdOfAsync("manager@example.com");
        var otherDealer = await IdOfAsync("chris@example.com");

        var viewed = await sam.GetJsonAsync<JsonElement>($"/api/agents/{teammate}/profile");
        Assert.False(viewed.GetProperty("canEdit").GetBoolean());
        Assert.True((await sam.GetJsonAsync<JsonElement>($"/api/agents/{await IdOfAsync("sam@example.com")}/profile")).GetProperty("canEdit").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.SendAsync(HttpMethod.Put, $"/api/agents/{teammate}/profile", Update("X", "Y", "manager@example.com"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.SendAsync(HttpMethod.Delete, $"/api/agents/{teammate}/headshot")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.Http.GetAsync($"/api/agents/{otherDealer}/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.SendAsync(HttpMethod.Put, $"/api/agents/{otherDealer}/profile", Update("X", "Y", "chris@example.com"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.SendAsync(HttpMethod.Delete, $"/api/agents/{otherDealer}/headshot")).StatusCode);
    }

    [Fact]
    public async Task Time_zone_list_has_every_iana_zone()
    {
        await using var sam = await app.SignInAsync("sam@example.com");

        var zones = (await sam.GetJsonAsync<JsonElement>("/api/timezones")).EnumerateArray().Select(z => z.GetString()).ToList();

        Assert.Contains("America/Chicago", zones);
        Assert.Contains("Europe/Paris", zones);
        Assert.Contains("Pacific/Auckland", zones);
        Assert.True(zones.Count > 300, $"{zones.Count} zones");
    }
}
