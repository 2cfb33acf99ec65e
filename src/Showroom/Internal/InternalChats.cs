using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Showroom.Auth;
using Showroom.Conversations;
using Showroom.Data;
using Showroom.Dealers;
using Showroom.Realtime;

namespace Showroom.Internal;

/// <summary>A thread in the agent's list: <see cref="Unread"/> counts colleagues' messages after the agent's read mark.</summary>
public sealed record InternalThreadDto(Guid Id, Guid DealerId, string DealerName, ThreadKind Kind, Guid? WithAgentId, string Title, long LastSeq, long ReadSeq, int Unread);

/// <summary>The agent read a thread up to <see cref="Seq"/> (on one of their clients).</summary>
public sealed record InternalReadDto(Guid ThreadId, long Seq);

public sealed record InternalMessageDto(Guid Id, Guid ThreadId, long Seq, string ClientMessageId, Guid AgentId, string AgentName, string Text, DateTimeOffset SentAt);

/// <summary>
/// Agents-only chats: a direct thread between two colleagues of a dealer, and each dealer's team room. Messages
/// follow the customer chats' delivery rules (client ids, gapless sequence numbers, sync). Every message goes to
/// every client of its audience; whether it rings is the client's call by the status rules (Available and Away
/// are notified, Do Not Disturb counts it silently, Offline finds it unread at the next sign-in).
/// </summary>
public sealed class InternalChats(ShowroomDb db, TimeProvider clock, IHubContext<AgentHub, IAgentClient> agents)
{
    public async Task<InternalThreadDto> OpenDirectAsync(ClaimsPrincipal user, Guid colleagueId, CancellationToken ct)
    {
        var me = user.AgentId();
        var mine = db.DealerMemberships.Where(m => m.AgentId == me && m.AgentId != colleagueId && db.Users.Any(a => a.Id == colleagueId && a.IsActive));
        // A colleague of one of my dealers; else, where the group allows cross-dealer work, of another dealer of the group.
        var dealerId = await mine.Where(m => db.DealerMemberships.Any(o => o.AgentId == colleagueId && o.DealerId == m.DealerId))
                .OrderBy(m => m.DealerId).Select(m => (Guid?)m.DealerId).FirstOrDefaultAsync(ct)
            ?? await mine.Where(m => db.Dealers.Any(d => d.Id == m.DealerId && db.DealerGroups.Any(g => g.Id == d.GroupId && g.AllowCrossDealerWork)
                    && db.DealerMemberships.Any(o => o.AgentId == colleagueId
                        && db.Dealers.Any(other => other.Id == o.DealerId && other.GroupId == d.GroupId))))
                .OrderBy(m => m.DealerId).Select(m => (Guid?)m.DealerId).FirstOrDefaultAsync(ct)
            ?? throw new HubException("You can chat only with colleagues of your dealers.");
        var (a, b) = me.CompareTo(colleagueId) < 0 ? (me, colleagueId) : (colleagueId, me);
        var thread = await db.InternalThreads.AsNoTracking().SingleOrDefaultAsync(t => t.Kind == ThreadKind.Direct && t.AgentA == a && t.AgentB == b, ct);
        if (thread is null)
        {
            await InsertOnceAsync(new InternalThread { DealerId = dealerId, Kind = ThreadKind.Direct, AgentA = a, AgentB = b, CreatedAt = clock.GetUtcNow() }, ct);
            thread = await db.InternalThreads.AsNoTracking().SingleAsync(t => t.Kind == ThreadKind.Direct && t.AgentA == a && t.AgentB == b, ct);
        }
        return (await ToDtosAsync(me, [thread], ct))[0];
    }

    /// <summary>The caller's threads: their direct ones and the team room of each of their dealers.</summary>
    public async Task<List<InternalThreadDto>> ThreadsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.AgentId();
        var dealerIds = await db.VisibleDealers(user).Select(d => d.Id).ToListAsync(ct);
        var rooms = await db.InternalThreads.Where(t => t.Kind == ThreadKind.TeamRoom).Select(t => t.Id).ToListAsync(ct);
        foreach (var missing in dealerIds.Except(rooms))
        {
            await InsertOnceAsync(new InternalThread { Id = missing, DealerId = missing, Kind = ThreadKind.TeamRoom, CreatedAt = clock.GetUtcNow() }, ct);
        }
        var threads = await db.InternalThreads.AsNoTracking()
            .Where(t => (t.Kind == ThreadKind.Direct && (t.AgentA == me || t.AgentB == me)) || (t.Kind == ThreadKind.TeamRoom && dealerIds.Contains(t.DealerId)))
            .ToListAsync(ct);
        return [.. (await ToDtosAsync(me, threads, ct)).OrderByDescending(t => t.Unread > 0).ThenBy(t => t.Kind).ThenBy(t => t.Title, StringComparer.CurrentCulture)];
    }

    /// <summary>Stores the message once per client id with the thread's next sequence number, then tells its audience.</summary>
    public async Task<InternalMessageDto> SendAsync(ClaimsPrincipal user, Guid threadId, string clientMessageId, string text, CancellationToken ct)
    {
        var clean = MessageStore.CheckNew(clientMessageId, text);
        var me = user.AgentId();
        var thread = await UsableAsync(user, threadId, ct);
        var (message, created) = await AppendAsync(thread, me, clientMessageId, clean, ct);
        var dto = await ToDtoAsync(message, ct);
        if (created)
        {
            await Audience(thread).InternalMessageReceived(dto);
        }
        return dto;
    }

    public async Task<List<InternalMessageDto>> SyncAsync(ClaimsPrincipal user, Guid threadId, long afterSeq, CancellationToken ct)
    {
        await UsableAsync(user, threadId, ct);
        var rows = await db.InternalMessages.AsNoTracking().Where(m => m.ThreadId == threadId && m.Seq > afterSeq).OrderBy(m => m.Seq).Take(500)
            .Select(m => new { Message = m, Name = db.Users.Where(a => a.Id == m.AgentId).Select(a => a.FirstName).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Select(r => ToDto(r.Message, r.Name)).ToList();
    }

    /// <summary>Moves the caller's read mark forward (never back, never past the newest message).</summary>
    public async Task MarkReadAsync(ClaimsPrincipal user, Guid threadId, long seq, CancellationToken ct)
    {
        var me = user.AgentId();
        var thread = await UsableAsync(user, threadId, ct);
        seq = Math.Min(seq, thread.LastSeq);
        var moved = await db.InternalReadMarks.Where(r => r.ThreadId == threadId && r.AgentId == me && r.ReadSeq < seq)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReadSeq, seq), ct);
        if (moved == 0 && !await db.InternalReadMarks.AnyAsync(r => r.ThreadId == threadId && r.AgentId == me, ct))
        {
            db.InternalReadMarks.Add(new InternalReadMark { ThreadId = threadId, AgentId = me, ReadSeq = seq });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another tab made the mark first; moving it forward is enough.
                db.ChangeTracker.Clear();
                await db.InternalReadMarks.Where(r => r.ThreadId == threadId && r.AgentId == me && r.ReadSeq < seq)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReadSeq, seq), ct);
            }
        }
        // The agent's other tabs and devices clear the same unread count.
        await agents.Clients.Group(AgentHub.AgentGroup(me)).InternalReadUpTo(new InternalReadDto(threadId, seq));
    }

    async Task<(InternalMessage Message, bool Created)> AppendAsync(InternalThread thread, Guid me, string clientMessageId, string text, CancellationToken ct)
    {
        if (await db.InternalMessages.AsNoTracking().SingleOrDefaultAsync(m => m.ThreadId == thread.Id && m.ClientMessageId == clientMessageId, ct) is { } stored)
        {
            return (stored, false);
        }
        // As in MessageStore: the counter bump and the insert share a transaction, so numbers are unique and gapless.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.InternalThreads.Where(t => t.Id == thread.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastSeq, t => t.LastSeq + 1), ct);
        var seq = await db.InternalThreads.Where(t => t.Id == thread.Id).Select(t => t.LastSeq).SingleAsync(ct);
        var message = new InternalMessage { ThreadId = thread.Id, Seq = seq, ClientMessageId = clientMessageId, AgentId = me, Text = text, SentAt = clock.GetUtcNow() };
        db.InternalMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (message, true);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return (await db.InternalMessages.AsNoTracking().SingleAsync(m => m.ThreadId == thread.Id && m.ClientMessageId == clientMessageId, ct), false);
        }
    }

    /// <summary>A direct thread is its two agents'; a team room is for whoever may see its dealer. Anyone else finds nothing.</summary>
    async Task<InternalThread> UsableAsync(ClaimsPrincipal user, Guid threadId, CancellationToken ct)
    {
        var me = user.AgentId();
        var visible = db.VisibleDealers(user).Select(d => d.Id);
        return await db.InternalThreads.AsNoTracking().SingleOrDefaultAsync(t => t.Id == threadId
                && ((t.Kind == ThreadKind.Direct && (t.AgentA == me || t.AgentB == me)) || (t.Kind == ThreadKind.TeamRoom && visible.Contains(t.DealerId))), ct)
            ?? throw new HubException("Conversation not found.");
    }

    IAgentClient Audience(InternalThread thread) => thread.Kind == ThreadKind.TeamRoom
        ? agents.Clients.Group(AgentHub.DealerGroup(thread.DealerId))
        : agents.Clients.Groups(AgentHub.AgentGroup(thread.AgentA!.Value), AgentHub.AgentGroup(thread.AgentB!.Value));

    async Task InsertOnceAsync(InternalThread thread, CancellationToken ct)
    {
        db.InternalThreads.Add(thread);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Made at the same moment by another call: that one is the thread.
        }
        db.ChangeTracker.Clear();
    }

    async Task<List<InternalThreadDto>> ToDtosAsync(Guid me, List<InternalThread> threads, CancellationToken ct)
    {
        var ids = threads.Select(t => t.Id).ToList();
        var marks = await db.InternalReadMarks.Where(r => r.AgentId == me && ids.Contains(r.ThreadId)).ToDictionaryAsync(r => r.ThreadId, r => r.ReadSeq, ct);
        var unread = await db.InternalMessages.Where(m => ids.Contains(m.ThreadId) && m.AgentId != me
                && m.Seq > (db.InternalReadMarks.Where(r => r.ThreadId == m.ThreadId && r.AgentId == me).Select(r => (long?)r.ReadSeq).FirstOrDefault() ?? 0))
            .GroupBy(m => m.ThreadId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var people = threads.SelectMany(t => new[] { t.AgentA, t.AgentB }).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.Where(a => people.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.FirstName + " " + a.LastName, ct);
        var dealerIds = threads.Select(t => t.DealerId).Distinct().ToList();
        var dealers = await db.Dealers.Where(d => dealerIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return threads.Select(t =>
        {
            var other = t.Kind == ThreadKind.Direct ? (t.AgentA == me ? t.AgentB : t.AgentA) : null;
            var title = other is { } o ? names.GetValueOrDefault(o, "") : dealers[t.DealerId];
            return new InternalThreadDto(t.Id, t.DealerId, dealers[t.DealerId], t.Kind, other, title, t.LastSeq, marks.GetValueOrDefault(t.Id), unread.GetValueOrDefault(t.Id));
        }).ToList();
    }

    async Task<InternalMessageDto> ToDtoAsync(InternalMessage m, CancellationToken ct) =>
        ToDto(m, await db.Users.Where(a => a.Id == m.AgentId).Select(a => a.FirstName).SingleOrDefaultAsync(ct));

    static InternalMessageDto ToDto(InternalMessage m, string? name) => new(m.Id, m.ThreadId, m.Seq, m.ClientMessageId, m.AgentId, name ?? "", m.Text, m.SentAt);
}
