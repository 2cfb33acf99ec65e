using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Conversations;

/// <summary>The agent's side of a chat, end to end over both hubs: offered, accepted, talked, ended.</summary>
public sealed class AgentConversationTests : IAsyncLifetime
{
    const string Site = "https://downtown.example";
    ShowroomApp _app = null!;
    string _widgetKey = null!;

    public async Task InitializeAsync()
    {
        _app = ShowroomApp.Create(null);
        await _app.InitializeAsync();
        _widgetKey = await _app.EmbedWidgetAtAsync("Example Motors Downtown", Site);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_Available_agent_accepts_the_offer_and_both_sides_talk_until_the_agent_ends_it()
    {
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        await using var shopper = await ShopperClient.ConnectAsync(_app, _widgetKey, Site);

        var conversation = await shopper.StartAsync(new { name = "Pat", vehicle = new { year = 2022, make = "Toyota", model = "RAV4" } });
        var id = conversation.GetProperty("id").GetString()!;

        Assert.Equal("Waiting", conversation.GetProperty("status").GetString());
        Assert.Equal(1, conversation.GetProperty("queuePosition").GetInt32());
        var offer = await sam.OfferOfAsync(id);
        Assert.Equal("RAV4", offer.GetProperty("vehicle").GetProperty("model").GetString());
        Assert.Equal("Example Motors Downtown", offer.GetProperty("dealerName").GetString());
        var accepted = await sam.AcceptAsync(offer);
        Assert.True(accepted.GetProperty("accepted").GetBoolean());
        await Eventually.TrueAsync(() => sam.Assigned.Any(c => c.GetProperty("id").GetString() == id), "the chat is Sam's on all his clients");
        await shopper.HeardAsync("Sam joined the chat");
        await Eventually.TrueAsync(() => shopper.Changes.Any(c => c.GetProperty("agentName").GetString() == "Sam"
            && c.GetProperty("status").GetString() == "Active"), "the shopper's widget shows Sam");

        var chat = Guid.Parse(id);
        await shopper.Hub.InvokeAsync<JsonElement>("SendMessage", chat, "s1", "Is the RAV4 available?");
        await sam.Hub.InvokeAsync<JsonElement>("SendMessage", chat, "a1", "Yes, come see it today!");
        await Eventually.TrueAsync(() => sam.Messages.Any(m => m.GetProperty("text").GetString() == "Is the RAV4 available?"), "the agent heard the shopper");
        var reply = await shopper.HeardAsync("Yes, come see it today!");
        Assert.Equal("Sam", reply.GetProperty("senderName").GetString());

        var mine = await sam.Session.GetJsonAsync<JsonElement>("/api/conversations/mine");
        Assert.Equal(id, mine[0].GetProperty("id").GetString());
        await sam.Hub.InvokeAsync("EndConversation", chat);
        await shopper.HeardAsync("Chat ended");
        var history = await sam.Hub.InvokeAsync<JsonElement>("Sync", chat, 0L);
        Assert.Equal(["Sam joined the chat", "Is the RAV4 available?", "Yes, come see it today!", "Chat ended"],
            history.EnumerateArray().Select(m => m.GetProperty("text").GetString()).ToList());
        Assert.Empty(await sam.Session.GetJsonAsync<List<JsonElement>>("/api/conversations/mine"));
    }

    [Fact]
    public async Task Only_the_assigned_agent_reads_and_answers_the_chat()
    {
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        await using var jordan = await AgentClient.ConnectAsync(_app, "jordan@example.com", "Away");
        await using var shopper = await ShopperClient.ConnectAsync(_app, _widgetKey, Site);
        var id = (await shopper.StartAsync()).GetProperty("id").GetString()!;
        await sam.TakeAsync(id);
        var chat = Guid.Parse(id);

        var write = await Assert.ThrowsAsync<HubException>(() => jordan.Hub.InvokeAsync<JsonElement>("SendMessage", chat, "j1", "hi"));
        var read = await Assert.ThrowsAsync<HubException>(() => jordan.Hub.InvokeAsync<JsonElement>("Sync", chat, 0L));
        var typing = await Assert.ThrowsAsync<HubException>(() => jordan.Hub.InvokeAsync("Typing", chat, true));
        var reserved = await Assert.ThrowsAsync<HubException>(() => shopper.Hub.InvokeAsync<JsonElement>("SendMessage", chat, "system:closed", "fake end"));

        Assert.Contains("Conversation not found.", write.Message, StringComparison.Ordinal);
        Assert.Contains("Conversation not found.", read.Message, StringComparison.Ordinal);
        Assert.Contains("Conversation not found.", typing.Message, StringComparison.Ordinal);
        Assert.Contains("client id", reserved.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typing_goes_both_ways_and_is_never_stored()
    {
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        await using var shopper = await ShopperClient.ConnectAsync(_app, _widgetKey, Site);
        var id = (await shopper.StartAsync()).GetProperty("id").GetString()!;
        await sam.TakeAsync(id);
        var chat = Guid.Parse(id);

        await shopper.Hub.InvokeAsync("Typing", chat, true);
        await sam.Hub.InvokeAsync("Typing", chat, true);
        await sam.Hub.InvokeAsync("Typing", chat, false);

        await Eventually.TrueAsync(() => sam.Typing.Any(t => t.GetProperty("sender").GetString() == "Shopper" && t.GetProperty("typing").GetBoolean()),
            "the agent sees the shopper typing");
        await Eventually.TrueAsync(() => shopper.Typing.Count == 2, "the shopper sees the agent start and stop");
        Assert.Equal("Sam", shopper.Typing.First().GetProperty("name").GetString());
        Assert.Equal([true, false], shopper.Typing.Select(t => t.GetProperty("typing").GetBoolean()));
        var history = await sam.Hub.InvokeAsync<JsonElement>("Sync", chat, 0L);
        Assert.Equal(["Sam joined the chat"], history.EnumerateArray().Select(m => m.GetProperty("text").GetString()).ToList());
    }

    [Fact]
    public async Task Read_receipts_only_move_forward_and_reach_the_other_side()
    {
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        await using var shopper = await ShopperClient.ConnectAsync(_app, _widgetKey, Site);
        var id = (await shopper.StartAsync()).GetProperty("id").GetString()!;
        await sam.TakeAsync(id);
        var chat = Guid.Parse(id);
        var reply = await sam.Hub.InvokeAsync<JsonElement>("SendMessage", chat, "a1", "Hello!");
        var seq = reply.GetProperty("seq").GetInt64();
        await shopper.Hub.InvokeAsync<JsonElement>("SendMessage", chat, "s1", "Hi");

        await shopper.Hub.InvokeAsync("MarkRead", chat, seq);
        await shopper.Hub.InvokeAsync("MarkRead", chat, seq - 1);
        await shopper.Hub.InvokeAsync("MarkRead", chat, seq + 100);
        await sam.Hub.InvokeAsync("MarkRead", chat, seq + 1);

        await Eventually.TrueAsync(() => sam.Reads.Any(r => r.GetProperty("reader").GetString() == "Shopper"), "the agent got the shopper's receipt");
        await Eventually.TrueAsync(() => shopper.Reads.Any(r => r.GetProperty("reader").GetString() == "Agent"), "the shopper got the agent's receipt");
        Assert.Equal([seq], sam.Reads.Where(r => r.GetProperty("reader").GetString() == "Shopper").Select(r => r.GetProperty("seq").GetInt64()));
        var resumed = await shopper.Hub.InvokeAsync<JsonElement>("Resume");
        Assert.Equal(seq, resumed.GetProperty("shopperReadSeq").GetInt64());
        Assert.Equal(seq + 1, resumed.GetProperty("agentReadSeq").GetInt64());
        var mine = await sam.Session.GetJsonAsync<JsonElement>("/api/conversations/mine");
        Assert.Equal(seq, mine[0].GetProperty("shopperReadSeq").GetInt64());
    }

    [Fact]
    public async Task The_agent_sees_the_pages_the_shopper_opens_mid_chat()
    {
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        await using var shopper = await ShopperClient.ConnectAsync(_app, _widgetKey, Site);
        var id = (await shopper.StartAsync(new { pageUrl = $"{Site}/inventory/rav4", pageTitle = "2022 RAV4" })).GetProperty("id").GetString()!;
        await sam.TakeAsync(id);
        var chat = Guid.Parse(id);

        await shopper.Hub.InvokeAsync("PageViewed", chat, $"{Site}/finance", "Financing");
        await shopper.Hub.InvokeAsync("PageViewed", chat, $"{Site}/finance", "Financing");
        var refused = await Assert.ThrowsAsync<HubException>(() => shopper.Hub.InvokeAsync("PageViewed", chat, "javascript:alert(1)", "x"));

        await Eventually.TrueAsync(() => sam.Updated.Any(c => c.GetProperty("pagesVisited").GetArrayLength() == 2), "the agent got the new page");
        var mine = await sam.Session.GetJsonAsync<JsonElement>("/api/conversations/mine");
        Assert.Equal(["2022 RAV4", "Financing"], mine[0].GetProperty("pagesVisited").EnumerateArray().Select(p => p.GetProperty("title").GetString()));
        Assert.Contains("cannot be recorded", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_site_learns_its_widget_key_where_demo_data_is_on()
    {
        using var http = new HttpClient { BaseAddress = _app.BaseAddress };

        var site = JsonDocument.Parse(await http.GetStringAsync("/api/demo/site")).RootElement;

        Assert.Equal(_widgetKey, site.GetProperty("widgetKey").GetString());
    }
}
