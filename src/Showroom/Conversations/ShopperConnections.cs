using System.Collections.Concurrent;

namespace Showroom.Conversations;

/// <summary>
/// This node's shopper connections and the chat each is in. The sweeper marks those chats as seen, so a
/// chat whose shopper has had no tab open anywhere for long enough can be told apart and closed.
/// </summary>
public sealed class ShopperConnections
{
    readonly ConcurrentDictionary<string, Guid> chats = new();

    public void Join(string connectionId, Guid conversationId) => chats[connectionId] = conversationId;

    public void Leave(string connectionId) => chats.TryRemove(connectionId, out _);

    public IReadOnlyCollection<Guid> Conversations() => chats.Values.Distinct().ToList();
}
