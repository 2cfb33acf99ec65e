using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Showroom.Data;
using Showroom.Realtime;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Dealers;

/// <summary>
/// A Manager of dealer A calls every endpoint and hub method of the server with dealer B's ids (B itself, its agents,
/// departments, chats, offers, canned responses, blocks, holidays, invitations, internal threads) and must be refused
/// each time, with nothing of B changed. The server's endpoints and hub methods are enumerated: one this test does not
/// know fails it, so a new endpoint gets a case here.
/// </summary>
public sealed class TenantBoundaryTests : IAsyncLifetime
{
    const string SiteB = "https://lakeside.example";
    readonly ShowroomApp _app = ShowroomApp.Create(null);

    public Task InitializeAsync() => _app.InitializeAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>B's ids, made through the real endpoints and hub.</summary>
    sealed record Ids(string DealerA, string DealerB, string GroupB, string AgentB, string DepartmentB, string ConversationB, string OfferB,
        string CannedB, string BlockB, string HolidayB, string InvitationB, string ThreadB);

    static readonly HttpStatusCode[] Refused = [HttpStatusCode.NotFound];
    static readonly HttpStatusCode[] AdminOnly = [HttpStatusCode.Forbidden];

    /// <summary>Endpoints that carry no dealer's data: they act on the caller alone, or serve anonymous visitors.</summary>
    static readonly HashSet<string> NotDealerScoped =
    [
        "GET /api/antiforgery", "POST /api/auth/signin", "POST /api/auth/signout", "POST /api/auth/password", "GET /api/me/",
        "GET /api/timezones", "GET /api/offers/mine", "GET /api/conversations/mine", "GET /api/me/notification-settings",
        "PUT /api/me/notification-settings", "GET /api/me/devices", "POST /api/me/devices", "GET /api/extension/", "GET /api/extension/download",
        "GET /api/push/public-key", "GET /api/me/push-subscriptions", "POST /api/me/push-subscriptions", "DELETE /api/me/push-subscriptions",
        "GET /api/setup/", "POST /api/setup/", "GET /api/invitations/{token}", "POST /api/invitations/{token}/accept",
        "POST /api/password-reset/", "POST /api/password-reset/request", "GET /api/canned-responses/",
        "GET /api/demo/site", "GET /api/widget/{widgetKey}/config", "POST /api/widget/{widgetKey}/session", "POST /api/widget/{widgetKey}/leads",
        "OPTIONS /api/widget/{widgetKey}/{**path}", "GET /api/{**path}",
    ];

    static Dictionary<string, (HttpMethod Method, string Path, object? Body, HttpStatusCode[] Expected)> Cases(Ids b) => new()
    {
        ["GET /api/dealers/"] = (HttpMethod.Get, "/api/dealers", null, [HttpStatusCode.OK]), // checked below: B is not listed
        ["GET /api/dealers/{dealerId:guid}"] = (HttpMethod.Get, $"/api/dealers/{b.DealerB}", null, Refused),
        ["GET /api/dealers/{dealerId:guid}/agents"] = (HttpMethod.Get, $"/api/dealers/{b.DealerB}/agents", null, Refused),
        ["POST /api/dealers/"] = (HttpMethod.Post, "/api/dealers", new { name = "X", groupId = b.GroupB, timeZone = "UTC" }, AdminOnly),
        ["PUT /api/dealers/{dealerId:guid}"] = (HttpMethod.Put, $"/api/dealers/{b.DealerB}", new { name = "Stolen", groupId = b.GroupB, timeZone = "UTC" }, Refused),
        ["GET /api/dealer-groups/"] = (HttpMethod.Get, "/api/dealer-groups", null, AdminOnly),
        ["POST /api/dealer-groups/"] = (HttpMethod.Post, "/api/dealer-groups", new { name = "X" }, AdminOnly),
        ["PUT /api/dealer-groups/{groupId:guid}"] = (HttpMethod.Put, $"/api/dealer-groups/{b.GroupB}", new { name = "Stolen", allowCrossDealerWork = true }, AdminOnly),
        ["POST /api/dealers/{dealerId:guid}/departments"] = (HttpMethod.Post, $"/api/dealers/{b.DealerB}/departments", new { kind = "Sales", name = "X" }, Refused),
        ["PUT /api/dealers/{dealerId:guid}/departments/{departmentId:guid}"] =
            (HttpMethod.Put, $"/api/dealers/{b.DealerB}/departments/{b.DepartmentB}", new { name = "Stolen", hours = Array.Empty<object>() }, Refused),
        ["DELETE /api/dealers/{dealerId:guid}/departments/{departmentId:guid}"] = (HttpMethod.Delete, $"/api/dealers/{b.DealerB}/departments/{b.DepartmentB}", null, Refused),
        ["PUT /api/dealers/{dealerId:guid}/departments/{departmentId:guid}#A"] =
            (HttpMethod.Put, $"/api/dealers/{b.DealerA}/departments/{b.DepartmentB}", new { name = "Stolen", hours = Array.Empty<object>() }, Refused),
        ["POST /api/dealers/{dealerId:guid}/holidays"] = (HttpMethod.Post, $"/api/dealers/{b.DealerB}/holidays", new { date = "2031-01-01", name = "X" }, Refused),
        ["DELETE /api/dealers/{dealerId:guid}/holidays/{holidayId:guid}"] = (HttpMethod.Delete, $"/api/dealers/{b.DealerB}/holidays/{b.HolidayB}", null, Refused),
        ["DELETE /api/dealers/{dealerId:guid}/holidays/{holidayId:guid}#A"] = (HttpMethod.Delete, $"/api/dealers/{b.DealerA}/holidays/{b.HolidayB}", null, Refused),
        ["GET /api/dealers/{dealerId:guid}/settings/routing/"] = (HttpMethod.Get, $"/api/dealers/{b.DealerB}/settings/routing", null, Refused),
        ["PUT /api/dealers/{dealerId:guid}/settings/routing/"] = (HttpMethod.Put, $"/api/dealers/{b.DealerB}/settings/routing",
            new { defaultChatLimit = 1, stickyReturningShoppers = false, departments = Array.Empty<object>() }, Refused),
        ["GET /api/dealers/{dealerId:guid}/settings/presence/"] = (HttpMethod.Get, $"/api/dealers/{b.DealerB}/settings/presence", null, Refused),
        ["PUT /api/dealers/{dealerId:guid}/settings/presence/"] = (HttpMethod.Put, $"/api/dealers/{b.DealerB}/settings/presence", new { idleAwayMinutes = 1 }, Refused),
        ["GET /api/dealers/{dealerId:guid}/blocks/"] = (HttpMethod.Get, $"/api/dealers/{b.DealerB}/blocks", null, Refused),
        ["DELETE /api/dealers/{dealerId:guid}/blocks/{blockId:guid}"] = (HttpMethod.Delete, $"/api/dealers/{b.DealerB}/blocks/{b.BlockB}", null, Refused),
        ["DELETE /api/dealers/{dealerId:guid}/blocks/{blockId:guid}#A"] = (HttpMethod.Delete, $"/api/dealers/{b.DealerA}/blocks/{b.BlockB}", null, Refused),
        ["GET /api/dealers/{dealerId:guid}/leads"] = (HttpMethod.Get, $"/api/dealers/{b.DealerB}/leads", null, Refused),
        ["GET /api/dealers/{dealerId:guid}/team"] = (HttpMethod.Get, $"/api/dealers/{b.DealerB}/team", null, Refused),
        ["GET /api/dealers/{dealerId:guid}/board"] = (HttpMethod.Get, $"/api/dealers/{b.DealerB}/board", null, Refused),
        ["GET /api/dealers/{dealerId:guid}/settings/widget/"] = (HttpMethod.Get, $"/api/dealers/{b.DealerB}/settings/widget", null, Refused),
        ["PUT /api/dealers/{dealerId:guid}/settings/widget/"] = (HttpMethod.Put, $"/api/dealers/{b.DealerB}/settings/widget", new { greeting = "Stolen" }, Refused),
        ["GET /api/dealers/{dealerId:guid}/people"] = (HttpMethod.Get, $"/api/dealers/{b.DealerB}/people", null, Refused),
        ["POST /api/invitations/"] = (HttpMethod.Post, "/api/invitations", new { email = "x@example.com", role = "Agent", dealerIds = new[] { b.DealerB } }, Refused),
        ["POST /api/invitations/#both"] = (HttpMethod.Post, "/api/invitations",
            new { email = "x@example.com", role = "Agent", dealerIds = new[] { b.DealerA, b.DealerB } }, Refused),
        ["POST /api/invitations/#department"] = (HttpMethod.Post, "/api/invitations",
            new { email = "x@example.com", role = "Agent", dealerIds = new[] { b.DealerA }, departmentIds = new[] { b.DepartmentB } }, [HttpStatusCode.BadRequest]),
        ["DELETE /api/invitations/{invitationId:guid}"] = (HttpMethod.Delete, $"/api/invitations/{b.InvitationB}", null, Refused),
        ["PUT /api/agents/{agentId:guid}/access"] = (HttpMethod.Put, $"/api/agents/{b.AgentB}/access",
            new { role = "Agent", dealerIds = new[] { b.DealerA }, departmentIds = Array.Empty<string>() }, Refused),
        ["POST /api/agents/{agentId:guid}/deactivate"] = (HttpMethod.Post, $"/api/agents/{b.AgentB}/deactivate", null, Refused),
        ["POST /api/agents/{agentId:guid}/reactivate"] = (HttpMethod.Post, $"/api/agents/{b.AgentB}/reactivate", null, Refused),
        ["POST /api/agents/{agentId:guid}/password-reset"] = (HttpMethod.Post, $"/api/agents/{b.AgentB}/password-reset", null, Refused),
        ["GET /api/agents/{agentId:guid}/profile"] = (HttpMethod.Get, $"/api/agents/{b.AgentB}/profile", null, Refused),
        ["PUT /api/agents/{agentId:guid}/profile"] = (HttpMethod.Put, $"/api/agents/{b.AgentB}/profile", new { firstName = "Stolen", lastName = "X" }, Refused),
        ["PUT /api/agents/{agentId:guid}/headshot"] = (HttpMethod.Put, $"/api/agents/{b.AgentB}/headshot", new { }, Refused),
        ["DELETE /api/agents/{agentId:guid}/headshot"] = (HttpMethod.Delete, $"/api/agents/{b.AgentB}/headshot", null, Refused),
        ["GET /api/agents/{agentId:guid}/status"] = (HttpMethod.Get, $"/api/agents/{b.AgentB}/status", null, Refused),
        ["PUT /api/agents/{agentId:guid}/status"] = (HttpMethod.Put, $"/api/agents/{b.AgentB}/status", new { status = "DoNotDisturb" }, Refused),
        ["GET /api/agents/{agentId:guid}/status-history"] = (HttpMethod.Get, $"/api/agents/{b.AgentB}/status-history", null, Refused),
        ["GET /api/conversations/history"] = (HttpMethod.Get, $"/api/conversations/history?dealerId={b.DealerB}", null, Refused),
        ["GET /api/conversations/{conversationId:guid}/transcript"] = (HttpMethod.Get, $"/api/conversations/{b.ConversationB}/transcript", null, Refused),
        ["GET /api/conversations/{conversationId:guid}/transfer-targets"] = (HttpMethod.Get, $"/api/conversations/{b.ConversationB}/transfer-targets", null, Refused),
        ["POST /api/conversations/{conversationId:guid}/block"] = (HttpMethod.Post, $"/api/conversations/{b.ConversationB}/block", new { reason = "x" }, Refused),
        ["POST /api/canned-responses/"] = (HttpMethod.Post, "/api/canned-responses", new { dealerId = b.DealerB, shortcut = "x", text = "x" }, Refused),
        ["PUT /api/canned-responses/{id:guid}"] = (HttpMethod.Put, $"/api/canned-responses/{b.CannedB}", new { shortcut = "x", text = "Stolen" }, Refused),
        ["DELETE /api/canned-responses/{id:guid}"] = (HttpMethod.Delete, $"/api/canned-responses/{b.CannedB}", null, Refused),
        ["DELETE /api/me/devices/{id:guid}"] = (HttpMethod.Delete, $"/api/me/devices/{Guid.NewGuid()}", null, Refused),
        ["GET /api/audit"] = (HttpMethod.Get, $"/api/audit?dealerId={b.DealerB}", null, AdminOnly),
        ["GET /api/admin/mail/"] = (HttpMethod.Get, "/api/admin/mail", null, AdminOnly),
        ["POST /api/admin/mail/test"] = (HttpMethod.Post, "/api/admin/mail/test", new { to = "x@example.com" }, AdminOnly),
    };

    /// <summary>Hub methods with B's ids; each must throw (or return nothing of B). Methods without ids act on the caller only.</summary>
    static Dictionary<string, Func<HubConnection, Task>> HubCases(Ids b)
    {
        var chat = Guid.Parse(b.ConversationB);
        var thread = Guid.Parse(b.ThreadB);
        return new()
        {
            ["SendMessage"] = hub => hub.InvokeAsync<JsonElement>("SendMessage", chat, "tenant-test", "Stolen"),
            ["Sync"] = hub => hub.InvokeAsync<JsonElement>("Sync", chat, 0L),
            ["EndConversation"] = hub => hub.InvokeAsync("EndConversation", chat),
            ["Typing"] = hub => hub.InvokeAsync("Typing", chat, true),
            ["MarkRead"] = hub => hub.InvokeAsync("MarkRead", chat, 1L),
            ["AcceptOffer"] = hub => hub.InvokeAsync<JsonElement>("AcceptOffer", Guid.Parse(b.OfferB)),
            ["DeclineOffer"] = hub => hub.InvokeAsync("DeclineOffer", Guid.Parse(b.OfferB)),
            ["Transfer"] = hub => hub.InvokeAsync<Guid>("Transfer", chat, new { toAgentId = Guid.Parse(b.AgentB) }),
            ["CancelTransfer"] = hub => hub.InvokeAsync("CancelTransfer", chat),
            ["AddNote"] = hub => hub.InvokeAsync<JsonElement>("AddNote", chat, "tenant-note", "Stolen"),
            ["Notes"] = hub => hub.InvokeAsync<JsonElement>("Notes", chat),
            ["OpenDirect"] = hub => hub.InvokeAsync<JsonElement>("OpenDirect", Guid.Parse(b.AgentB)),
            ["SendInternal"] = hub => hub.InvokeAsync<JsonElement>("SendInternal", thread, "tenant-internal", "Stolen"),
            ["SyncInternal"] = hub => hub.InvokeAsync<JsonElement>("SyncInternal", thread, 0L),
            ["MarkInternalRead"] = hub => hub.InvokeAsync("MarkInternalRead", thread, 1L),
        };
    }

    static readonly HashSet<string> HubMethodsOfTheCaller = ["Me", "SetStatus", "Activity", "Offers", "SentTransfers", "InternalThreads"];

    [Fact]
    public async Task A_manager_of_one_dealer_is_refused_everything_of_another_dealer_and_changes_nothing()
    {
        var b = await MakeDealerBAsync();
        await using var admin = await _app.SignInAsync("admin@example.com");
        await using var dana = await People.People.InviteAndJoinAsync(_app, admin, "dana.tenant@example.com", "Manager", b.DealerA);
        await using var danaHub = await AgentClient.ConnectAsync(dana, _app.Services);
        var before = await FingerprintAsync(b.DealerB);

        var cases = Cases(b);
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToList();
        var unknown = endpoints.Where(e => !cases.ContainsKey(e) && !NotDealerScoped.Contains(e)).ToList();
        Assert.True(unknown.Count == 0, "Endpoints without a tenant case (add one to TenantBoundaryTests): " + string.Join(", ", unknown));

        var failures = new List<string>();
        foreach (var (name, (method, path, body, expected)) in cases)
        {
            using var response = await dana.SendAsync(method, path, body);
            if (!expected.Contains(response.StatusCode))
            {
                failures.Add($"{name} answered {(int)response.StatusCode}");
            }
        }
        var dealers = (await dana.GetJsonAsync<JsonElement>("/api/dealers")).EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.Equal([b.DealerA], dealers);
        var canned = await dana.GetJsonAsync<JsonElement>("/api/canned-responses");
        Assert.DoesNotContain(b.CannedB, canned.GetRawText(), StringComparison.Ordinal);

        var hubCases = HubCases(b);
        var hubMethods = typeof(AgentHub).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not ("OnConnectedAsync" or "OnDisconnectedAsync")).Select(m => m.Name).Distinct().ToList();
        var unknownHub = hubMethods.Where(m => !hubCases.ContainsKey(m) && !HubMethodsOfTheCaller.Contains(m)).ToList();
        Assert.True(unknownHub.Count == 0, "Hub methods without a tenant case: " + string.Join(", ", unknownHub));
        foreach (var (name, call) in hubCases)
        {
            try
            {
                await call(danaHub.Hub);
                failures.Add($"hub {name} did not refuse");
            }
            catch (HubException)
            {
                // Refused, as it must be.
            }
        }

        Assert.True(failures.Count == 0, string.Join("; ", failures));
        Assert.Equal(before, await FingerprintAsync(b.DealerB));
    }

    async Task<Ids> MakeDealerBAsync()
    {
        await using var admin = await _app.SignInAsync("admin@example.com");
        var dealers = (await admin.GetJsonAsync<JsonElement>("/api/dealers")).EnumerateArray().ToList();
        var a = dealers.Single(d => d.GetProperty("name").GetString() == "Example Motors Downtown");
        var lakeside = dealers.Single(d => d.GetProperty("name").GetString() == "Example Motors Lakeside");
        var dealerB = lakeside.GetProperty("id").GetString()!;
        var departmentB = lakeside.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "Sales").GetProperty("id").GetString()!;

        var widgetKey = await _app.EmbedWidgetAtAsync("Example Motors Lakeside", SiteB);
        await using var priya = await AgentClient.ConnectAsync(_app, "priya@example.com");
        await using var shopper = await ShopperClient.ConnectAsync(_app, widgetKey, SiteB);
        var chat = (await shopper.StartAsync(new { name = "Bea" })).GetProperty("id").GetString()!;
        var offer = await priya.OfferOfAsync(chat);
        await priya.AcceptAsync(offer);
        await priya.Hub.InvokeAsync<JsonElement>("SendMessage", Guid.Parse(chat), "hello-b", "Hello from Lakeside");
        await priya.Hub.InvokeAsync<JsonElement>("AddNote", Guid.Parse(chat), "note-b", "Private to Lakeside");

        await using var blocked = await ShopperClient.ConnectAsync(_app, widgetKey, SiteB);
        var rude = (await blocked.StartAsync(new { name = "Rude" })).GetProperty("id").GetString()!;
        await priya.AcceptAsync(await priya.OfferOfAsync(rude));
        using var block = await priya.Session.SendAsync(HttpMethod.Post, $"/api/conversations/{rude}/block", new { reason = "Abuse" });
        var blockId = (await block.ReadJsonAsync()).GetProperty("id").GetString()!;

        var chrisId = (await admin.GetJsonAsync<JsonElement>($"/api/dealers/{dealerB}/people")).EnumerateArray()
            .Single(p => p.GetProperty("email").GetString() == "chris@example.com").GetProperty("id").GetString()!;
        var thread = await priya.Hub.InvokeAsync<JsonElement>("OpenDirect", Guid.Parse(chrisId));
        await priya.Hub.InvokeAsync<JsonElement>("SendInternal", Guid.Parse(thread.GetProperty("id").GetString()!), "internal-b", "Lakeside only");

        using var canned = await admin.SendAsync(HttpMethod.Post, "/api/canned-responses", new { dealerId = dealerB, shortcut = "lakeside", text = "Lakeside text" });
        using var holiday = await admin.SendAsync(HttpMethod.Post, $"/api/dealers/{dealerB}/holidays", new { date = "2031-07-04", name = "Fourth" });
        using var invitation = await admin.SendAsync(HttpMethod.Post, "/api/invitations", new { email = "b.invitee@example.com", role = "Agent", dealerIds = new[] { dealerB } });
        return new Ids(a.GetProperty("id").GetString()!, dealerB, lakeside.GetProperty("groupId").GetString()!, chrisId, departmentB, chat,
            offer.GetProperty("id").GetString()!, (await canned.ReadJsonAsync()).GetProperty("id").GetString()!, blockId,
            (await holiday.ReadJsonAsync()).GetProperty("id").GetString()!, (await invitation.ReadJsonAsync()).GetProperty("id").GetString()!,
            thread.GetProperty("id").GetString()!);
    }

    /// <summary>Everything of dealer B a refused call could have changed, as one string.</summary>
    async Task<string> FingerprintAsync(string dealer)
    {
        var id = Guid.Parse(dealer);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        var members = await db.DealerMemberships.Where(m => m.DealerId == id).Select(m => m.AgentId).ToListAsync();
        var chats = await db.Conversations.Where(c => c.DealerId == id).Select(c => c.Id).ToListAsync();
        var state = new
        {
            Dealer = await db.Dealers.AsNoTracking().SingleAsync(d => d.Id == id),
            Group = await db.DealerGroups.AsNoTracking().Where(g => db.Dealers.Any(d => d.Id == id && d.GroupId == g.Id)).SingleAsync(),
            Departments = await db.Departments.AsNoTracking().Where(d => d.DealerId == id).OrderBy(d => d.Kind).ToListAsync(),
            Holidays = await db.HolidayClosures.AsNoTracking().Where(h => h.DealerId == id).OrderBy(h => h.Date).ToListAsync(),
            Members = members.Order().ToList(),
            DepartmentMembers = (await db.DepartmentMemberships.Where(m => m.DealerId == id).Select(m => m.AgentId.ToString() + m.DepartmentId).ToListAsync()).Order().ToList(),
            Agents = (await db.Users.AsNoTracking().Where(a => members.Contains(a.Id))
                .Select(a => new { a.Id, a.FirstName, a.LastName, a.Role, a.IsActive, a.ChatLimit, a.SecurityStamp, a.PasswordHash, a.HeadshotVersion }).ToListAsync())
                .OrderBy(a => a.Id).ToList(),
            States = (await db.AgentStates.AsNoTracking().Where(s => members.Contains(s.AgentId)).Select(s => new { s.AgentId, s.Status }).ToListAsync()).OrderBy(s => s.AgentId).ToList(),
            Chats = (await db.Conversations.AsNoTracking().Where(c => c.DealerId == id).Select(c => new { c.Id, c.Status, c.AssignedAgentId }).ToListAsync()).OrderBy(c => c.Id).ToList(),
            Messages = await db.Messages.CountAsync(m => chats.Contains(m.ConversationId)),
            Notes = await db.PrivateNotes.CountAsync(n => chats.Contains(n.ConversationId)),
            Offers = (await db.ChatOffers.AsNoTracking().Where(o => chats.Contains(o.ConversationId)).Select(o => new { o.Id, o.State }).ToListAsync()).OrderBy(o => o.Id).ToList(),
            Canned = (await db.CannedResponses.AsNoTracking().Where(c => c.DealerId == id).Select(c => new { c.Id, c.Shortcut, c.Text }).ToListAsync()).OrderBy(c => c.Id).ToList(),
            Blocks = (await db.VisitorBlocks.AsNoTracking().Where(x => x.DealerId == id).Select(x => new { x.Id, x.LiftedAt }).ToListAsync()).OrderBy(x => x.Id).ToList(),
            Invitations = (await db.Invitations.AsNoTracking().Where(i => i.DealerIds.Contains(id)).Select(i => new { i.Id, i.RevokedAt, i.AcceptedAt }).ToListAsync()).OrderBy(i => i.Id).ToList(),
            Internal = await db.InternalMessages.CountAsync(m => db.InternalThreads.Any(t => t.Id == m.ThreadId && t.DealerId == id)),
        };
        return JsonSerializer.Serialize(state);
    }
}
