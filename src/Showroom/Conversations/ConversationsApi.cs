using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Showroom.Auth;
using Showroom.Data;
using Showroom.Dealers;

namespace Showroom.Conversations;

public static class ConversationsApi
{
    public static RouteGroupBuilder MapConversationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/conversations").RequireAuthorization().WithTags("Conversations");
        group.MapGet("/mine", Mine).WithSummary("The signed-in agent's open chats, oldest first.");
        group.MapGet("/history", History)
            .WithSummary("Past chats of the caller's dealers, newest first, 50 at a time: search by shopper name, phone, e-mail or text, and by date.");
        group.MapGet("/{conversationId:guid}/transcript", Transcript)
            .WithSummary("A chat of the caller's dealers with every message, read-only.");
        return group;
    }

    /// <summary>A past chat in the history list.</summary>
    public sealed record HistoryItemDto(AgentConversationDto Conversation, DateTimeOffset? EndedAt, string? AgentName);

    public sealed record HistoryPageDto(IReadOnlyList<HistoryItemDto> Items, DateTimeOffset? Before);

    public sealed record TranscriptDto(AgentConversationDto Conversation, DateTimeOffset? EndedAt, string? AgentName, IReadOnlyList<MessageDto> Messages);

    /// <param name="q">Matched (ignoring case) against the shopper's name, e-mail, phone and the chat's messages.</param>
    /// <param name="from">Chats started on or after this time.</param>
    /// <param name="to">Chats started before this time.</param>
    /// <param name="before">Paging: the last item's start time from the previous page.</param>
    static async Task<Results<Ok<HistoryPageDto>, NotFound>> History(
        HttpContext http, ShowroomDb db, Guid? dealerId, string? q, DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset? before, CancellationToken ct)
    {
        var dealers = db.VisibleDealers(http.User);
        if (dealerId is { } only)
        {
            if (!await dealers.AnyAsync(d => d.Id == only, ct))
            {
                return TypedResults.NotFound();
            }
            dealers = dealers.Where(d => d.Id == only);
        }
        var chats = db.Conversations.AsNoTracking()
            .Where(c => (c.Status == ConversationStatus.Ended || c.Status == ConversationStatus.Missed) && dealers.Any(d => d.Id == c.DealerId));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
            // Translated to SQL lower(...) LIKE: the analyzers' culture advice is about .NET strings, not this.
#pragma warning disable CA1304, CA1311, CA1862
            chats = chats.Where(c => (c.ShopperName != null && c.ShopperName.ToLower().Contains(term))
                || (c.ShopperEmail != null && c.ShopperEmail.ToLower().Contains(term))
                || (c.ShopperPhone != null && c.ShopperPhone.Contains(term))
                || db.Messages.Any(m => m.ConversationId == c.Id && m.Text.ToLower().Contains(term)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (from is { } start)
        {
            chats = chats.Where(c => c.CreatedAt >= start);
        }
        if (to is { } end)
        {
            chats = chats.Where(c => c.CreatedAt < end);
        }
        if (before is { } cursor)
        {
            chats = chats.Where(c => c.CreatedAt < cursor);
        }
        var rows = await chats.OrderByDescending(c => c.CreatedAt).Take(50)
            .Join(db.Dealers, c => c.DealerId, d => d.Id, (c, d) => new { Chat = c, DealerName = d.Name })
            .Select(x => new { x.Chat, x.DealerName, Agent = db.Users.Where(a => a.Id == x.Chat.AssignedAgentId).Select(a => a.FirstName).FirstOrDefault() })
            .ToListAsync(ct);
        var items = rows.OrderByDescending(r => r.Chat.CreatedAt)
            .Select(r => new HistoryItemDto(ConversationService.ToAgentDto(r.Chat, r.DealerName), r.Chat.EndedAt, r.Agent)).ToList();
        return TypedResults.Ok(new HistoryPageDto(items, items.Count == 50 ? items[^1].Conversation.CreatedAt : null));
    }

    static async Task<Results<Ok<TranscriptDto>, NotFound>> Transcript(Guid conversationId, HttpContext http, ShowroomDb db, MessageStore messages, CancellationToken ct)
    {
        var row = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId)
            .Join(db.VisibleDealers(http.User), c => c.DealerId, d => d.Id, (c, d) => new { Chat = c, DealerName = d.Name })
            .Select(x => new { x.Chat, x.DealerName, Agent = db.Users.Where(a => a.Id == x.Chat.AssignedAgentId).Select(a => a.FirstName).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(new TranscriptDto(ConversationService.ToAgentDto(row.Chat, row.DealerName), row.Chat.EndedAt, row.Agent,
            await messages.AllAsync(conversationId, ct)));
    }

    static async Task<Ok<List<AgentConversationDto>>> Mine(HttpContext http, ShowroomDb db, CancellationToken ct)
    {
        var agentId = http.User.AgentId();
        var open = await db.Conversations.AsNoTracking()
            .Where(c => c.AssignedAgentId == agentId && c.Status == ConversationStatus.Active)
            .Join(db.Dealers, c => c.DealerId, d => d.Id, (c, d) => new { Chat = c, DealerName = d.Name })
            .ToListAsync(ct);
        return TypedResults.Ok(open.OrderBy(x => x.Chat.CreatedAt).Select(x => ConversationService.ToAgentDto(x.Chat, x.DealerName)).ToList());
    }
}
