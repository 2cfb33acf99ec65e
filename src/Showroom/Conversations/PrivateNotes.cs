using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Showroom.Data;
using Showroom.Realtime;

namespace Showroom.Conversations;

public sealed record NoteDto(Guid Id, Guid ConversationId, string ClientNoteId, Guid AgentId, string AgentName, string Text, DateTimeOffset At);

/// <summary>Private notes in a customer chat: stored once per client id, told to the chat's agent only.</summary>
public sealed class PrivateNotes(ShowroomDb db, TimeProvider clock, IHubContext<AgentHub, IAgentClient> agents)
{
    public async Task<NoteDto> AddAsync(Conversation chat, Guid agentId, string clientNoteId, string text, CancellationToken ct)
    {
        var clean = MessageStore.CheckNew(clientNoteId, text);
        var note = await db.PrivateNotes.AsNoTracking().SingleOrDefaultAsync(n => n.ConversationId == chat.Id && n.ClientNoteId == clientNoteId, ct);
        var created = note is null;
        if (note is null)
        {
            note = new PrivateNote { ConversationId = chat.Id, DealerId = chat.DealerId, AgentId = agentId, ClientNoteId = clientNoteId, Text = clean, At = clock.GetUtcNow() };
            db.PrivateNotes.Add(note);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same client id won a concurrent insert: that one is the note.
                db.ChangeTracker.Clear();
                note = await db.PrivateNotes.AsNoTracking().SingleAsync(n => n.ConversationId == chat.Id && n.ClientNoteId == clientNoteId, ct);
                created = false;
            }
        }
        var dto = await ToDtoAsync(note, ct);
        if (created && chat.AssignedAgentId is { } assigned)
        {
            await agents.Clients.Group(AgentHub.AgentGroup(assigned)).NoteAdded(dto);
        }
        return dto;
    }

    /// <summary>The chat's notes in order, for the agent who has it now (a transferred chat brings its notes).</summary>
    public async Task<List<NoteDto>> ListAsync(Guid conversationId, CancellationToken ct)
    {
        var rows = await db.PrivateNotes.AsNoTracking().Where(n => n.ConversationId == conversationId).OrderBy(n => n.At).ThenBy(n => n.Id)
            .Select(n => new { Note = n, Name = db.Users.Where(a => a.Id == n.AgentId).Select(a => a.FirstName).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Select(r => ToDto(r.Note, r.Name)).ToList();
    }

    async Task<NoteDto> ToDtoAsync(PrivateNote note, CancellationToken ct) =>
        ToDto(note, await db.Users.Where(a => a.Id == note.AgentId).Select(a => a.FirstName).SingleOrDefaultAsync(ct));

    static NoteDto ToDto(PrivateNote n, string? name) => new(n.Id, n.ConversationId, n.ClientNoteId, n.AgentId, name ?? "", n.Text, n.At);
}
