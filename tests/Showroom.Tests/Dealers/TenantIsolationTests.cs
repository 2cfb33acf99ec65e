using System.Net;
using System.Text.Json;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Dealers;

public sealed class TenantIsolationTests(ShowroomApp app) : IClassFixture<ShowroomApp>
{
    async Task<(string Downtown, string Lakeside)> DealerIdsAsync()
    {
        await using var admin = await app.SignInAsync("admin@example.com");
        var dealers = await admin.GetJsonAsync<JsonElement>("/api/dealers");
        string Id(string name) => dealers.EnumerateArray().Single(d => d.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
        return (Id("Example Motors Downtown"), Id("Example Motors Lakeside"));
    }

    [Fact]
    public async Task Agent_lists_only_their_own_dealers()
    {
        await using var sam = await app.SignInAsync("sam@example.com");

        var dealers = await sam.GetJsonAsync<JsonElement>("/api/dealers");

        var names = dealers.EnumerateArray().Select(d => d.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Example Motors Downtown"], names);
        Assert.Equal(4, dealers[0].GetProperty("departments").GetArrayLength());
    }

    [Fact]
    public async Task Another_dealers_data_is_404()
    {
        var (downtown, lakeside) = await DealerIdsAsync();
        await using var sam = await app.SignInAsync("sam@example.com");

        Assert.Equal(HttpStatusCode.OK, (await sam.Http.GetAsync($"/api/dealers/{downtown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.Http.GetAsync($"/api/dealers/{lakeside}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.Http.GetAsync($"/api/dealers/{lakeside}/agents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.Http.GetAsync($"/api/dealers/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Teammates_list_shows_only_the_dealers_agents()
    {
        var (_, lakeside) = await DealerIdsAsync();
        await using var priya = await app.SignInAsync("priya@example.com");

        var agents = await priya.GetJsonAsync<JsonElement>($"/api/dealers/{lakeside}/agents");

        var names = agents.EnumerateArray().Select(a => a.GetProperty("displayName").GetString()).Order().ToList();
        Assert.Equal(["Chris Nguyen", "Maria Lopez", "Priya Patel"], names);
    }

    [Fact]
    public async Task Manager_of_both_dealers_and_admin_see_both()
    {
        await using var manager = await app.SignInAsync("manager@example.com");
        await using var admin = await app.SignInAsync("admin@example.com");

        Assert.Equal(2, (await manager.GetJsonAsync<JsonElement>("/api/dealers")).GetArrayLength());
        Assert.Equal(2, (await admin.GetJsonAsync<JsonElement>("/api/dealers")).GetArrayLength());
    }

    [Fact]
    public async Task Anonymous_callers_get_401_not_data()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/dealers")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Admin_only_endpoints_refuse_other_roles()
    {
        await using var manager = await app.SignInAsync("manager@example.com");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Http.GetAsync("/api/admin/mail")).StatusCode);
    }
}
