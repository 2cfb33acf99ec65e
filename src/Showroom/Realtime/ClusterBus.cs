using StackExchange.Redis;

namespace Showroom.Realtime;

/// <summary>
/// Fire-and-forget messages to every Showroom node, this one included. In one process it is a local
/// call; in scale-out mode it is Redis pub/sub. Use it for "every node, act on your own connections";
/// anything that must survive a crash belongs in the database instead.
/// </summary>
public interface IClusterBus
{
    Task PublishAsync(string channel, string message);

    Task SubscribeAsync(string channel, Func<string, Task> handler);
}

public sealed class InProcessClusterBus(ILogger<InProcessClusterBus> log) : IClusterBus
{
    readonly Lock _gate = new();
    readonly Dictionary<string, List<Func<string, Task>>> _handlers = [];

    public async Task PublishAsync(string channel, string message)
    {
        List<Func<string, Task>> handlers;
        lock (_gate)
        {
            handlers = _handlers.TryGetValue(channel, out var list) ? [.. list] : [];
        }
        foreach (var handler in handlers)
        {
            try
            {
                await handler(message);
            }
            catch (Exception e)
            {
                log.LogError(e, "A handler of cluster channel {Channel} failed", channel);
            }
        }
    }

    public Task SubscribeAsync(string channel, Func<string, Task> handler)
    {
        lock (_gate)
        {
            if (!_handlers.TryGetValue(channel, out var list))
            {
                _handlers[channel] = list = [];
            }
            list.Add(handler);
        }
        return Task.CompletedTask;
    }
}

public sealed class RedisClusterBus(IConnectionMultiplexer redis, ILogger<RedisClusterBus> log) : IClusterBus
{
    const string Prefix = "showroom:bus:";

    public Task PublishAsync(string channel, string message) =>
        redis.GetSubscriber().PublishAsync(RedisChannel.Literal(Prefix + channel), message);

    public async Task SubscribeAsync(string channel, Func<string, Task> handler)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(Prefix + channel));
        // Messages of one channel are handled one at a time, in the order Redis delivered them.
        queue.OnMessage(async message =>
        {
            try
            {
                await handler(message.Message.ToString());
            }
            catch (Exception e)
            {
                log.LogError(e, "A handler of cluster channel {Channel} failed", channel);
            }
        });
    }
}
