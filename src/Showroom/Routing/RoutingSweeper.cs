using Microsoft.Extensions.Options;

namespace Showroom.Routing;

/// <summary>
/// Drives routing on every node: at start, every waiting chat (so none is lost across a crash); then each
/// tick the chats whose next step is due, and at once the waiting chats of a dealer where something changed.
/// Several nodes may sweep the same chat: each routing decision is guarded in the database.
/// </summary>
public sealed class RoutingSweeper(
    IServiceScopeFactory scopes, TimeProvider clock, RoutingWake wake, IOptions<RoutingOptions> options, ILogger<RoutingSweeper> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RunAsync(() => RouteAsync(dealers: [], stoppingToken));
        Task<HashSet<Guid>>? poked = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            poked ??= wake.WaitAsync(stoppingToken);
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(options.Value.SweepInterval, clock, tick.Token);
            if (await Task.WhenAny(poked, delay) == poked)
            {
                await tick.CancelAsync();
                var dealers = await poked;
                poked = null;
                await RunAsync(() => RouteAsync(dealers, stoppingToken));
            }
            else
            {
                await RunAsync(() => SweepAsync(stoppingToken));
            }
        }
    }

    /// <summary>Routes every chat whose next step is due, and times out late transfers.</summary>
    public async Task SweepAsync(CancellationToken ct)
    {
        await RouteAsync(dealers: null, ct);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Transfers>().ExpireAsync(ct);
    }

    /// <summary>Null: the due chats; empty: every waiting chat; else the waiting chats of those dealers' groups.</summary>
    async Task RouteAsync(IReadOnlyCollection<Guid>? dealers, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var router = scope.ServiceProvider.GetRequiredService<Router>();
        await router.RouteWaitingAsync(dealers, ct);
    }

    async Task RunAsync(Func<Task> sweep)
    {
        try
        {
            await sweep();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Routing sweep failed; the next one retries");
        }
    }
}
