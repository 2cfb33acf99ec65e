using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Showroom.Conversations;
using Showroom.Data;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Conversations;

/// <summary>Limits inside the shoppers' hub (HTTP rate limiting does not see hub calls), with a clear message.</summary>
public sealed class ShopperRateLimitTests : IAsyncLifetime
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

    async Task<(ShopperSession Shopper, HubConnection Hub)> ShopperAsync()
    {
        var shopper = new ShopperSession(_app.BaseAddress, _widgetKey, Site);
        (await shopper.StartSessionAsync()).EnsureSuccessStatusCode();
        var hub = shopper.Hub();
        await hub.StartAsync();
        return (shopper, hub);
    }

    [Fact]
    public async Task A_visitor_sending_too_fast_is_told_to_wait_and_nothing_extra_is_stored()
    {
        var (shopper, hub) = await ShopperAsync();
        await using var _ = shopper;
        var id = Guid.Parse((await hub.InvokeAsync<JsonElement>("StartConversation", new { })).GetProperty("id").GetString()!);

        for (var i = 0; i < 60; i++)
        {
            await hub.InvokeAsync<JsonElement>("SendMessage", id, $"m{i}", $"message {i}");
        }
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("SendMessage", id, "m60", "one too many"));

        Assert.Contains(ShopperRateLimits.TooFast, refused.Message, StringComparison.Ordinal);
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Equal(60, await scope.ServiceProvider.GetRequiredService<ShowroomDb>().Messages.CountAsync(m => m.ConversationId == id && m.Sender == SenderKind.Shopper));
    }

    [Fact]
    public async Task Starting_chat_after_chat_is_refused_past_the_limit()
    {
        var (shopper, hub) = await ShopperAsync();
        await using var _ = shopper;

        for (var i = 0; i < 5; i++)
        {
            var started = await hub.InvokeAsync<JsonElement>("StartConversation", new { });
            await hub.InvokeAsync("EndConversation", Guid.Parse(started.GetProperty("id").GetString()!));
        }
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("StartConversation", new { }));

        Assert.Contains(ShopperRateLimits.TooManyChats, refused.Message, StringComparison.Ordinal);
    }
}
