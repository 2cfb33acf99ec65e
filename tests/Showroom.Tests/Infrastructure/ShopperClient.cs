using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Showroom.Tests.Infrastructure;

/// <summary>A shopper's widget: a visitor session, one real shopper-hub connection, and what the server told it.</summary>
public sealed class ShopperClient : IAsyncDisposable
{
    ShopperClient(ShopperSession session, HubConnection hub)
    {
        Session = session;
        Hub = hub;
        hub.On<JsonElement>("MessageReceived", m => Messages.Enqueue(m));
        hub.On<JsonElement>("ConversationChanged", c => Changes.Enqueue(c));
        hub.On<JsonElement>("Typing", t => Typing.Enqueue(t));
        hub.On<JsonElement>("ReadUpTo", r => Reads.Enqueue(r));
    }

    public ShopperSession Session { get; }
    public HubConnection Hub { get; }
    public ConcurrentQueue<JsonElement> Messages { get; } = new();
    public ConcurrentQueue<JsonElement> Changes { get; } = new();
    public ConcurrentQueue<JsonElement> Typing { get; } = new();
    public ConcurrentQueue<JsonElement> Reads { get; } = new();

    public static async Task<ShopperClient> ConnectAsync(ShowroomApp app, string widgetKey, string origin, string? visitorToken = null)
    {
        var session = new ShopperSession(app.BaseAddress, widgetKey, origin) { VisitorToken = visitorToken };
        (await session.StartSessionAsync()).EnsureSuccessStatusCode();
        var client = new ShopperClient(session, session.Hub());
        await client.Hub.StartAsync();
        return client;
    }

    /// <summary>Starts a chat; the answer is the conversation as the shopper sees it.</summary>
    public async Task<JsonElement> StartAsync(object? request = null) =>
        await Hub.InvokeAsync<JsonElement>("StartConversation", request ?? new { });

    public IEnumerable<string> Texts => Messages.Select(m => m.GetProperty("text").GetString()!);

    public async Task<JsonElement> HeardAsync(string text) 
    {
        await Eventually.TrueAsync(() => Texts.Contains(text), $"the shopper heard \"{text}\"");
        return Messages.First(m => m.GetProperty("text").GetString() == text);
    }

    public async ValueTask DisposeAsync() => await Session.DisposeAsync();
}
