using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Showroom.Data;

namespace Showroom.Conversations;

public sealed record MessageDto(Guid Id, Guid ConversationId, long Seq, string ClientMessageId, SenderKind Sender, string? SenderName, string Text, DateTimeOffset SentAt);

/// <summary>A HubException, so a hub method that meets it tells its caller as it is.</summary>
public sealed class ConversationClosedException() : HubException("This chat has ended.");

/// <summary>
/// Appends messages exactly once and in order. The conversation's counter is bumped by a conditional
/// update inside the transaction that inserts the message, so two senders get different numbers, and
/// the unique (conversation, client id) index turns a retried or doubled send into the stored message.
/// Callers broadcast only after this returns: what clients see is always committed.
/// </summary>
public sealed class MessageStore(ShowroomDb db, TimeProvider clock)
{
    public const int MaxLength = 4000;

    /// <param name="closingLine">The line a closed chat ends with ("Chat ended"), written after the status changed; any other message needs an open chat.</param>
    public async Task<(ChatMessage Message, bool Created)> AppendAsync(
        Conversation conversation, SenderKind sender, Guid? agentId, string clientMessageId, string text, CancellationToken ct, bool closingLine = false)
    {
        if (await FindAsync(conversation.Id, clientMessageId, ct) is { } existing)
        {
            return (existing, false);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var bumped = await db.Conversations
            .Where(c => c.Id == conversation.Id && (closingLine || c.Status == ConversationStatus.Waiting || c.Status == ConversationStatus.Active))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSeq, c => c.LastSeq + 1), ct);
        if (bumped == 0)
        {
            throw new ConversationClosedException();
        }
        var seq = await db.Conversations.Where(c => c.Id == conversation.Id).Select(c => c.LastSeq).SingleAsync(ct);
        var message = new ChatMessage
        {
            ConversationId = conversation.Id,
            DealerId = conversation.DealerId,
            Seq = seq,
            ClientMessageId = clientMessageId,
            Sender = sender,
            SenderAgentId = agentId,
            Text = text,
            SentAt = clock.GetUtcNow(),
        };
        db.Messages.Add(message);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (message, true);
        }
        catch (DbUpdateException)
        {
            // The same client id won a concurrent insert: that one is the message (the counter bump rolls back).
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return (await FindAsync(conversation.Id, clientMessageId, ct) ?? throw new InvalidOperationException("Message insert failed."), false);
        }
    }

    public Task<ChatMessage?> FindAsync(Guid conversationId, string clientMessageId, CancellationToken ct) =>
        db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.ConversationId == conversationId && m.ClientMessageId == clientMessageId, ct);

    /// <summary>Messages after <paramref name="afterSeq"/>, in order: what a client missed.</summary>
    public async Task<List<MessageDto>> AfterAsync(Guid conversationId, long afterSeq, CancellationToken ct)
    {
        var rows = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Seq > afterSeq)
            .OrderBy(m => m.Seq)
            .Take(500)
            .GroupJoin(db.Users, m => m.SenderAgentId, a => a.Id, (m, agents) => new { m, agents })
            .SelectMany(x => x.agents.DefaultIfEmpty(), (x, a) => new { x.m, a!.FirstName })
            .ToListAsync(ct);
        return rows.Select(r => ToDto(r.m, r.FirstName)).ToList();
    }

    /// <summary>Every message of the chat, in order, read page by page (transcripts).</summary>
    public async Task<List<MessageDto>> AllAsync(Guid conversationId, CancellationToken ct)
    {
        var all = new List<MessageDto>();
        while (true)
        {
            var page = await AfterAsync(conversationId, all.Count == 0 ? 0 : all[^1].Seq, ct);
            all.AddRange(page);
            if (page.Count < 500)
            {
                return all;
            }
        }
    }

    public static MessageDto ToDto(ChatMessage m, string? agentFirstName) =>
        new(m.Id, m.ConversationId, m.Seq, m.ClientMessageId, m.Sender, m.Sender == SenderKind.Agent ? agentFirstName : null, m.Text, m.SentAt);

    /// <summary>
    /// What either hub accepts as a new message: a client id of at most 64 characters (the "system:" ids are
    /// the server's own) and text per <see cref="Clean"/>. Returns the text to store, or refuses clearly.
    /// </summary>
    public static string CheckNew(string? clientMessageId, string? text)
    {
        if (string.IsNullOrWhiteSpace(clientMessageId) || clientMessageId.Length > 64 || clientMessageId.StartsWith("system:", StringComparison.Ordinal))
        {
            throw new HubException("Every message needs a client id of at most 64 characters.");
        }
        return Clean(text) ?? throw new HubException($"A message must have text, at most {MaxLength} characters.");
    }

    /// <summary>Text as the shopper or agent typed it, less control characters; null when empty or too long.</summary>
    public static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var kept = new string(text.Where(c => c is '\n' or '\t' || !char.IsControl(c)).ToArray());
        return kept.Trim().Length == 0 || kept.Length > MaxLength ? null : kept;
    }
}
