using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Showroom.Conversations;

/// <summary>
/// Limits on what one visitor, and one IP address, may do through the shoppers' hub. HTTP rate limiting
/// never sees hub calls, so the hub asks here. Kept per node: behind a load balancer with sticky
/// connections a visitor stays on one node; the limits are a brake on abuse, not an exact quota.
/// </summary>
public sealed class ShopperRateLimits : IDisposable
{
    public const string TooFast = "You are sending messages too quickly. Please wait a moment and try again.";
    public const string TooManyChats = "Too many chats were started from here. Please wait a few minutes and try again.";

    readonly ConcurrentDictionary<string, RateLimiter> _limiters = new();

    public bool TryStartChat(Visitor visitor, string? ip) =>
        Take($"start:v:{visitor.VisitorId}", 5) & Take($"start:ip:{ip}", 30);

    public bool TrySendMessage(Visitor visitor, string? ip) =>
        Take($"send:v:{visitor.VisitorId}", 60) & Take($"send:ip:{ip}", 300);

    bool Take(string key, int perMinute)
    {
        var limiter = _limiters.GetOrAdd(key, _ => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
        using var lease = limiter.AttemptAcquire();
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }
}
