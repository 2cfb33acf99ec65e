using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Showroom.Data;
using Showroom.Realtime;

namespace Showroom.Conversations;

/// <summary>Someone started or stopped typing; never stored.</summary>
public sealed record TypingDto(Guid ConversationId, SenderKind Sender, string? Name, bool Typing);

/// <summary>A read receipt: <see cref="Reader"/> has read every message up to <see cref="Seq"/>.</summary>
public sealed record ReadDto(Guid ConversationId, SenderKind Reader, long Seq);

/// <summary>
/// Typing indicators (live only) and read receipts (one number per side, only ever moving forward) between
/// a chat's shopper and its agent. Each is told to the other side and to the reader's own other tabs.
/// </summary>
public sealed class LiveSignals(ShowroomDb db, IHubContext<ShopperHub, IShopperClient> shoppers, IHubContext<AgentHub, IAgentClient> agents)
{
    public async Task TypingAsync(Conversation chat, SenderKind sender, string? name, bool typing)
    {
        var signal = new TypingDto(chat.Id, sender, name, typing);
        if (sender == SenderKind.Shopper && chat.AssignedAgentId is { } agent)
        {
            await agents.Clients.Group(AgentHub.AgentGroup(agent)).Typing(signal);
        }
        else if (sender == SenderKind.Agent)
        {
            await shoppers.Clients.Group(ShopperHub.ConversationGroup(chat.Id)).Typing(signal);
        }
    }

    /// <summary>Moves the reader's mark forward (never back, never past the newest message) and tells both sides.</summary>
    public async Task MarkReadAsync(Conversation chat, SenderKind reader, long seq, CancellationToken ct)
    {
        var moved = reader == SenderKind.Shopper
            ? await db.Conversations.Where(c => c.Id == chat.Id && c.ShopperReadSeq < seq && c.LastSeq >= seq)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ShopperReadSeq, seq), ct)
            : await db.Conversations.Where(c => c.Id == chat.Id && c.AgentReadSeq < seq && c.LastSeq >= seq)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.AgentReadSeq, seq), ct);
        if (moved == 0)
        {
            return;
        }
        var receipt = new ReadDto(chat.Id, reader, seq);
        await shoppers.Clients.Group(ShopperHub.ConversationGroup(chat.Id)).ReadUpTo(receipt);
        if (chat.AssignedAgentId is { } agent)
        {
            await agents.Clients.Group(AgentHub.AgentGroup(agent)).ReadUpTo(receipt);
        }
    }
}
