using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Showroom.Data;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Conversations;

/// <summary>On the embedded database.</summary>
public sealed class SqliteShopperConversationTests(ShowroomApp app) : ShopperConversationTests(app), IClassFixture<ShowroomApp>;

/// <summary>On PostgreSQL, where concurrent sends really run at the same time.</summary>
public sealed class PostgresShopperConversationTests(PostgresApp fixture) : ShopperConversationTests(fixture.App), IClassFixture<PostgresApp>;

/// <summary>The shopper side of a conversation, through the widget API and real shopper hub connections.</summary>
public abstract class ShopperConversationTests(ShowroomApp app)
{
    const string DowntownSite = "https://downtown.example";
    const string LakesideSite = "https://lakeside.example";

    async Task<(string Downtown, string Lakeside)> WidgetKeysAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        var dealers = await db.Dealers.ToListAsync();
        foreach (var dealer in dealers)
        {
            dealer.WebsiteOrigins = [dealer.Name.EndsWith("Downtown", StringComparison.Ordinal) ? DowntownSite : LakesideSite];
        }
        await db.SaveChangesAsync();
        return (dealers.Single(d => d.Name.EndsWith("Downtown", StringComparison.Ordinal)).WidgetKey,
            dealers.Single(d => d.Name.EndsWith("Lakeside", StringComparison.Ordinal)).WidgetKey);
    }

    async Task<(ShopperSession Shopper, HubConnection Hub, Guid ConversationId)> StartChatAsync()
    {
        var (downtown, _) = await WidgetKeysAsync();
        var shopper = new ShopperSession(app.BaseAddress, downtown, DowntownSite);
        (await shopper.StartSessionAsync()).EnsureSuccessStatusCode();
        var hub = shopper.Hub();
        await hub.StartAsync();
        var conversation = await hub.InvokeAsync<JsonElement>("StartConversation", new
        {
            name = "Pat Shopper",
            department = "Sales",
            pageUrl = DowntownSite + "/used/2021-honda-civic",
            vehicle = new { year = 2021, make = "Honda", model = "Civic", vin = "2HGFC2F59MH000001", price = 21995m },
        });
        return (shopper, hub, Guid.Parse(conversation.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task Widget_session_is_given_only_to_the_dealers_own_websites()
    {
        var (downtown, _) = await WidgetKeysAsync();
        await using var shopper = new ShopperSession(app.BaseAddress, downtown, DowntownSite);

        using var own = await shopper.StartSessionAsync();
        using var foreign = await shopper.StartSessionAsync(fromOrigin: "https://elsewhere.example");
        await using var unknown = new ShopperSession(app.BaseAddress, "wk_no_such_key", DowntownSite);
        using var missing = await unknown.StartSessionAsync();

        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var preflight = new HttpRequestMessage(HttpMethod.Options, $"/api/widget/{downtown}/session");
        preflight.Headers.Add("Origin", DowntownSite);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var preflighted = await http.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, preflighted.StatusCode);
        Assert.Equal(DowntownSite, preflighted.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(DowntownSite, own.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Shopper_hub_refuses_other_origins_other_dealers_sites_and_missing_tokens()
    {
        var (downtown, _) = await WidgetKeysAsync();
        await using var shopper = new ShopperSession(app.BaseAddress, downtown, DowntownSite);
        (await shopper.StartSessionAsync()).EnsureSuccessStatusCode();

        var elsewhere = await Assert.ThrowsAnyAsync<Exception>(() => shopper.Hub(fromOrigin: "https://elsewhere.example").StartAsync());
        var otherDealersSite = await Assert.ThrowsAnyAsync<Exception>(() => shopper.Hub(fromOrigin: LakesideSite).StartAsync());
        await using var anonymous = new ShopperSession(app.BaseAddress, downtown, DowntownSite);
        var noToken = await Assert.ThrowsAnyAsync<Exception>(() => anonymous.Hub().StartAsync());

        Assert.Contains("403", elsewhere.Message, StringComparison.Ordinal);
        Assert.Contains("403", otherDealersSite.Message, StringComparison.Ordinal);
        Assert.Contains("401", noToken.Message, StringComparison.Ordinal);
        var fine = shopper.Hub();
        await fine.StartAsync();
        Assert.Equal(HubConnectionState.Connected, fine.State);
    }

    [Fact]
    public async Task Starting_twice_continues_the_same_chat_even_from_another_page()
    {
        var (shopper, hub, conversationId) = await StartChatAsync();
        await using var _ = shopper;

        // A new page of the dealer's site: the same visitor token, a new connection and session.
        (await shopper.StartSessionAsync()).EnsureSuccessStatusCode();
        var resumed = shopper.LastSession!.Value.GetProperty("conversation").GetProperty("id").GetString();
        var page2 = shopper.Hub();
        await page2.StartAsync();
        var again = await page2.InvokeAsync<JsonElement>("StartConversation", new { name = "Pat" });

        Assert.Equal(conversationId.ToString(), resumed);
        Assert.Equal(conversationId.ToString(), again.GetProperty("id").GetString());
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ShowroomDb>().Conversations.SingleAsync(c => c.Id == conversationId);
        Assert.Equal("Civic", stored.Vehicle!.Model);
        Assert.Equal(21995m, stored.Vehicle.Price);
    }

    [Fact]
    public async Task A_send_retried_in_parallel_is_stored_once()
    {
        var (shopper, hub, conversationId) = await StartChatAsync();
        await using var _ = shopper;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            hub.InvokeAsync<JsonElement>("SendMessage", conversationId, "client-1", "Is this Civic still available?")));

        Assert.Single(results.Select(r => r.GetProperty("seq").GetInt64()).Distinct());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        Assert.Equal(1, await db.Messages.CountAsync(m => m.ConversationId == conversationId));
    }

    [Fact]
    public async Task Concurrent_messages_get_unique_gapless_sequence_numbers_and_every_tab_hears_them_once()
    {
        var (shopper, hub, conversationId) = await StartChatAsync();
        await using var _ = shopper;
        var otherTab = shopper.Hub();
        var heard = new ConcurrentBag<long>();
        otherTab.On<JsonElement>("MessageReceived", m => heard.Add(m.GetProperty("seq").GetInt64()));
        await otherTab.StartAsync();

        var sent = await Task.WhenAll(Enumerable.Range(1, 30).Select(i =>
            hub.InvokeAsync<JsonElement>("SendMessage", conversationId, $"m-{i}", $"message {i}")));

        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), sent.Select(s => s.GetProperty("seq").GetInt64()).Order());
        // As the widget does: what arrived live, plus a sync for anything sent while the tab was joining.
        var synced = await otherTab.InvokeAsync<JsonElement>("Sync", conversationId, 0L);
        var seen = heard.Concat(synced.EnumerateArray().Select(m => m.GetProperty("seq").GetInt64())).Distinct().Order();
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), seen);
        Assert.Equal(heard.Count, heard.Distinct().Count());
    }

    [Fact]
    public async Task After_a_reconnect_sync_returns_exactly_what_was_missed_in_order()
    {
        var (shopper, hub, conversationId) = await StartChatAsync();
        await using var _ = shopper;
        foreach (var i in Enumerable.Range(1, 5))
        {
            await hub.InvokeAsync<JsonElement>("SendMessage", conversationId, $"s-{i}", $"line {i}");
        }
        await hub.StopAsync();

        var reconnected = shopper.Hub();
        await reconnected.StartAsync();
        var missed = await reconnected.InvokeAsync<JsonElement>("Sync", conversationId, 2L);

        Assert.Equal([3L, 4L, 5L], missed.EnumerateArray().Select(m => m.GetProperty("seq").GetInt64()).ToList());
        Assert.Equal("line 3", missed[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Another_visitor_or_a_guessed_id_gets_nothing()
    {
        var (shopper, _, conversationId) = await StartChatAsync();
        await using var __ = shopper;
        var (downtown, _) = await WidgetKeysAsync();
        await using var stranger = new ShopperSession(app.BaseAddress, downtown, DowntownSite);
        (await stranger.StartSessionAsync()).EnsureSuccessStatusCode();
        var hub = stranger.Hub();
        await hub.StartAsync();

        var read = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("Sync", conversationId, 0L));
        var write = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("SendMessage", conversationId, "x", "hello"));
        var guessed = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("Sync", Guid.NewGuid(), 0L));

        Assert.All([read, write, guessed], e => Assert.Contains("Conversation not found.", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_of_one_dealer_is_worthless_at_another()
    {
        var (downtown, lakeside) = await WidgetKeysAsync();
        await using var atDowntown = new ShopperSession(app.BaseAddress, downtown, DowntownSite);
        (await atDowntown.StartSessionAsync()).EnsureSuccessStatusCode();
        await using var atLakeside = new ShopperSession(app.BaseAddress, lakeside, LakesideSite) { VisitorToken = atDowntown.VisitorToken };

        using var response = await atLakeside.StartSessionAsync();

        // Lakeside starts a visitor of its own; the Downtown token does not open Lakeside's hub either.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(atDowntown.VisitorToken, atLakeside.VisitorToken);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => new ShopperSession(app.BaseAddress, lakeside, LakesideSite) { VisitorToken = atDowntown.VisitorToken }.Hub().StartAsync());
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_messages_are_refused_with_a_clear_reason_and_text_stays_text()
    {
        var (shopper, hub, conversationId) = await StartChatAsync();
        await using var _ = shopper;

        var empty = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("SendMessage", conversationId, "e", "   "));
        var huge = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("SendMessage", conversationId, "h", new string('a', 4001)));
        var html = await hub.InvokeAsync<JsonElement>("SendMessage", conversationId, "x", "<img src=x onerror=alert(1)>\u0007");

        Assert.Contains("at most 4000 characters", empty.Message, StringComparison.Ordinal);
        Assert.Contains("at most 4000 characters", huge.Message, StringComparison.Ordinal);
        Assert.Equal("<img src=x onerror=alert(1)>", html.GetProperty("text").GetString());
        await hub.InvokeAsync("EndConversation", conversationId);
        var ended = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("SendMessage", conversationId, "late", "hello?"));
        Assert.Contains("This chat has ended.", ended.Message, StringComparison.Ordinal);
    }
}
