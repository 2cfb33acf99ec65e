using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Showroom.Realtime;

namespace Showroom.Tests.Infrastructure;

/// <summary>A signed-in agent with one real agent-hub connection, and everything the server told it.</summary>
public sealed class AgentClient : IAsyncDisposable
{
    AgentClient(AgentSession session, HubConnection hub, Guid id)
    {
        Session = session;
        Hub = hub;
        Id = id;
        hub.On<JsonElement>("OfferReceived", o => Offers.Enqueue(o));
        hub.On<JsonElement>("OfferClosed", c => Closed.Enqueue(c));
        hub.On<JsonElement>("ConversationAssigned", c => Assigned.Enqueue(c));
        hub.On<JsonElement>("ConversationUpdated", c => Updated.Enqueue(c));
        hub.On<JsonElement>("MessageReceived", m => Messages.Enqueue(m));
        hub.On<JsonElement>("Typing", t => Typing.Enqueue(t));
        hub.On<JsonElement>("ReadUpTo", r => Reads.Enqueue(r));
        hub.On<JsonElement>("StatusChanged", s => Statuses.Enqueue(s));
    }

    public AgentSession Session { get; }
    public HubConnection Hub { get; }
    public Guid Id { get; }
    public ConcurrentQueue<JsonElement> Offers { get; } = new();
    public ConcurrentQueue<JsonElement> Closed { get; } = new();
    public ConcurrentQueue<JsonElement> Assigned { get; } = new();
    public ConcurrentQueue<JsonElement> Updated { get; } = new();
    public ConcurrentQueue<JsonElement> Messages { get; } = new();
    public ConcurrentQueue<JsonElement> Typing { get; } = new();
    public ConcurrentQueue<JsonElement> Reads { get; } = new();
    public ConcurrentQueue<JsonElement> Statuses { get; } = new();

    /// <summary>Signs in, connects (waiting until the server registered the connection) and sets the status, if given.</summary>
    public static async Task<AgentClient> ConnectAsync(ShowroomApp app, string email, string? status = "Available") =>
        await ConnectAsync(await app.SignInAsync(email), app.Services, status);

    public static async Task<AgentClient> ConnectAsync(AgentSession session, IServiceProvider services, string? status = "Available")
    {
        var id = Guid.Parse((await session.GetJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString()!);
        var hub = session.AgentHub();
        var client = new AgentClient(session, hub, id);
        var before = services.GetRequiredService<AgentConnections>().CountFor(id);
        await hub.StartAsync();
        await Eventually.TrueAsync(() => services.GetRequiredService<AgentConnections>().CountFor(id) > before, $"{id} connected");
        if (status is not null)
        {
            await hub.InvokeAsync<JsonElement>("SetStatus", status);
        }
        return client;
    }

    /// <summary>Waits for an offer of that chat.</summary>
    public async Task<JsonElement> OfferOfAsync(string conversationId, TimeSpan? within = null)
    {
        JsonElement found = default;
        await Eventually.TrueAsync(() =>
        {
            found = Offers.LastOrDefault(o => o.GetProperty("conversationId").GetString() == conversationId);
            return found.ValueKind != JsonValueKind.Undefined;
        }, "an offer of the chat", within);
        return found;
    }

    public bool WasOffered(string conversationId) => Offers.Any(o => o.GetProperty("conversationId").GetString() == conversationId);

    public async Task<JsonElement> AcceptAsync(JsonElement offer) =>
        await Hub.InvokeAsync<JsonElement>("AcceptOffer", Guid.Parse(offer.GetProperty("id").GetString()!));

    /// <summary>Waits for the chat's offer and accepts it; fails if it was not won.</summary>
    public async Task<JsonElement> TakeAsync(string conversationId)
    {
        var result = await AcceptAsync(await OfferOfAsync(conversationId));
        if (!result.GetProperty("accepted").GetBoolean())
        {
            throw new InvalidOperationException($"The offer of {conversationId} was not won: {result}");
        }
        return result.GetProperty("conversation");
    }

    public async ValueTask DisposeAsync() => await Session.DisposeAsync();
}
