using System.Net;
using System.Text.Json;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Dealers;

public sealed class DealerAdminTests(ShowroomApp app) : IClassFixture<ShowroomApp>
{
    static readonly string[] BadOrigins = ["https://ok.example", "https://ok.example/path", "https://OK.example"];

    static object Dealer(string groupId, string name, params string[] origins) => new
    {
        name, groupId, timeZone = "America/Denver",
        address = new { street = "1 Main St", city = "Boulder", region = "CO", postalCode = "80302", country = "US" },
        websiteOrigins = origins, leadEmail = "leads@mountain.example",
    };

    [Fact]
    public async Task Admin_creates_a_group_and_a_dealer_with_every_field_checked_and_nothing_saved_partially()
    {
        await using var admin = await app.SignInAsync("admin@example.com");
        using var group = await admin.SendAsync(HttpMethod.Post, "/api/dealer-groups", new { name = "Mountain Group" });
        Assert.Equal(HttpStatusCode.Created, group.StatusCode);
        var groupJson = await group.ReadJsonAsync();
        Assert.False(groupJson.GetProperty("allowCrossDealerWork").GetBoolean());
        var groupId = groupJson.GetProperty("id").GetString()!;
        var before = (await admin.GetJsonAsync<JsonElement>("/api/dealers")).GetArrayLength();

        using var bad = await admin.SendAsync(HttpMethod.Post, "/api/dealers", new
        {
            name = "", groupId = Guid.NewGuid(), timeZone = "Eastern Standard Time",
            address = new { postalCode = new string('9', 30) },
            websiteOrigins = BadOrigins, leadEmail = "nope",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["address.postalCode", "groupId", "leadEmail", "name", "timeZone", "websiteOrigins[1]", "websiteOrigins[2]"],
            (await bad.ReadJsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(before, (await admin.GetJsonAsync<JsonElement>("/api/dealers")).GetArrayLength());

        using var created = await admin.SendAsync(HttpMethod.Post, "/api/dealers", Dealer(groupId, "Mountain Motors", "https://mountain.example:8443"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString();
        var dealer = await admin.GetJsonAsync<JsonElement>($"/api/dealers/{id}");
        Assert.Equal("Boulder", dealer.GetProperty("address").GetProperty("city").GetString());
        Assert.Equal(["https://mountain.example:8443"], dealer.GetProperty("websiteOrigins").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("leads@mountain.example", dealer.GetProperty("leadEmail").GetString());

        using var renamed = await admin.SendAsync(HttpMethod.Put, $"/api/dealer-groups/{groupId}", new { name = "Mountain Auto Group", allowCrossDealerWork = true });
        Assert.True((await renamed.ReadJsonAsync()).GetProperty("allowCrossDealerWork").GetBoolean());
    }

    [Fact]
    public async Task Managers_may_not_create_or_change_dealers_but_run_their_departments_hours_and_holidays()
    {
        await using var admin = await app.SignInAsync("admin@example.com");
        var downtown = (await admin.GetJsonAsync<JsonElement>("/api/dealers")).EnumerateArray()
            .Single(d => d.GetProperty("name").GetString() == "Example Motors Downtown");
        var id = downtown.GetProperty("id").GetString()!;
        await using var manager = await app.SignInAsync("manager@example.com");
        await using var sam = await app.SignInAsync("sam@example.com");

        using var create = await manager.SendAsync(HttpMethod.Post, "/api/dealers", Dealer(downtown.GetProperty("groupId").GetString()!, "Sneaky"));
        using var update = await manager.SendAsync(HttpMethod.Put, $"/api/dealers/{id}", Dealer(downtown.GetProperty("groupId").GetString()!, "Renamed"));
        using var groups = await manager.SendAsync(HttpMethod.Get, "/api/dealer-groups");
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, groups.StatusCode);

        var parts = downtown.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "Parts").GetProperty("id").GetString();
        using var overlapping = await manager.SendAsync(HttpMethod.Put, $"/api/dealers/{id}/departments/{parts}", new
        {
            name = "Parts counter",
            hours = new[]
            {
                new { day = "Monday", opens = "08:00", closes = "12:00" },
                new { day = "Monday", opens = "11:00", closes = "17:00" },
                new { day = "Tuesday", opens = "17:00", closes = "09:00" },
                new { day = "Wednesday", opens = "8am", closes = "24:00" },
            },
        });
        Assert.Equal(["hours[1].opens", "hours[2].closes", "hours[3].opens"],
            (await overlapping.ReadJsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        using var fine = await manager.SendAsync(HttpMethod.Put, $"/api/dealers/{id}/departments/{parts}", new
        {
            name = "Parts counter",
            hours = new[] { new { day = "Monday", opens = "08:00", closes = "12:00" }, new { day = "Monday", opens = "13:00", closes = "24:00" } },
        });
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        Assert.Equal(2, (await fine.ReadJsonAsync()).GetProperty("hours").GetArrayLength());
        using var byAgent = await sam.SendAsync(HttpMethod.Put, $"/api/dealers/{id}/departments/{parts}", new { name = "Mine", hours = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        using var duplicate = await manager.SendAsync(HttpMethod.Post, $"/api/dealers/{id}/departments", new { kind = "Sales", name = "Sales 2" });
        Assert.Equal(["taken"], (await duplicate.ReadJsonAsync()).GetProperty("errors").GetProperty("kind").EnumerateArray().Select(e => e.GetString()));

        using var holiday = await manager.SendAsync(HttpMethod.Post, $"/api/dealers/{id}/holidays", new { date = "2030-12-25", name = "Christmas" });
        using var twice = await manager.SendAsync(HttpMethod.Post, $"/api/dealers/{id}/holidays", new { date = "2030-12-25", name = "Again" });
        Assert.Equal(HttpStatusCode.Created, holiday.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        var holidays = (await manager.GetJsonAsync<JsonElement>($"/api/dealers/{id}")).GetProperty("holidays");
        Assert.Equal("2030-12-25", holidays[0].GetProperty("date").GetString());
        using var removed = await manager.SendAsync(HttpMethod.Delete, $"/api/dealers/{id}/holidays/{holidays[0].GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
    }
}
