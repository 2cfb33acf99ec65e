using System.Net;
using System.Text.Json;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Audit;

public sealed class AuditLogTests
{
    [Fact]
    public async Task Settings_and_people_changes_are_recorded_with_before_and_after_for_admins_only()
    {
        await using var app = ShowroomApp.Create(null);
        await using var admin = await app.SignInAsync("admin@example.com");
        await using var manager = await app.SignInAsync("manager@example.com");
        var downtown = (await admin.GetJsonAsync<JsonElement>("/api/dealers")).EnumerateArray()
            .Single(d => d.GetProperty("name").GetString() == "Example Motors Downtown").GetProperty("id").GetString();

        var routing = await manager.GetJsonAsync<JsonElement>($"/api/dealers/{downtown}/settings/routing");
        var changed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(routing.GetRawText())!;
        changed["defaultChatLimit"] = JsonSerializer.SerializeToElement(5);
        using var put = await manager.SendAsync(HttpMethod.Put, $"/api/dealers/{downtown}/settings/routing", changed);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var presence = await manager.SendAsync(HttpMethod.Put, $"/api/dealers/{downtown}/settings/presence", new { idleAwayMinutes = 10 });
        using var canned = await manager.SendAsync(HttpMethod.Post, "/api/canned-responses", new { dealerId = downtown, shortcut = "hours", text = "We open at 9." });
        using var personal = await manager.SendAsync(HttpMethod.Post, "/api/canned-responses", new { shortcut = "mine", text = "Personal, not audited." });
        using var invite = await manager.SendAsync(HttpMethod.Post, "/api/invitations", new { email = "audited@example.com", role = "Agent", dealerIds = new[] { downtown } });

        var page = await admin.GetJsonAsync<JsonElement>($"/api/audit?dealerId={downtown}&limit=3");
        var actions = page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["agent.invited", "canned.created", "presence.updated"], actions);
        var next = page.GetProperty("nextBefore").GetInt64();
        var rest = await admin.GetJsonAsync<JsonElement>($"/api/audit?dealerId={downtown}&before={next}");
        var routingEntry = rest.GetProperty("entries").EnumerateArray().Single();
        Assert.Equal("routing.updated", routingEntry.GetProperty("action").GetString());
        Assert.Equal("Maria Lopez", routingEntry.GetProperty("actorName").GetString());
        Assert.Equal(8, routingEntry.GetProperty("before").GetProperty("defaultChatLimit").GetInt32());
        Assert.Equal(5, routingEntry.GetProperty("after").GetProperty("defaultChatLimit").GetInt32());
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("nextBefore").ValueKind);
        var invited = await admin.GetJsonAsync<JsonElement>("/api/audit?action=agent.");
        Assert.DoesNotContain("invite/", invited.GetRawText(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Http.GetAsync("/api/audit")).StatusCode);
    }
}
