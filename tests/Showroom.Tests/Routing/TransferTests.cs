using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Showroom.Data;
using Showroom.Dealers;
using Showroom.Presence;
using Showroom.Routing;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Routing;

/// <summary>
/// Transfers between agents: who may receive one (Available and Away yes; Do Not Disturb and Offline no),
/// accept, decline, timeout, cancel, and the races with End chat.
/// </summary>
public sealed class TransferTests : IAsyncLifetime
{
    const string Site = "https://downtown.example";
    readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    ShowroomApp _app = null!;
    string _widgetKey = null!;

    public async Task InitializeAsync()
    {
        _app = ShowroomApp.Create(null, _clock);
        await _app.InitializeAsync();
        _widgetKey = await _app.EmbedWidgetAtAsync("Example Motors Downtown", Site);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Sam's chat with a shopper, accepted.</summary>
    async Task<(AgentClient Sam, ShopperClient Shopper, Guid Chat)> SamsChatAsync()
    {
        var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        var shopper = await ShopperClient.ConnectAsync(_app, _widgetKey, Site);
        var id = (await shopper.StartAsync(new { name = "Pat" })).GetProperty("id").GetString()!;
        await sam.TakeAsync(id);
        await shopper.Hub.InvokeAsync<JsonElement>("SendMessage", Guid.Parse(id), "s1", "Can I talk to finance?");
        return (sam, shopper, Guid.Parse(id));
    }

    static Task<string> TransferAsync(AgentClient from, Guid chat, object request) =>
        from.Hub.InvokeAsync<string>("Transfer", chat, request);

    [Theory]
    [InlineData("Available", true)]
    [InlineData("Away", true)]
    [InlineData("DoNotDisturb", false)]
    public async Task Transfers_reach_Available_and_Away_colleagues_but_not_Do_Not_Disturb(string status, bool reaches)
    {
        var (sam, shopper, chat) = await SamsChatAsync();
        await using var a = sam;
        await using var b = shopper;
        await using var jordan = await AgentClient.ConnectAsync(_app, "jordan@example.com", status);

        var targets = await sam.Session.GetJsonAsync<List<JsonElement>>($"/api/conversations/{chat}/transfer-targets");
        var listed = targets.Single(t => t.GetProperty("name").GetString() == "Jordan Lee");

        if (reaches)
        {
            Assert.Equal(JsonValueKind.Null, listed.GetProperty("unavailableReason").ValueKind);
            await TransferAsync(sam, chat, new { toAgentId = jordan.Id, note = "Wants financing" });
            var offer = await jordan.OfferOfAsync(chat.ToString());
            var soFar = await jordan.Hub.InvokeAsync<List<JsonElement>>("Sync", chat, 0L);
            Assert.Contains("Can I talk to finance?", soFar.Select(m => m.GetProperty("text").GetString()));
            Assert.Equal("Transfer", offer.GetProperty("kind").GetString());
            Assert.Equal("Sam", offer.GetProperty("fromAgentName").GetString());
            Assert.Equal("Wants financing", offer.GetProperty("note").GetString());
        }
        else
        {
            Assert.Equal("do-not-disturb", listed.GetProperty("unavailableReason").GetString());
            var refused = await Assert.ThrowsAsync<HubException>(() => TransferAsync(sam, chat, new { toAgentId = jordan.Id }));
            Assert.Contains("Jordan Lee is in Do Not Disturb and cannot take transfers.", refused.Message, StringComparison.Ordinal);
            Assert.False(jordan.WasOffered(chat.ToString()));
        }
    }

    [Fact]
    public async Task An_Offline_colleague_is_listed_with_the_reason_and_cannot_be_chosen()
    {
        var (sam, shopper, chat) = await SamsChatAsync();
        await using var a = sam;
        await using var b = shopper;
        await using var maria = await _app.SignInAsync("manager@example.com");
        var mariaId = (await maria.GetJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString();

        var targets = await sam.Session.GetJsonAsync<List<JsonElement>>($"/api/conversations/{chat}/transfer-targets");
        var refused = await Assert.ThrowsAsync<HubException>(() => TransferAsync(sam, chat, new { toAgentId = mariaId }));

        Assert.Equal("offline", targets.Single(t => t.GetProperty("agentId").GetString() == mariaId).GetProperty("unavailableReason").GetString());
        Assert.Contains("is offline", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(targets, t => t.GetProperty("name").GetString() == "Sam Carter");
    }

    [Fact]
    public async Task Accepting_moves_the_chat_with_its_history_and_the_shopper_sees_who_joined()
    {
        var (sam, shopper, chat) = await SamsChatAsync();
        await using var a = sam;
        await using var b = shopper;
        await using var jordan = await AgentClient.ConnectAsync(_app, "jordan@example.com", "Away");
        await TransferAsync(sam, chat, new { toAgentId = jordan.Id });

        var result = await jordan.AcceptAsync(await jordan.OfferOfAsync(chat.ToString()));

        Assert.True(result.GetProperty("accepted").GetBoolean());
        await shopper.HeardAsync("Jordan joined the chat");
        await Eventually.TrueAsync(() => shopper.Changes.Any(c => c.GetProperty("agentName").GetString() == "Jordan"), "the widget shows Jordan");
        await Eventually.TrueAsync(() => sam.Updated.Any(c => c.GetProperty("assignedAgentId").GetString() == jordan.Id.ToString()), "Sam's chat left him");
        await Assert.ThrowsAsync<HubException>(() => sam.Hub.InvokeAsync<JsonElement>("SendMessage", chat, "a9", "still mine?"));
        var history = await jordan.Hub.InvokeAsync<JsonElement>("Sync", chat, 0L);
        Assert.Contains("Can I talk to finance?", history.EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        Assert.Empty(await sam.Session.GetJsonAsync<List<JsonElement>>("/api/conversations/mine"));
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<ShowroomDb>().RoutingEvents
            .AnyAsync(e => e.ConversationId == chat && e.Step == RoutingStep.Transferred));
    }

    [Fact]
    public async Task A_decline_a_timeout_or_a_cancel_leaves_the_chat_with_the_sender_who_is_told_why()
    {
        var (sam, shopper, chat) = await SamsChatAsync();
        await using var a = sam;
        await using var b = shopper;
        await using var jordan = await AgentClient.ConnectAsync(_app, "jordan@example.com");
        var outcomes = new List<string>();
        sam.Hub.On<JsonElement>("TransferUpdated", u => { lock (outcomes) { outcomes.Add(u.GetProperty("outcome").GetString()!); } });

        await TransferAsync(sam, chat, new { toAgentId = jordan.Id });
        var declined = await jordan.OfferOfAsync(chat.ToString());
        await jordan.Hub.InvokeAsync("DeclineOffer", Guid.Parse(declined.GetProperty("id").GetString()!));
        await Eventually.TrueAsync(() => outcomes.Contains("declined"), "told of the decline");

        jordan.Offers.Clear();
        await TransferAsync(sam, chat, new { toAgentId = jordan.Id });
        await jordan.OfferOfAsync(chat.ToString());
        await sam.Hub.InvokeAsync("CancelTransfer", chat);
        await Eventually.TrueAsync(() => outcomes.Contains("cancelled"), "told of the cancel");
        await Eventually.TrueAsync(() => jordan.Closed.Any(c => c.GetProperty("reason").GetString() == "cancelled"), "Jordan's card went");

        jordan.Offers.Clear();
        await TransferAsync(sam, chat, new { toAgentId = jordan.Id });
        await jordan.OfferOfAsync(chat.ToString());
        _clock.Advance(TimeSpan.FromSeconds(31));
        await _app.Services.GetRequiredService<PresenceSweeper>().SweepAsync(CancellationToken.None);
        await _app.Services.GetRequiredService<RoutingSweeper>().SweepAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => outcomes.Contains("timed-out"), "told of the timeout");

        var mine = await sam.Session.GetJsonAsync<List<JsonElement>>("/api/conversations/mine");
        Assert.Equal(chat.ToString(), Assert.Single(mine).GetProperty("id").GetString());
        Assert.Equal(["declined", "cancelled", "timed-out"], outcomes);
    }

    [Fact]
    public async Task A_transfer_accepted_after_the_chat_ended_does_not_revive_it()
    {
        var (sam, shopper, chat) = await SamsChatAsync();
        await using var a = sam;
        await using var b = shopper;
        await using var jordan = await AgentClient.ConnectAsync(_app, "jordan@example.com");
        await TransferAsync(sam, chat, new { toAgentId = jordan.Id });
        var offer = await jordan.OfferOfAsync(chat.ToString());

        await shopper.Hub.InvokeAsync("EndConversation", chat);
        var late = await jordan.AcceptAsync(offer);

        Assert.False(late.GetProperty("accepted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, late.GetProperty("takenBy").ValueKind);
        await Eventually.TrueAsync(() => jordan.Closed.Any(c => c.GetProperty("reason").GetString() == "ended"), "Jordan's card went");
        Assert.Empty(await jordan.Session.GetJsonAsync<List<JsonElement>>("/api/conversations/mine"));
    }

    [Fact]
    public async Task A_transfer_to_a_department_is_offered_to_everyone_there_who_can_take_it_and_the_chat_moves_there()
    {
        var (sam, shopper, chat) = await SamsChatAsync();
        await using var a = sam;
        await using var b = shopper;
        await using var jordan = await AgentClient.ConnectAsync(_app, "jordan@example.com", "Away");

        await TransferAsync(sam, chat, new { toDepartment = "Finance", note = "Financing questions" });
        var offer = await jordan.OfferOfAsync(chat.ToString());
        var result = await jordan.AcceptAsync(offer);

        Assert.Equal("Finance", offer.GetProperty("department").GetString());
        Assert.Equal("Finance", result.GetProperty("conversation").GetProperty("department").GetString());
        var nobody = await Assert.ThrowsAsync<HubException>(() => TransferAsync(jordan, chat, new { toDepartment = "Parts" }));
        Assert.Contains("Nobody in Parts can take a transfer now.", nobody.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Sequential_department_gets_the_transfer_one_colleague_at_a_time_until_all_have_passed()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
            await db.Departments.Where(d => d.Kind == DepartmentKind.Sales)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.Routing.Policy, RoutingPolicy.Sequential));
        }
        var (sam, shopper, chat) = await SamsChatAsync();
        await using var a = sam;
        await using var b = shopper;
        await using var jordan = await AgentClient.ConnectAsync(_app, "jordan@example.com");
        await using var maria = await AgentClient.ConnectAsync(_app, "manager@example.com");
        var outcomes = new List<string>();
        sam.Hub.On<JsonElement>("TransferUpdated", u => { lock (outcomes) { outcomes.Add(u.GetProperty("outcome").GetString()!); } });

        await TransferAsync(sam, chat, new { toDepartment = "Sales", note = "Trade-in" });
        await Eventually.TrueAsync(() => jordan.WasOffered(chat.ToString()) || maria.WasOffered(chat.ToString()), "one colleague was offered it");
        var (first, second) = jordan.WasOffered(chat.ToString()) ? (jordan, maria) : (maria, jordan);
        Assert.False(second.WasOffered(chat.ToString()));
        var sent = await sam.Hub.InvokeAsync<List<JsonElement>>("SentTransfers");
        Assert.Equal("Sales", Assert.Single(sent).GetProperty("targetName").GetString());

        var firstOffer = await first.OfferOfAsync(chat.ToString());
        await first.Hub.InvokeAsync("DeclineOffer", Guid.Parse(firstOffer.GetProperty("id").GetString()!));
        var secondOffer = await second.OfferOfAsync(chat.ToString());
        Assert.Equal("Trade-in", secondOffer.GetProperty("note").GetString());
        Assert.Empty(outcomes);

        // The second lets it time out: everyone in Sales has passed, so it stays Sam's and Sam is told.
        _clock.Advance(TimeSpan.FromSeconds(31));
        await _app.Services.GetRequiredService<PresenceSweeper>().SweepAsync(CancellationToken.None);
        await _app.Services.GetRequiredService<RoutingSweeper>().SweepAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => { lock (outcomes) { return outcomes.Contains("timed-out"); } }, "told of the timeout");
        Assert.Single(first.Offers, o => o.GetProperty("conversationId").GetString() == chat.ToString());
        Assert.Empty(await sam.Hub.InvokeAsync<List<JsonElement>>("SentTransfers"));
    }

    [Fact]
    public async Task Colleagues_of_the_groups_other_dealers_take_transfers_only_where_the_group_allows_it()
    {
        var (sam, shopper, chat) = await SamsChatAsync();
        await using var a = sam;
        await using var b = shopper;
        await using var chris = await AgentClient.ConnectAsync(_app, "chris@example.com");

        var before = await sam.Session.GetJsonAsync<List<JsonElement>>($"/api/conversations/{chat}/transfer-targets");
        Assert.DoesNotContain(before, t => t.GetProperty("agentId").GetGuid() == chris.Id);
        var refused = await Assert.ThrowsAsync<HubException>(() => TransferAsync(sam, chat, new { toAgentId = chris.Id }));
        Assert.Contains("not at this dealer", refused.Message, StringComparison.Ordinal);

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
            await db.DealerGroups.ExecuteUpdateAsync(set => set.SetProperty(g => g.AllowCrossDealerWork, true));
        }
        var targets = await sam.Session.GetJsonAsync<List<JsonElement>>($"/api/conversations/{chat}/transfer-targets");
        var listed = targets.Single(t => t.GetProperty("agentId").GetGuid() == chris.Id);
        Assert.Equal("Example Motors Lakeside", listed.GetProperty("dealerName").GetString());
        var lakeside = listed.GetProperty("dealerId").GetGuid();

        await TransferAsync(sam, chat, new { toDepartment = "Parts", toDealerId = lakeside });
        var result = await chris.AcceptAsync(await chris.OfferOfAsync(chat.ToString()));
        Assert.True(result.GetProperty("accepted").GetBoolean());
        Assert.Equal("Parts", result.GetProperty("conversation").GetProperty("department").GetString());
        Assert.Equal(chat.ToString(), Assert.Single(await chris.Session.GetJsonAsync<List<JsonElement>>("/api/conversations/mine")).GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_sender_finds_a_waiting_transfer_again_after_a_reload()
    {
        var (sam, shopper, chat) = await SamsChatAsync();
        await using var a = sam;
        await using var b = shopper;
        await using var jordan = await AgentClient.ConnectAsync(_app, "jordan@example.com");
        var offerId = await TransferAsync(sam, chat, new { toAgentId = jordan.Id });

        await using var reloaded = await AgentClient.ConnectAsync(sam.Session, _app.Services, status: null);
        var sent = Assert.Single(await reloaded.Hub.InvokeAsync<List<JsonElement>>("SentTransfers"));
        Assert.Equal(chat, sent.GetProperty("conversationId").GetGuid());
        Assert.Equal(offerId, sent.GetProperty("offerId").GetString());
        Assert.Equal("Jordan Lee", sent.GetProperty("targetName").GetString());
        Assert.Empty(await jordan.Hub.InvokeAsync<List<JsonElement>>("SentTransfers"));
    }
}
