using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
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
        _app = ShowroomApp.Create(null, _clock);
        await _app.InitializeAsync();
        _widgetKey = await _app.EmbedWidgetAtAsync("Example Motors Downtown", Site);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    async Task<(AgentSession Session, HubConnection Hub, Guid Id)> AvailableAgentAsync(string email)
    {
        var session = await _app.SignInAsync(email);
        var id = Guid.Parse((await session.GetJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString()!);
        var hub = session.AgentHub();
        await hub.StartAsync();
        await Eventually.TrueAsync(() => _app.Services.GetRequiredService<Showroom.Realtime.AgentConnections>().CountFor(id) == 1, "connected");
        await hub.InvokeAsync<JsonElement>("SetStatus", "Available");
        return (session, hub, id);
    }

    [Fact]
    public async Task The_chats_of_an_agent_gone_Offline_go_to_a_colleague_with_a_line_for_the_shopper()
    {
        var (sam, samHub, samId) = await AvailableAgentAsync("sam@example.com");
        await using var a = sam;
        await using var shopper = new ShopperSession(_app.BaseAddress, _widgetKey, Site);
        (await shopper.StartSessionAsync()).EnsureSuccessStatusCode();
        var shopperHub = shopper.Hub();
        var heard = new ConcurrentQueue<string>();
        shopperHub.On<JsonElement>("MessageReceived", m => heard.Enqueue(m.GetProperty("text").GetString()!));
        await shopperHub.StartAsync();
        var chat = await shopperHub.InvokeAsync<JsonElement>("StartConversation", new { name = "Pat" });
        Assert.Equal("Sam", chat.GetProperty("agentName").GetString());
        var (jordan, jordanHub, _) = await AvailableAgentAsync("jordan@example.com");
        await using var b = jordan;
        var handedOver = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        jordanHub.On<JsonElement>("ConversationAssigned", c => handedOver.TrySetResult(c));

        // Sam's only tab closes and does not come back within the grace period.
        await samHub.StopAsync();
        await Eventually.TrueAsync(() => _app.Services.GetRequiredService<Showroom.Realtime.AgentConnections>().CountFor(samId) == 0, "disconnect handled");
        _clock.Advance(TimeSpan.FromSeconds(61));
        await _app.Services.GetRequiredService<PresenceSweeper>().SweepAsync(CancellationToken.None);

        var given = await handedOver.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(chat.GetProperty("id").GetString(), given.GetProperty("id").GetString());
        await Eventually.TrueAsync(() => heard.Contains("Sam was disconnected. We are finding someone else to help you."), "the shopper was told");
        await Eventually.TrueAsync(() => heard.Contains("Jordan joined the chat"), "the shopper saw Jordan join");
    }
}
