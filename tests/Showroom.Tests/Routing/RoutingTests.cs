using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Showroom.Data;
using Showroom.Presence;
using Showroom.Routing;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Routing;

/// <summary>
/// The offer lifecycle with real hub connections and a fake clock: policies, timeouts, declines, the queue,
/// escalation, missed chats and missed offers, returning shoppers, and the status rules.
/// Downtown's people: Sam (Sales, Service), Jordan (Sales, Finance), Maria (manager; Sales).
/// </summary>
public sealed class RoutingTests : IAsyncLifetime
{
    const string Site = "https://downtown.example";
    readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    ShowroomApp _app = null!;
    string _widgetKey = null!;
    Guid _downtown;
    AgentSession _manager = null!;

    public async Task InitializeAsync()
    {
        _app = ShowroomApp.Create(null, _clock);
        await _app.InitializeAsync();
        _widgetKey = await _app.EmbedWidgetAtAsync("Example Motors Downtown", Site);
        _manager = await _app.SignInAsync("manager@example.com");
        var dealers = await _manager.GetJsonAsync<JsonElement>("/api/dealers");
        _downtown = Guid.Parse(dealers.EnumerateArray().Single(d => d.GetProperty("name").GetString() == "Example Motors Downtown").GetProperty("id").GetString()!);
    }

    public async Task DisposeAsync()
    {
        await _manager.DisposeAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Changes Downtown's routing through the managers' API, as a manager would.</summary>
    async Task RouteAsync(Action<Dictionary<string, JsonElement>> department, string kind = "Sales", int? chatLimit = null, int? missedOffersBeforeAway = null)
    {
        var current = await _manager.GetJsonAsync<JsonElement>($"/api/dealers/{_downtown}/settings/routing");
        var departments = current.GetProperty("departments").EnumerateArray().Select(d =>
        {
            var fields = d.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
            if (fields["department"].GetString() == kind)
            {
                department(fields);
            }
            return fields;
        }).ToList();
        var response = await _manager.SendAsync(HttpMethod.Put, $"/api/dealers/{_downtown}/settings/routing", new
        {
            defaultChatLimit = chatLimit ?? current.GetProperty("defaultChatLimit").GetInt32(),
            stickyReturningShoppers = current.GetProperty("stickyReturningShoppers").GetBoolean(),
            departments,
            missedOffersBeforeAway = missedOffersBeforeAway ?? current.GetProperty("missedOffersBeforeAway").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value);

    static Action<Dictionary<string, JsonElement>> Settings(
        string policy = "Broadcast", int timeout = 20, int escalateAfter = 600, int missedAfter = 900, bool otherDepartments = false, bool managers = false) =>
        d =>
        {
            d["policy"] = Json(policy);
            d["offerTimeoutSeconds"] = Json(timeout);
            d["escalateAfterSeconds"] = Json(escalateAfter);
            d["missedChatLimitSeconds"] = Json(missedAfter);
            d["escalateToOtherDepartments"] = Json(otherDepartments);
            d["escalateToManagers"] = Json(managers);
        };

    /// <summary>Moves the clock as the sweepers would see it: leases renewed, then routing's due steps, a few seconds at a time.</summary>
    async Task AdvanceAsync(int seconds)
    {
        var presence = _app.Services.GetRequiredService<PresenceSweeper>();
        var routing = _app.Services.GetRequiredService<RoutingSweeper>();
        for (var left = seconds; left > 0; left -= 5)
        {
            _clock.Advance(TimeSpan.FromSeconds(Math.Min(5, left)));
            await presence.SweepAsync(CancellationToken.None);
            await routing.SweepAsync(CancellationToken.None);
        }
    }

    Task<ShopperClient> ShopperAsync(string? token = null) => ShopperClient.ConnectAsync(_app, _widgetKey, Site, token);

    static string IdOf(JsonElement conversation) => conversation.GetProperty("id").GetString()!;

    /// <summary>Lets anything already sent arrive: used before asserting that something was NOT sent, after a positive control.</summary>
    static Task SettleAsync() => Task.Delay(300);

    [Fact]
    public async Task Broadcast_offers_every_eligible_agent_and_the_first_accept_wins_while_the_others_learn_who_took_it()
    {
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        await using var jordan = await AgentClient.ConnectAsync(_app, "jordan@example.com");
        await using var shopper = await ShopperAsync();

        var id = IdOf(await shopper.StartAsync(new { name = "Pat" }));
        var toSam = await sam.OfferOfAsync(id);
        var toJordan = await jordan.OfferOfAsync(id);
        var jordanWins = await jordan.AcceptAsync(toJordan);
        var samLoses = await sam.AcceptAsync(toSam);

        Assert.True(jordanWins.GetProperty("accepted").GetBoolean());
        Assert.False(samLoses.GetProperty("accepted").GetBoolean());
        Assert.Equal("Jordan", samLoses.GetProperty("takenBy").GetString());
        await Eventually.TrueAsync(() => sam.Closed.Any(c => c.GetProperty("reason").GetString() == "taken"
            && c.GetProperty("takenBy").GetString() == "Jordan"), "Sam's offer was withdrawn saying who took it");
        await shopper.HeardAsync("Jordan joined the chat");
        Assert.Empty(await sam.Hub.InvokeAsync<List<JsonElement>>("Offers"));
    }

    [Fact]
    public async Task Away_and_Do_Not_Disturb_agents_never_get_customer_chat_offers()
    {
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com", "Away");
        await using var jordan = await AgentClient.ConnectAsync(_app, "jordan@example.com", "DoNotDisturb");
        await using var maria = await AgentClient.ConnectAsync(_app, "manager@example.com");
        await using var shopper = await ShopperAsync();

        var id = IdOf(await shopper.StartAsync());

        await maria.OfferOfAsync(id);
        await SettleAsync();
        Assert.False(sam.WasOffered(id));
        Assert.False(jordan.WasOffered(id));
    }

    [Fact]
    public async Task Sequential_offers_the_least_busy_agent_then_the_one_longest_since_their_last_chat()
    {
        await RouteAsync(Settings("Sequential"));
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        await using var jordan = await AgentClient.ConnectAsync(_app, "jordan@example.com");
        AgentClient[] both = [sam, jordan];

        await using var first = await ShopperAsync();
        var one = IdOf(await first.StartAsync());
        await Eventually.TrueAsync(() => both.Count(a => a.WasOffered(one)) == 1, "one agent offered");
        var firstAgent = both.Single(a => a.WasOffered(one));
        var other = both.Single(a => a != firstAgent);
        await firstAgent.TakeAsync(one);

        await using var second = await ShopperAsync();
        var two = IdOf(await second.StartAsync());
        await other.TakeAsync(two);   // fewer active chats
        _clock.Advance(TimeSpan.FromSeconds(1));

        await using var third = await ShopperAsync();
        var three = IdOf(await third.StartAsync());
        await firstAgent.OfferOfAsync(three);   // both have one chat: the first agent's is the older
        await SettleAsync();
        Assert.False(other.WasOffered(three));
    }

    [Fact]
    public async Task Sequential_moves_on_when_an_offer_times_out_or_is_declined_and_never_re_offers_within_the_round()
    {
        await RouteAsync(Settings("Sequential", timeout: 20));
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        await using var jordan = await AgentClient.ConnectAsync(_app, "jordan@example.com");
        await using var maria = await AgentClient.ConnectAsync(_app, "manager@example.com");
        AgentClient[] all = [sam, jordan, maria];
        await using var shopper = await ShopperAsync();
        var id = IdOf(await shopper.StartAsync());
        await Eventually.TrueAsync(() => all.Count(a => a.WasOffered(id)) == 1, "one agent offered");
        var first = all.Single(a => a.WasOffered(id));

        await AdvanceAsync(21);

        await Eventually.TrueAsync(() => first.Closed.Any(c => c.GetProperty("reason").GetString() == "timed-out"), "the first offer timed out");
        await Eventually.TrueAsync(() => all.Count(a => a.WasOffered(id)) == 2, "the next agent offered");
        var second = all.Single(a => a != first && a.WasOffered(id));
        await second.Hub.InvokeAsync("DeclineOffer", Guid.Parse((await second.OfferOfAsync(id)).GetProperty("id").GetString()!));
        var third = all.Single(a => a != first && a != second);
        await third.OfferOfAsync(id);
        Assert.Single(first.Offers, o => o.GetProperty("conversationId").GetString() == id);
        Assert.Single(second.Offers, o => o.GetProperty("conversationId").GetString() == id);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        var steps = await db.RoutingEvents.Where(e => e.ConversationId == Guid.Parse(id)).OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Step).ToListAsync();
        Assert.Equal([RoutingStep.Queued, RoutingStep.Offered, RoutingStep.TimedOut, RoutingStep.Offered, RoutingStep.Declined, RoutingStep.Offered], steps);
    }

    [Fact]
    public async Task Chats_wait_in_line_and_the_oldest_is_offered_first_when_an_agent_frees_up()
    {
        await RouteAsync(Settings(), chatLimit: 1);
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com", "Away");
        await using var first = await ShopperAsync();
        await using var second = await ShopperAsync();
        await using var third = await ShopperAsync();
        var one = await first.StartAsync();
        _clock.Advance(TimeSpan.FromSeconds(1));
        var two = await second.StartAsync();
        _clock.Advance(TimeSpan.FromSeconds(1));
        var three = await third.StartAsync();
        Assert.Equal([1, 2, 3], new[] { one, two, three }.Select(c => c.GetProperty("queuePosition").GetInt32()));

        await sam.Hub.InvokeAsync<JsonElement>("SetStatus", "Available");
        await sam.TakeAsync(IdOf(one));

        await Eventually.TrueAsync(() => third.Changes.Any(c => c.GetProperty("queuePosition").ValueKind == JsonValueKind.Number
            && c.GetProperty("queuePosition").GetInt32() == 2), "the third shopper moved up to 2");
        Assert.False(sam.WasOffered(IdOf(two)));   // Sam is at his limit of one chat
        await sam.Hub.InvokeAsync("EndConversation", Guid.Parse(IdOf(one)));
        await sam.OfferOfAsync(IdOf(two));
        await SettleAsync();
        Assert.False(sam.WasOffered(IdOf(three)));
    }

    [Fact]
    public async Task Unanswered_chats_escalate_to_other_departments_then_to_managers()
    {
        await RouteAsync(Settings(escalateAfter: 30, otherDepartments: true, managers: false), kind: "Service");
        await RouteAsync(Settings(escalateAfter: 30, otherDepartments: false, managers: true), kind: "Parts");
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com", "DoNotDisturb");
        await using var jordan = await AgentClient.ConnectAsync(_app, "jordan@example.com");
        await using var maria = await AgentClient.ConnectAsync(_app, "manager@example.com");
        await using var serviceShopper = await ShopperAsync();
        await using var partsShopper = await ShopperAsync();
        var service = IdOf(await serviceShopper.StartAsync(new { department = "Service" }));
        var parts = IdOf(await partsShopper.StartAsync(new { department = "Parts" }));
        await SettleAsync();
        Assert.False(jordan.WasOffered(service) || maria.WasOffered(parts));

        await AdvanceAsync(31);

        await jordan.OfferOfAsync(service);     // Jordan works in Sales and Finance
        await maria.OfferOfAsync(parts);        // the dealer's manager
        await SettleAsync();
        Assert.False(jordan.WasOffered(parts));
        Assert.False(sam.WasOffered(service));
    }

    [Fact]
    public async Task A_chat_nobody_accepts_within_the_limit_is_missed_and_the_shopper_is_offered_the_form()
    {
        await RouteAsync(Settings(timeout: 20, escalateAfter: 30, missedAfter: 60));
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        await using var shopper = await ShopperAsync();
        var id = IdOf(await shopper.StartAsync(new { name = "Pat", email = "pat@example.net" }));
        await sam.OfferOfAsync(id);

        await AdvanceAsync(61);

        await shopper.HeardAsync("Sorry, nobody could answer in time. Please leave a message and we will get back to you.");
        await Eventually.TrueAsync(() => shopper.Changes.Any(c => c.GetProperty("status").GetString() == "Missed"), "the widget learned the chat was missed");
        await Eventually.TrueAsync(() => sam.Closed.Any(c => c.GetProperty("conversationId").GetString() == id), "Sam's offer went away");
        Assert.Equal("Missed", (await shopper.Hub.InvokeAsync<JsonElement>("Resume")).GetProperty("status").GetString());
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        Assert.True(await db.RoutingEvents.AnyAsync(e => e.ConversationId == Guid.Parse(id) && e.Step == RoutingStep.Missed));
    }

    [Fact]
    public async Task Three_offers_timing_out_in_a_row_set_the_agent_Away_and_tell_them()
    {
        await RouteAsync(Settings("Sequential", timeout: 20));
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        await using var shopper = await ShopperAsync();
        var id = IdOf(await shopper.StartAsync());

        // Each round offers Sam again after the pause between rounds.
        await AdvanceAsync(21);
        await AdvanceAsync(31);
        Assert.Equal("Available", (await sam.Session.GetJsonAsync<JsonElement>($"/api/agents/{sam.Id}/status")).GetProperty("status").GetString());
        await AdvanceAsync(31);

        await Eventually.TrueAsync(() => sam.Offers.Count(o => o.GetProperty("conversationId").GetString() == id) == 3, "three offers, one per round");
        var status = await sam.Session.GetJsonAsync<JsonElement>($"/api/agents/{sam.Id}/status");
        Assert.Equal("Away", status.GetProperty("status").GetString());
        Assert.Equal("MissedOffers", status.GetProperty("cause").GetString());
        await Eventually.TrueAsync(() => sam.Statuses.Any(s => s.GetProperty("cause").GetString() == "MissedOffers"), "Sam was told");
    }

    [Fact]
    public async Task The_dealer_chooses_after_how_many_missed_offers_an_agent_is_set_Away()
    {
        var refused = await _manager.SendAsync(HttpMethod.Put, $"/api/dealers/{_downtown}/settings/routing", new
        {
            defaultChatLimit = 8, stickyReturningShoppers = true, departments = Array.Empty<object>(), missedOffersBeforeAway = 21,
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("missedOffersBeforeAway", out _));

        await RouteAsync(Settings("Sequential", timeout: 20), missedOffersBeforeAway: 1);
        Assert.Equal(1, (await _manager.GetJsonAsync<JsonElement>($"/api/dealers/{_downtown}/settings/routing")).GetProperty("missedOffersBeforeAway").GetInt32());
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        await using var shopper = await ShopperAsync();
        var id = IdOf(await shopper.StartAsync());
        await sam.OfferOfAsync(id);

        await AdvanceAsync(21);

        var status = await sam.Session.GetJsonAsync<JsonElement>($"/api/agents/{sam.Id}/status");
        Assert.Equal(("Away", "MissedOffers"), (status.GetProperty("status").GetString(), status.GetProperty("cause").GetString()));
    }

    [Fact]
    public async Task A_declined_offer_is_not_a_missed_offer()
    {
        await RouteAsync(Settings("Sequential"));
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        for (var i = 0; i < 4; i++)
        {
            await using var shopper = await ShopperAsync();
            var id = IdOf(await shopper.StartAsync());
            await sam.Hub.InvokeAsync("DeclineOffer", Guid.Parse((await sam.OfferOfAsync(id)).GetProperty("id").GetString()!));
            await shopper.Hub.InvokeAsync("EndConversation", Guid.Parse(id));
        }

        var status = await sam.Session.GetJsonAsync<JsonElement>($"/api/agents/{sam.Id}/status");
        Assert.Equal("Available", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_returning_shopper_is_offered_first_to_their_previous_agent()
    {
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        await using var jordan = await AgentClient.ConnectAsync(_app, "jordan@example.com");
        await using var visit = await ShopperAsync();
        var first = IdOf(await visit.StartAsync(new { name = "Pat" }));
        await jordan.TakeAsync(first);
        await jordan.Hub.InvokeAsync("EndConversation", Guid.Parse(first));

        var second = IdOf(await visit.StartAsync(new { name = "Pat" }));

        var offer = await jordan.OfferOfAsync(second);
        Assert.True(offer.GetProperty("returningShopper").GetBoolean());
        await SettleAsync();
        Assert.False(sam.WasOffered(second));
        await jordan.Hub.InvokeAsync("DeclineOffer", Guid.Parse(offer.GetProperty("id").GetString()!));
        await sam.OfferOfAsync(second);
    }

    [Fact]
    public async Task Many_agents_accepting_the_same_chat_at_once_give_exactly_one_winner_every_time()
    {
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        await using var jordan = await AgentClient.ConnectAsync(_app, "jordan@example.com");
        await using var maria = await AgentClient.ConnectAsync(_app, "manager@example.com");
        AgentClient[] all = [sam, jordan, maria];
        for (var round = 0; round < 10; round++)
        {
            await using var shopper = await ShopperAsync();
            var id = IdOf(await shopper.StartAsync());
            var offers = await Task.WhenAll(all.Select(a => a.OfferOfAsync(id)));

            var results = await Task.WhenAll(all.Select((a, i) => a.AcceptAsync(offers[i])));

            var winners = results.Where(r => r.GetProperty("accepted").GetBoolean()).ToList();
            Assert.Single(winners);
            var winner = all[Array.FindIndex(results, r => r.GetProperty("accepted").GetBoolean())];
            var name = (await winner.Session.GetJsonAsync<JsonElement>("/api/me")).GetProperty("firstName").GetString();
            Assert.All(results.Where(r => !r.GetProperty("accepted").GetBoolean()), r => Assert.Equal(name, r.GetProperty("takenBy").GetString()));
            await winner.Hub.InvokeAsync("EndConversation", Guid.Parse(id));
        }
    }

    [Fact]
    public async Task Routing_settings_are_checked_field_by_field_and_only_managers_change_them()
    {
        var bad = await _manager.SendAsync(HttpMethod.Put, $"/api/dealers/{_downtown}/settings/routing", new
        {
            defaultChatLimit = 0,
            stickyReturningShoppers = true,
            departments = new[] { new { department = "Sales", policy = "Broadcast", offerTimeoutSeconds = 1, escalateAfterSeconds = 40, missedChatLimitSeconds = 120,
                escalateToOtherDepartments = true, escalateToManagers = true, escalateToGroupDealers = false } },
        });
        await using var sam = await _app.SignInAsync("sam@example.com");
        var asAgent = await sam.SendAsync(HttpMethod.Put, $"/api/dealers/{_downtown}/settings/routing", new { defaultChatLimit = 3, stickyReturningShoppers = true, departments = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("out_of_range", errors.GetProperty("defaultChatLimit")[0].GetString());
        Assert.Equal("out_of_range", errors.GetProperty("departments[0].offerTimeoutSeconds")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, asAgent.StatusCode);
        var saved = await _manager.GetJsonAsync<JsonElement>($"/api/dealers/{_downtown}/settings/routing");
        Assert.Equal(8, saved.GetProperty("defaultChatLimit").GetInt32());
    }
}
