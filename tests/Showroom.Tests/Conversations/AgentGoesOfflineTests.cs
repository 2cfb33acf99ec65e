using Microsoft.AspNetCore.SignalR.Client;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Showroom.Data;
using Showroom.Presence;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Conversations;

/// <summary>An agent who goes Offline hands their chats back, and the shopper is told.</summary>
public sealed class AgentGoesOfflineTests : IAsyncLifetime
{
    const string Site = "https://downtown.example";
    readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    ShowroomApp _app = null!;
    string _widgetKey = null!;

    public async Task InitializeAsync()
    {
        // Transfers ring longer than the grace period here, so one can still be pending when its sender goes Offline.
        _app = ShowroomApp.Create(new Dictionary<string, string?> { ["Routing:TransferTimeout"] = "00:05:00" }, _clock);
        await _app.InitializeAsync();
        _widgetKey = await _app.EmbedWidgetAtAsync("Example Motors Downtown", Site);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_chats_of_an_agent_gone_Offline_go_back_to_routing_as_transfers_with_a_line_for_the_shopper()
    {
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        await using var shopper = await ShopperClient.ConnectAsync(_app, _widgetKey, Site);
        var id = (await shopper.StartAsync(new { name = "Pat" })).GetProperty("id").GetString()!;
        await sam.TakeAsync(id);
        // Jordan is Away: no customer chats, but a chat handed back is a transfer, which Away agents may take.
        await using var jordan = await AgentClient.ConnectAsync(_app, "jordan@example.com", "Away");

        // Sam's only tab closes and does not come back within the grace period.
        await sam.Hub.StopAsync();
        await Eventually.TrueAsync(() => _app.Services.GetRequiredService<Showroom.Realtime.AgentConnections>().CountFor(sam.Id) == 0, "disconnect handled");
        _clock.Advance(TimeSpan.FromSeconds(61));
        await _app.Services.GetRequiredService<PresenceSweeper>().SweepAsync(CancellationToken.None);

        await shopper.HeardAsync("Sam was disconnected. We are finding someone else to help you.");
        var offer = await jordan.OfferOfAsync(id);
        Assert.Equal("Transfer", offer.GetProperty("kind").GetString());
        await jordan.AcceptAsync(offer);
        await shopper.HeardAsync("Jordan joined the chat");
        await Eventually.TrueAsync(() => shopper.Changes.Any(c => c.GetProperty("agentName").GetString() == "Jordan"), "the widget shows Jordan");
    }

    [Fact]
    public async Task A_transfer_pending_when_its_sender_goes_Offline_is_withdrawn_and_the_chat_is_routed_afresh()
    {
        await using var sam = await AgentClient.ConnectAsync(_app, "sam@example.com");
        await using var shopper = await ShopperClient.ConnectAsync(_app, _widgetKey, Site);
        var id = (await shopper.StartAsync(new { name = "Pat" })).GetProperty("id").GetString()!;
        await sam.TakeAsync(id);
        await using var jordan = await AgentClient.ConnectAsync(_app, "jordan@example.com", "Away");
        await sam.Hub.InvokeAsync<string>("Transfer", Guid.Parse(id), new { toAgentId = jordan.Id });
        var stale = await jordan.OfferOfAsync(id);

        await sam.Hub.StopAsync();
        await Eventually.TrueAsync(() => _app.Services.GetRequiredService<Showroom.Realtime.AgentConnections>().CountFor(sam.Id) == 0, "disconnect handled");
        _clock.Advance(TimeSpan.FromSeconds(61));
        await _app.Services.GetRequiredService<PresenceSweeper>().SweepAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => jordan.Closed.Any(c => c.GetProperty("offerId").GetString() == stale.GetProperty("id").GetString()
            && c.GetProperty("reason").GetString() == "cancelled"), "the stale transfer was withdrawn");
        await Eventually.TrueAsync(() => jordan.Offers.Any(o => o.GetProperty("conversationId").GetString() == id
            && o.GetProperty("id").GetString() != stale.GetProperty("id").GetString()), "the chat was offered afresh");
        var fresh = jordan.Offers.Last(o => o.GetProperty("conversationId").GetString() == id);
        Assert.True((await jordan.AcceptAsync(fresh)).GetProperty("accepted").GetBoolean());
        await shopper.HeardAsync("Jordan joined the chat");
    }
}
