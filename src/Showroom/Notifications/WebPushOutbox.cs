using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Showroom.Data;

namespace Showroom.Notifications;

/// <summary>A push for every browser an agent subscribed: the JSON the service worker reads, and how long it is worth sending.</summary>
public sealed record WebPushMessage(Guid AgentId, byte[] Payload, int TtlSeconds);

/// <summary>
/// Pushes leave off the request path: routing only enqueues (never waiting on a push service), and this service
/// sends. An agent's pushes go through one lane, in order, so an offer's "closed" never overtakes the offer; other
/// agents' lanes are not held up by one slow push service. A full lane drops its oldest push (an offer that old has
/// rung elsewhere already) with a warning.
/// </summary>
public sealed class WebPushOutbox(
    IServiceScopeFactory scopes, WebPushSender sender, VapidKeys keys, TimeProvider clock, ILogger<WebPushOutbox> log) : BackgroundService
{
    const int Lanes = 4;
    const int LaneCapacity = 256;
    static readonly TimeSpan SuccessStampEvery = TimeSpan.FromMinutes(1);

    readonly Channel<WebPushMessage>[] _lanes = Enumerable.Range(0, Lanes)
        .Select(_ => Channel.CreateBounded<WebPushMessage>(
            new BoundedChannelOptions(LaneCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => log.LogWarning("The Web Push outbox is full: a push for agent {AgentId} was dropped.", dropped.AgentId)))
        .ToArray();

    public void Enqueue(WebPushMessage message) =>
        _lanes[(int)((uint)message.AgentId.GetHashCode() % Lanes)].Writer.TryWrite(message);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The first start makes the VAPID key pair, so browsers can subscribe before any push is sent.
            await keys.GetAsync(stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            log.LogWarning(e, "The VAPID key could not be read yet; it is tried again at the first push.");
        }
        await Task.WhenAll(_lanes.Select(lane => RunAsync(lane.Reader, stoppingToken)));
    }

    async Task RunAsync(ChannelReader<WebPushMessage> lane, CancellationToken ct)
    {
        try
        {
            await foreach (var message in lane.ReadAllAsync(ct))
            {
                try
                {
                    await DeliverAsync(message, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    log.LogWarning(e, "A Web Push for agent {AgentId} could not be sent.", message.AgentId);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: pushes still queued are worth nothing after a restart.
        }
    }

    /// <summary>Sends to every subscription of the agent, if they have push on; drops the dead ones.</summary>
    internal async Task DeliverAsync(WebPushMessage message, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        var subscriptions = await db.WebPushSubscriptions.AsNoTracking()
            .Where(s => s.AgentId == message.AgentId && db.Users.Any(a => a.Id == s.AgentId && a.IsActive && a.Notifications.Push))
            .ToListAsync(ct);
        if (subscriptions.Count == 0)
        {
            return;
        }
        var outcomes = await Task.WhenAll(subscriptions.Select(s => sender.SendAsync(s, message.Payload, message.TtlSeconds, ct)));
        var now = clock.GetUtcNow();
        foreach (var (subscription, outcome) in subscriptions.Zip(outcomes))
        {
            if (outcome == WebPushOutcome.Gone)
            {
                await db.WebPushSubscriptions.Where(s => s.Id == subscription.Id && s.Endpoint == subscription.Endpoint).ExecuteDeleteAsync(ct);
            }
            else if (outcome == WebPushOutcome.Delivered && (subscription.LastSuccessAt is not { } last || now - last >= SuccessStampEvery))
            {
                // Shown in the agent's settings; written at most once a minute per browser, not once per offer.
                await db.WebPushSubscriptions.Where(s => s.Id == subscription.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSuccessAt, now), ct);
            }
        }
    }
}
