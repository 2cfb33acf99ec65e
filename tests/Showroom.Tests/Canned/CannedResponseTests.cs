using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Canned;

/// <summary>Personal canned responses for every agent; a dealer's for its managers to keep and its agents to use.</summary>
public sealed class CannedResponseTests : IAsyncLifetime
{
    ShowroomApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = ShowroomApp.Create(null);
        await _app.InitializeAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    static async Task<Guid> DealerIdAsync(AgentSession session, string name) =>
        Guid.Parse((await session.GetJsonAsync<JsonElement>("/api/dealers")).EnumerateArray()
            .Single(d => d.GetProperty("name").GetString() == name).GetProperty("id").GetString()!);

    [Fact]
    public async Task Managers_keep_the_dealers_responses_agents_use_them_and_keep_their_own()
    {
        await using var maria = await _app.SignInAsync("manager@example.com");
        await using var sam = await _app.SignInAsync("sam@example.com");
        await using var priya = await _app.SignInAsync("priya@example.com");
        var downtown = await DealerIdAsync(maria, "Example Motors Downtown");

        var shared = await maria.SendAsync(HttpMethod.Post, "/api/canned-responses", new { dealerId = downtown, shortcut = "hours", text = "We are open 9 to 6." });
        var mine = await sam.SendAsync(HttpMethod.Post, "/api/canned-responses", new { shortcut = "hi", text = "Hi, I'm Sam!" });
        var notAllowed = await sam.SendAsync(HttpMethod.Post, "/api/canned-responses", new { dealerId = downtown, shortcut = "x", text = "x" });
        var sharedId = (await shared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var edit = await sam.SendAsync(HttpMethod.Put, $"/api/canned-responses/{sharedId}", new { shortcut = "hours", text = "Closed!" });
        var otherDealer = await priya.SendAsync(HttpMethod.Put, $"/api/canned-responses/{sharedId}", new { shortcut = "hours", text = "Closed!" });

        Assert.Equal(HttpStatusCode.Created, shared.StatusCode);
        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notAllowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherDealer.StatusCode);
        var samSees = await sam.GetJsonAsync<List<JsonElement>>("/api/canned-responses");
        Assert.Equal(["hi", "hours"], samSees.Select(c => c.GetProperty("shortcut").GetString()));
        Assert.Equal([true, false], samSees.Select(c => c.GetProperty("canEdit").GetBoolean()));
        Assert.Equal("Example Motors Downtown", samSees[1].GetProperty("dealerName").GetString());
        Assert.Empty(await priya.GetJsonAsync<List<JsonElement>>("/api/canned-responses"));
        Assert.DoesNotContain(await maria.GetJsonAsync<List<JsonElement>>("/api/canned-responses"), c => c.GetProperty("shortcut").GetString() == "hi");
    }

    [Fact]
    public async Task Bad_shortcuts_and_texts_are_refused_field_by_field()
    {
        await using var sam = await _app.SignInAsync("sam@example.com");
        await sam.SendAsync(HttpMethod.Post, "/api/canned-responses", new { shortcut = "hi", text = "Hello" });

        var bad = await sam.SendAsync(HttpMethod.Post, "/api/canned-responses", new { shortcut = "Not OK!", text = "" });
        var taken = await sam.SendAsync(HttpMethod.Post, "/api/canned-responses", new { shortcut = "hi", text = new string('x', 4001) });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("invalid", errors.GetProperty("shortcut")[0].GetString());
        Assert.Equal("required", errors.GetProperty("text")[0].GetString());
        var takenErrors = (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("taken", takenErrors.GetProperty("shortcut")[0].GetString());
        Assert.Equal("too_long", takenErrors.GetProperty("text")[0].GetString());
    }
}
