using System.Threading.Channels;

namespace Showroom.Routing;

/// <summary>
/// "Something changed that may let a waiting chat reach an agent" (an agent became Available, connected,
/// freed a seat). Callers only poke; this node's <see cref="RoutingSweeper"/> routes the dealer's waiting
/// chats at once instead of at its next tick. Lossy on purpose: every waiting chat is looked at again within
/// Routing:RecheckEvery anyway, so a dropped poke costs seconds.
/// </summary>
public sealed class RoutingWake
{
    readonly Channel<Guid> dealers = Channel.CreateBounded<Guid>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Dealer(Guid dealerId) => dealers.Writer.TryWrite(dealerId);

    public void Dealers(IEnumerable<Guid> dealerIds)
    {
        foreach (var id in dealerIds)
        {
            Dealer(id);
        }
    }

    /// <summary>Waits for a poke (or the token), then takes every dealer poked so far.</summary>
    internal async Task<HashSet<Guid>> WaitAsync(CancellationToken ct)
    {
        await dealers.Reader.WaitToReadAsync(ct);
        var poked = new HashSet<Guid>();
        while (dealers.Reader.TryRead(out var id))
        {
            poked.Add(id);
        }
        return poked;
    }
}
