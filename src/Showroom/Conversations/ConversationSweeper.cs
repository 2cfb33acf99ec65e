using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Showroom.Data;

namespace Showroom.Conversations;

/// <summary>
/// Runs on every node: marks the chats of this node's shopper connections as seen now, then closes open
/// chats nobody has seen for <see cref="ConversationOptions.AbandonAfter"/>. The close is conditional, so
/// nodes sweeping at once close each chat once.
/// </summary>
public sealed class ConversationSweeper(
    IServiceScopeFactory scopes, TimeProvider clock, ShopperConnections shoppers, IOptions<ConversationOptions> options, ILogger<ConversationSweeper> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Conversation sweep failed; the next one retries");
            }
        }
    }

    public async Task SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        var conversations = scope.ServiceProvider.GetRequiredService<ConversationService>();
        var now = clock.GetUtcNow();
        foreach (var chunk in shoppers.Conversations().Chunk(500))
        {
            await db.Conversations.Where(c => chunk.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ShopperSeenAt, now), ct);
        }
        var cutoff = now - options.Value.AbandonAfter;
        var gone = await db.Conversations.AsNoTracking()
            .Where(c => (c.Status == ConversationStatus.Waiting || c.Status == ConversationStatus.Active) && c.ShopperSeenAt <= cutoff)
            .ToListAsync(ct);
        var minutes = (int)options.Value.AbandonAfter.TotalMinutes;
        foreach (var chat in gone)
        {
            await conversations.CloseAsync(chat, ConversationStatus.Ended, $"The shopper left. Chat closed after {minutes} minutes without them.", ct);
        }
    }
}
