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

/// <summary>To a colleague, or to a department of the chat's dealer (or, where the group allows it, of <see cref="ToDealerId"/>).</summary>
public sealed record TransferRequest(Guid? ToAgentId, DepartmentKind? ToDepartment, string? Note, Guid? ToDealerId = null);

/// <summary>
/// A colleague in the transfer list; <see cref="UnavailableReason"/> is null when they can take the chat now. Colleagues of
/// the group's other dealers are listed only where the group allows cross-dealer work.
/// </summary>
public sealed record TransferTargetDto(
    Guid AgentId, string Name, ShownStatus Status, string? UnavailableReason, IReadOnlyList<DepartmentKind> Departments, Guid DealerId, string DealerName);

/// <summary>A transfer the agent sent that still waits for an answer (so a reloaded console shows it again): the colleague's full name, or the department.</summary>
public sealed record SentTransferDto(Guid ConversationId, Guid OfferId, string TargetName, DepartmentKind? ToDepartment, DateTimeOffset Deadline);

/// <summary>What became of a transfer, told to its sender.</summary>
public sealed record TransferUpdateDto(Guid ConversationId, Guid OfferId, string Outcome, string? TargetName);

/// <summary>
/// Transfers: an agent offers their active chat to a colleague, or to a department: everyone in it who may take a
/// transfer (Available or Away, connected, under their limit) at once, or one at a time where the department's
/// policy is Sequential. The chat stays the sender's until someone accepts (the same conditional accept as
/// routing); when nobody will take it (declined, timed out, cancelled) it stays with them and they are told.
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
        List<Guid> chosen;
        string to;
        if (request.ToAgentId is { } agentId)
        {
            var target = targets.SingleOrDefault(t => t.Dto.AgentId == agentId)?.Dto ?? throw new HubException("That colleague is not at this dealer.");
            if (target.UnavailableReason is { } reason)
            {
                throw new HubException(reason switch
                {
                    "do-not-disturb" => $"{target.Name} is in Do Not Disturb and cannot take transfers.",
                    "offline" => $"{target.Name} is offline.",
                    _ => $"{target.Name} has as many chats as they can take.",
                });
            }
            chosen = [agentId];
            to = target.Name;
        }
        else
        {
            var kind = request.ToDepartment!.Value;
            var dealerId = request.ToDealerId ?? chat.DealerId;
            if (!targets.Any(t => t.WorksIn.Any(w => w.DealerId == dealerId)) && dealerId != chat.DealerId)
            {
                throw new HubException("Transfers to that dealer are not allowed.");
            }
            chosen = await DepartmentChoiceAsync(dealerId, kind, targets, passed: new HashSet<Guid>(), ct);
            if (chosen.Count == 0)
            {
                throw new HubException($"Nobody in {kind} can take a transfer now.");
            }
            to = dealerId == chat.DealerId ? kind.ToString()
                : $"{kind} at {await db.Dealers.Where(d => d.Id == dealerId).Select(d => d.Name).SingleAsync(ct)}";
        }

        // Recorded before the offers, so a Sequential transfer's later offers can tell its start.
        await offers.RecordAsync(chat.Id, chat.DealerId, senderId, RoutingStep.TransferRequested, 0, ct);
        var made = await OfferAsync(chat, senderId, chosen, note, request.ToDepartment, ct);
        if (note is not null)
        {
            // The note stays with the chat as a private note, so whoever takes it reads it in the chat too.
            await notes.AddAsync(chat, senderId, $"transfer:{made[0].Id:N}", $"Transfer to {to}: {note}", ct);
        }
        return made[0].Id;
    }

    /// <summary>Makes and announces transfer offers of the sender's chat to these agents.</summary>
    async Task<List<ChatOffer>> OfferAsync(Conversation chat, Guid senderId, IReadOnlyList<Guid> agentIds, string? note, DepartmentKind? department, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var made = agentIds.Select(id => new ChatOffer
        {
            ConversationId = chat.Id,
            DealerId = chat.DealerId,
            AgentId = id,
            Kind = OfferKind.Transfer,
            State = OfferState.Pending,
            OfferedAt = now,
            Deadline = now + options.Value.TransferTimeout,
            FromAgentId = senderId,
            Note = note,
            ToDepartment = department,
        }).ToList();
        db.ChatOffers.AddRange(made);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        var dealerName = await db.Dealers.Where(d => d.Id == chat.DealerId).Select(d => d.Name).SingleAsync(ct);
        var senderName = await db.Users.Where(a => a.Id == senderId).Select(a => a.FirstName).SingleAsync(ct);
        foreach (var offer in made)
        {
            await agents.Clients.Group(AgentHub.AgentGroup(offer.AgentId)).OfferReceived(Router.ToDto(offer, chat, dealerName, senderName));
            push.OfferCreated(Router.ToDto(offer, chat, dealerName, senderName), offer.AgentId);
        }
        return made;
    }

    /// <summary>Who in the department gets the transfer now: everyone who can take it (Broadcast), or the next one (Sequential).</summary>
    async Task<List<Guid>> DepartmentChoiceAsync(
        Guid dealerId, DepartmentKind kind, List<Target> targets, IReadOnlySet<Guid> passed, CancellationToken ct)
    {
        var policy = await db.Departments.Where(d => d.DealerId == dealerId && d.Kind == kind).Select(d => (RoutingPolicy?)d.Routing.Policy).SingleOrDefaultAsync(ct);
        var members = targets.Where(t => t.WorksIn.Contains((dealerId, kind))).Select(t => t.Candidate);
        return [.. Selection.Choose(policy ?? RoutingPolicy.Broadcast, OfferKind.Transfer, members, passed, new HashSet<Guid>(), preferred: null)];
    }

    /// <summary>
    /// A target declined or let the transfer time out. A Sequential department's next colleague who has not passed
    /// gets it; otherwise, once no offer of it is pending, the sender is told the chat stays theirs.
    /// </summary>
    public async Task PassedAsync(ChatOffer offer, string outcome, CancellationToken ct)
    {
        var sender = offer.FromAgentId!.Value;
        if (offer.ToDepartment is { } kind && await OfferToNextAsync(offer, sender, kind, ct))
        {
            return;
        }
        await router.TellSenderIfUnansweredAsync(offer, sender, outcome, ct);
    }

    async Task<bool> OfferToNextAsync(ChatOffer passedOffer, Guid sender, DepartmentKind kind, CancellationToken ct)
    {
        var chat = await db.Conversations.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == passedOffer.ConversationId && c.Status == ConversationStatus.Active && c.AssignedAgentId == sender, ct);
        if (chat is null || await db.ChatOffers.AnyAsync(o => o.ConversationId == chat.Id && o.State == OfferState.Pending, ct))
        {
            return false;
        }
        var targets = await TargetsAsync(chat, sender, clock.GetUtcNow(), ct);
        // The department is the one the passed colleague was offered it for: theirs at the chat's dealer first.
        var worksIn = targets.FirstOrDefault(t => t.Dto.AgentId == passedOffer.AgentId)?.WorksIn;
        var dealerId = worksIn is null || worksIn.Contains((chat.DealerId, kind)) ? chat.DealerId
            : worksIn.Where(w => w.Kind == kind).Select(w => w.DealerId).DefaultIfEmpty(chat.DealerId).First();
        var since = await db.RoutingEvents.Where(e => e.ConversationId == chat.Id && e.AgentId == sender && e.Step == RoutingStep.TransferRequested)
            .MaxAsync(e => (DateTimeOffset?)e.At, ct);
        var passed = (await db.ChatOffers
            .Where(o => o.ConversationId == chat.Id && o.FromAgentId == sender && o.ToDepartment == kind && since != null && o.OfferedAt >= since)
            .Select(o => o.AgentId).ToListAsync(ct)).ToHashSet();
        var policy = await db.Departments.Where(d => d.DealerId == dealerId && d.Kind == kind).Select(d => d.Routing.Policy).SingleOrDefaultAsync(ct);
        if (policy != RoutingPolicy.Sequential || passed.Count == 0)
        {
            return false;
        }
        var next = await DepartmentChoiceAsync(dealerId, kind, targets, passed, ct);
        if (next.Count == 0)
        {
            return false;
        }
        await OfferAsync(chat, sender, next, passedOffer.Note, kind, ct);
        return true;
    }

    /// <summary>The transfers this agent sent that still wait for an answer.</summary>
    public async Task<List<SentTransferDto>> SentAsync(Guid senderId, CancellationToken ct)
    {
        var pending = await db.ChatOffers.AsNoTracking()
            .Where(o => o.FromAgentId == senderId && o.State == OfferState.Pending
                && db.Conversations.Any(c => c.Id == o.ConversationId && c.AssignedAgentId == senderId && c.Status == ConversationStatus.Active))
            .Select(o => new { o.ConversationId, o.Id, o.ToDepartment, o.Deadline, Name = db.Users.Where(a => a.Id == o.AgentId).Select(a => a.FirstName + " " + a.LastName).FirstOrDefault() })
            .ToListAsync(ct);
        return pending.GroupBy(o => o.ConversationId).Select(g =>
        {
            var first = g.OrderBy(o => o.Id).First();
            return new SentTransferDto(g.Key, first.Id, first.ToDepartment?.ToString() ?? first.Name ?? "", first.ToDepartment, g.Max(o => o.Deadline));
        }).ToList();
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
        await FindMineAsync(senderId, conversationId, ct) is { } chat ? [.. (await TargetsAsync(chat, senderId, clock.GetUtcNow(), ct)).Select(t => t.Dto)] : null;

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
                await presence.RecordMissedOfferAsync(offer.AgentId, offer.DealerId, ct);
                await PassedAsync(offer, TimedOut, ct);
            }
        }
    }

    /// <summary>A colleague as listed, with every department they work in at the dealers in reach (some work at two).</summary>
    sealed record Target(TransferTargetDto Dto, Candidate Candidate, IReadOnlySet<(Guid DealerId, DepartmentKind Kind)> WorksIn);

    /// <summary>
    /// The sender's colleagues at the chat's dealer and, where the group allows cross-dealer work, at the group's other
    /// dealers (each listed once: at the chat's dealer when they work there), with whether they can take the chat now.
    /// </summary>
    async Task<List<Target>> TargetsAsync(Conversation chat, Guid senderId, DateTimeOffset now, CancellationToken ct)
    {
        var dealer = await db.Dealers.AsNoTracking().SingleAsync(d => d.Id == chat.DealerId, ct);
        var crossDealer = await db.DealerGroups.Where(g => g.Id == dealer.GroupId).Select(g => g.AllowCrossDealerWork).SingleAsync(ct);
        var dealers = await db.Dealers.Where(d => d.Id == chat.DealerId || (crossDealer && d.GroupId == dealer.GroupId))
            .ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var dealerIds = dealers.Keys.ToList();
        var members = await db.DealerMemberships.Where(m => dealerIds.Contains(m.DealerId) && m.AgentId != senderId)
            .Join(db.Users.Where(a => a.IsActive), m => m.AgentId, a => a.Id, (m, a) => new { m.DealerId, a.Id, a.FirstName, a.LastName })
            .ToListAsync(ct);
        var people = members.GroupBy(m => m.Id)
            .Select(g => g.OrderBy(m => m.DealerId == chat.DealerId ? 0 : 1).ThenBy(m => dealers[m.DealerId], StringComparer.Ordinal).First())
            .ToList();
        var ids = people.Select(m => m.Id).ToList();
        var departments = await db.DepartmentMemberships.Where(m => dealerIds.Contains(m.DealerId) && ids.Contains(m.AgentId))
            .Join(db.Departments, m => m.DepartmentId, d => d.Id, (m, d) => new { m.AgentId, m.DealerId, d.Kind }).ToListAsync(ct);
        var described = (await router.DescribeAsync(ids, chat.Id, dealer.DefaultChatLimit, now, ct)).ToDictionary(c => c.AgentId);
        return people.Where(m => described.ContainsKey(m.Id))
            .OrderBy(m => m.DealerId == chat.DealerId ? 0 : 1).ThenBy(m => dealers[m.DealerId], StringComparer.Ordinal)
            .ThenBy(m => m.FirstName, StringComparer.Ordinal).ThenBy(m => m.LastName, StringComparer.Ordinal)
            .Select(m =>
            {
                var c = described[m.Id];
                var status = c.LiveConnection ? c.Status : ShownStatus.Offline;
                var reason = Selection.IsEligible(c, OfferKind.Transfer) ? null
                    : status == ShownStatus.DoNotDisturb ? "do-not-disturb"
                    : status == ShownStatus.Offline ? "offline"
                    : "chat-limit";
                var kinds = departments.Where(d => d.AgentId == m.Id && d.DealerId == m.DealerId).Select(d => d.Kind).Order().ToList();
                var worksIn = departments.Where(d => d.AgentId == m.Id).Select(d => (d.DealerId, d.Kind)).ToHashSet();
                return new Target(new TransferTargetDto(m.Id, $"{m.FirstName} {m.LastName}", status, reason, kinds, m.DealerId, dealers[m.DealerId]), c, worksIn);
            }).ToList();
    }

    async Task<Conversation> MineAsync(Guid senderId, Guid conversationId, CancellationToken ct) =>
        await FindMineAsync(senderId, conversationId, ct) ?? throw new HubException("Conversation not found.");

    Task<Conversation?> FindMineAsync(Guid senderId, Guid conversationId, CancellationToken ct) =>
        db.Conversations.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == conversationId && c.AssignedAgentId == senderId && c.Status == ConversationStatus.Active, ct);
}
