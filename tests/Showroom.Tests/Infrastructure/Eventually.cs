using System.Diagnostics;

namespace Showroom.Tests.Infrastructure;

public static class Eventually
{
    /// <summary>
    /// Polls a condition that another process or thread makes true (a socket closing, a message
    /// arriving). Not for timeouts of Showroom's own: those are driven with FakeTimeProvider.
    /// </summary>
    public static async Task<TimeSpan> TrueAsync(Func<bool> condition, string what, TimeSpan? within = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var limit = within ?? TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (stopwatch.Elapsed > limit)
            {
                throw new TimeoutException($"Not true within {limit.TotalSeconds} s: {what}");
            }
            await Task.Delay(10);
        }
        return stopwatch.Elapsed;
    }
}
