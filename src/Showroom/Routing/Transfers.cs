using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Showroom.Conversations;
using Showroom.Data;
using Showroom.Dealers;
using Showroom.Notifications;
using Showroom.Presence;
using Showroom.Realtime;

namespace Showroom.Routing;

public sealed record TransferRequest(Guid? ToAgentId, DepartmentKind? ToDepartment, string? Note);

/// <summary>A colleague in the transfer list; <see cref="UnavailableReason"/> is null when they can take the chat now.</summary>
public sealed record TransferTargetDto(Guid AgentId, string Name, ShownStatus Status, string? UnavailableReason, IReadOnlyList<DepartmentKind> Departments);

/// <summary>What became of a transfer, told to its sender.</summary>
public sealed record TransferUpdateDto(Guid ConversationId, Guid OfferId, string Outcome, string? TargetName);

/// <summary>
/// Transfers: an agent offers their active chat to a colleague, or to everyone in a department who may take a
/// transfer (Available or Away, connected, under their limit). The chat stays the sender's until someone
/// accepts (the same conditional accept as routing); a decline, a timeout or a cancel leaves it with them.
/// </summary>
public sealed class Transfers(
    ShowroomDb db, TimeProvider clock, Router router, OfferBook offers, PresenceService presence, PrivateNotes notes,
    IOptions<RoutingOptions> options, IHubContext<AgentHub, IAgentClient> agents, WebPushOffers push)
{
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string TimedOut = "timed-out";
    public const string Cancelled = "cancelled";

    public async Task<Guid> RequestAsync(Guid senderId, Guid conversationId, TransferRequest request, CancellationToken ct)
    {
        var chat = await MineAsync(senderId, conversationId, ct);
        var note = request.Note?.Trim() is { Length: > 0 } text ? text : null;
        if (note is { Length: > 1000 })
        {
            throw new HubException("The note can have at most 1000 characters.");
        }
        if ((request.ToAgentId is null) == (request.ToDepartment is null))
        {
            throw new HubException("Choose a colleague or a department.");
        }
        if (await db.ChatOffers.AnyAsync(o => o.ConversationId == chat.Id && o.State == OfferState.Pending, ct))
        {
            throw new HubException("A transfer of this chat is already waiting for an answer.");
        }
        var now = clock.GetUtcNow();
        var targets = await TargetsAsync(chat, senderId, now, ct);
        List<TransferTargetDto> chosen;
        if (request.ToAgentId is { } agentId)
        {
            var target = targets.SingleOrDefault(t => t.AgentId == agentId) ?? throw new HubException("That colleague is not at this dealer.");
            if (target.UnavailableReason is { } reason)
            {
                throw new HubException(reason switch
                {
                    "do-not-disturb" => $"{target.Name} is in Do Not Disturb and cannot take transfers.",
                    "offline" => $"{target.Name} is offline.",
                    _ => $"{target.Name} has as many chats as they can take.",
                });
            }
            chosen = [target];
        }
        else
        {
            chosen = targets.Where(t => t.UnavailableReason is null && t.Departments.Contains(request.ToDepartment!.Value)).ToList();
            if (chosen.Count == 0)
            {
                throw new HubException($"Nobody in {request.ToDepartment} can take a transfer now.");
            }
        }

        var made = chosen.Select(t => new ChatOffer
        {
            ConversationId = chat.Id,
            DealerId = chat.DealerId,
            AgentId = t.AgentId,
            Kind = OfferKind.Transfer,
            State = OfferState.Pending,
            OfferedAt = now,
            Deadline = now + options.Value.TransferTimeout,
            FromAgentId = senderId,
            Note = note,
            ToDepartment = request.ToDepartment,
        }).ToList();
        db.ChatOffers.AddRange(made);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await offers.RecordAsync(chat.Id, chat.DealerId, senderId, RoutingStep.TransferRequested, 0, ct);
        if (note is not null)
        {
            // The note stays with the chat as a private note, so whoever takes it reads it in the chat too.
            var to = request.ToDepartment?.ToString() ?? chosen[0].Name;
            await notes.AddAsync(chat, senderId, $"transfer:{made[0].Id:N}", $"Transfer to {to}: {note}", ct);
        }
        var dealerName = await db.Dealers.Where(d => d.Id == chat.DealerId).Select(d => d.Name).SingleAsync(ct);
        var senderName = await db.Users.Where(a => a.Id == senderId).Select(a => a.FirstName).SingleAsync(ct);
        foreach (var offer in made)
        {
            await agents.Clients.Group(AgentHub.AgentGroup(offer.AgentId)).OfferReceived(Router.ToDto(offer, chat, dealerName, senderName));
            push.OfferCreated(Router.ToDto(offer, chat, dealerName, senderName), offer.AgentId);
        }
        return made[0].Id;
    }

    /// <summary>The sender takes the transfer back: its offers are withdrawn.</summary>
    public async Task CancelAsync(Guid senderId, Guid conversationId, CancellationToken ct)
    {
        var chat = await MineAsync(senderId, conversationId, ct);
        var pending = await db.ChatOffers.AsNoTracking()
            .Where(o => o.ConversationId == chat.Id && o.FromAgentId == senderId && o.State == OfferState.Pending).ToListAsync(ct);
        if (pending.Count == 0)
        {
            throw new HubException("No transfer of this chat is waiting.");
        }
        foreach (var offer in pending)
        {
            await offers.CloseAsync(offer, OfferState.Withdrawn, Cancelled, null, ct);
        }
        await agents.Clients.Group(AgentHub.AgentGroup(senderId)).TransferUpdated(new TransferUpdateDto(chat.Id, pending[0].Id, Cancelled, null));
    }

    /// <summary>The colleagues the caller may transfer their chat to, each with why they cannot take it now; null when it is not their chat.</summary>
    public async Task<List<TransferTargetDto>?> TargetsForAsync(Guid senderId, Guid conversationId, CancellationToken ct) =>
        await FindMineAsync(senderId, conversationId, ct) is { } chat ? await TargetsAsync(chat, senderId, clock.GetUtcNow(), ct) : null;

    /// <summary>Transfer offers past their deadline: a missed offer for the target, and the sender is told the chat stays theirs.</summary>
    public async Task ExpireAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var late = await db.ChatOffers.AsNoTracking()
            .Where(o => o.FromAgentId != null && o.State == OfferState.Pending && o.Deadline <= now).ToListAsync(ct);
        foreach (var offer in late)
        {
            if (await offers.CloseAsync(offer, OfferState.TimedOut, OfferBook.TimedOut, null, ct))
            {
                await presence.RecordMissedOfferAsync(offer.AgentId, ct);
                await router.TellSenderIfUnansweredAsync(offer, offer.FromAgentId!.Value, TimedOut, ct);
            }
        }
    }

    async Task<List<TransferTargetDto>> TargetsAsync(Conversation chat, Guid senderId, DateTimeOffset now, CancellationToken ct)
    {
        var members = await db.DealerMemberships.Where(m => m.DealerId == chat.DealerId && m.AgentId != senderId)
            .Join(db.Users.Where(a => a.IsActive), m => m.AgentId, a => a.Id, (m, a) => new { a.Id, a.FirstName, a.LastName })
            .ToListAsync(ct);
        var ids = members.Select(m => m.Id).ToList();
        var departments = await db.DepartmentMemberships.Where(m => m.DealerId == chat.DealerId && ids.Contains(m.AgentId))
            .Join(db.Departments, m => m.DepartmentId, d => d.Id, (m, d) => new { m.AgentId, d.Kind }).ToListAsync(ct);
        var limit = await db.Dealers.Where(d => d.Id == chat.DealerId).Select(d => d.DefaultChatLimit).SingleAsync(ct);
        var described = (await router.DescribeAsync(ids, chat.Id, limit, now, ct)).ToDictionary(c => c.AgentId);
        return members.Where(m => described.ContainsKey(m.Id)).OrderBy(m => m.FirstName).ThenBy(m => m.LastName).Select(m =>
        {
            var c = described[m.Id];
            var status = c.LiveConnection ? c.Status : ShownStatus.Offline;
            var reason = Selection.IsEligible(c, OfferKind.Transfer) ? null
                : status == ShownStatus.DoNotDisturb ? "do-not-disturb"
                : status == ShownStatus.Offline ? "offline"
                : "chat-limit";
            return new TransferTargetDto(m.Id, $"{m.FirstName} {m.LastName}", status, reason,
                departments.Where(d => d.AgentId == m.Id).Select(d => d.Kind).Order().ToList());
        }).ToList();
    }

    async Task<Conversation> MineAsync(Guid senderId, Guid conversationId, CancellationToken ct) =>
        await FindMineAsync(senderId, conversationId, ct) ?? throw new HubException("Conversation not found.");

    Task<Conversation?> FindMineAsync(Guid senderId, Guid conversationId, CancellationToken ct) =>
        db.Conversations.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == conversationId && c.AssignedAgentId == senderId && c.Status == ConversationStatus.Active, ct);
}
