using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Showroom.Agents;
using Showroom.Conversations;
using Showroom.Data;
using Showroom.Dealers;
using Showroom.Notifications;
using Showroom.Presence;
using Showroom.Realtime;

namespace Showroom.Routing;

/// <summary>A chat offered to an agent, as their Chat Screen, extension and notifications show it.</summary>
public sealed record OfferDto(
    Guid Id, Guid ConversationId, OfferKind Kind, Guid DealerId, string DealerName, DepartmentKind Department, string? ShopperName,
    string? PageUrl, string? PageTitle, VehicleOfInterest? Vehicle, bool ReturningShopper, DateTimeOffset WaitingSince,
    DateTimeOffset Deadline, string? FromAgentName, string? Note);

/// <summary>The answer to Accept: the chat, now the caller's, or who took it first.</summary>
public sealed record AcceptResultDto(bool Accepted, AgentConversationDto? Conversation, string? TakenBy);

/// <summary>
/// The offer lifecycle of the design: a waiting chat becomes offers to eligible agents until one accepts,
/// it escalates, or it is missed. Everything lives in the database, so any node may take the next step:
/// each routing decision is one transaction guarded by the chat's routing stamp, and accepting is one
/// conditional update, so two agents (or two nodes) never both win a chat.
/// </summary>
public sealed class Router(
    ShowroomDb db,
    TimeProvider clock,
    OfferBook offers,
    ConversationService conversations,
    PresenceService presence,
    IOptions<RoutingOptions> options,
    IHubContext<AgentHub, IAgentClient> agents,
    WebPushOffers push)
{
    /// <summary>
    /// Takes the chat's next routing step: time out late offers, miss it, escalate, or offer it. A decision that
    /// loses the stamp race is made again from fresh data: the winner may have decided from what was true a
    /// moment earlier (say, before an agent became Available), and the wake that brought this call must not be lost.
    /// </summary>
    public async Task RouteAsync(Guid conversationId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3 && !await TryRouteAsync(conversationId, ct); attempt++)
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>One routing decision; false when another decision for the chat was written since it was read.</summary>
    async Task<bool> TryRouteAsync(Guid conversationId, CancellationToken ct)
    {
        var chat = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId, ct);
        if (chat is not { Status: ConversationStatus.Waiting })
        {
            return true;
        }
        var now = clock.GetUtcNow();
        var dealer = await db.Dealers.AsNoTracking().SingleAsync(d => d.Id == chat.DealerId, ct);
        var settings = await SettingsAsync(chat, ct);
        var routing = chat.Routing;

        // Late offers time out first: only a timeout is a missed offer for the agent.
        var chatOffers = await db.ChatOffers.AsNoTracking().Where(o => o.ConversationId == chat.Id).ToListAsync(ct);
        foreach (var late in chatOffers.Where(o => o.State == OfferState.Pending && o.Deadline <= now))
        {
            if (await offers.CloseAsync(late, OfferState.TimedOut, OfferBook.TimedOut, null, ct))
            {
                await presence.RecordMissedOfferAsync(late.AgentId, late.DealerId, ct);
            }
        }
        chatOffers = await db.ChatOffers.AsNoTracking().Where(o => o.ConversationId == chat.Id).ToListAsync(ct);

        var missedAt = routing.QueuedAt + TimeSpan.FromSeconds(settings.MissedChatLimitSeconds);
        if (now >= missedAt)
        {
            await MissAsync(chat, ct);
            return true;
        }

        var allowsGroup = await db.DealerGroups.Where(g => g.Id == dealer.GroupId).Select(g => g.AllowCrossDealerWork).SingleAsync(ct);
        var steps = Selection.Steps(settings, allowsGroup);
        var escalateAfter = TimeSpan.FromSeconds(Math.Max(1, settings.EscalateAfterSeconds));
        var level = Math.Min(routing.EscalationLevel, steps.Count - 1);
        while (level < steps.Count - 1 && now >= routing.QueuedAt + escalateAfter * (level + 1))
        {
            level++;
        }
        var round = routing.Round;
        var kind = routing.IsTransfer ? OfferKind.Transfer : OfferKind.Chat;
        var ringing = chatOffers.Where(o => o.State == OfferState.Pending).Select(o => o.AgentId).ToHashSet();
        var next = missedAt;
        IReadOnlyList<Guid> chosen;
        while (true)
        {
            var candidates = await CandidatesAsync(chat, dealer, steps.Take(level + 1), now, ct);
            var passed = chatOffers.Where(o => o.Round == round && o.State is OfferState.Declined or OfferState.TimedOut).Select(o => o.AgentId).ToHashSet();
            chosen = Selection.Choose(settings.Policy, kind, candidates, passed, ringing, routing.PreferredAgentId);
            if (chosen.Count > 0 || !Selection.RoundExhausted(kind, candidates, passed, ringing))
            {
                break;
            }
            if (level < steps.Count - 1)
            {
                level++;
                continue;
            }
            // Everyone passed at the widest step: a new round, after a pause, so a decline does not ring again at once.
            var newRoundAt = (chatOffers.Where(o => o.Round == round).Max(o => o.ClosedAt) ?? now) + options.Value.RoundPause;
            if (now < newRoundAt)
            {
                next = Min(next, newRoundAt);
                break;
            }
            round++;
        }

        var timeout = TimeSpan.FromSeconds(Math.Max(1, settings.OfferTimeoutSeconds));
        if (level < steps.Count - 1)
        {
            next = Min(next, routing.QueuedAt + escalateAfter * (level + 1));
        }
        foreach (var offer in chatOffers.Where(o => o.State == OfferState.Pending))
        {
            next = Min(next, offer.Deadline);
        }
        if (chosen.Count > 0)
        {
            next = Min(next, now + timeout);
        }
        next = Min(next, now + options.Value.RecheckEvery);

        // The decision counts only if nobody decided for this chat since it was read.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var stamp = routing.Stamp;
        var decided = await db.Conversations
            .Where(c => c.Id == chat.Id && c.Status == ConversationStatus.Waiting && c.Routing.Stamp == stamp)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Routing.Stamp, stamp + 1)
                .SetProperty(c => c.Routing.Round, round)
                .SetProperty(c => c.Routing.EscalationLevel, level)
                .SetProperty(c => c.Routing.NextAt, next), ct);
        if (decided == 0)
        {
            return false;
        }
        var made = chosen.Select(agentId => new ChatOffer
        {
            ConversationId = chat.Id,
            DealerId = chat.DealerId,
            AgentId = agentId,
            Kind = kind,
            Round = round,
            State = OfferState.Pending,
            OfferedAt = now,
            Deadline = now + timeout,
        }).ToList();
        db.ChatOffers.AddRange(made);
        if (level > routing.EscalationLevel)
        {
            db.RoutingEvents.Add(new RoutingEvent { ConversationId = chat.Id, DealerId = chat.DealerId, Step = RoutingStep.Escalated, Level = level, At = now });
        }
        db.RoutingEvents.AddRange(made.Select(o => new RoutingEvent
        {
            ConversationId = chat.Id, DealerId = chat.DealerId, AgentId = o.AgentId, Step = RoutingStep.Offered, Level = round, At = now,
        }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();

        foreach (var offer in made)
        {
            await agents.Clients.Group(AgentHub.AgentGroup(offer.AgentId)).OfferReceived(ToDto(offer, chat, dealer.Name));
            push.OfferCreated(ToDto(offer, chat, dealer.Name), offer.AgentId);
        }
        return true;
    }

    /// <summary>
    /// Routes the waiting chats, oldest first, so the oldest reaches a freed agent first. Null: the chats whose
    /// next step is due; dealers: every waiting chat of their groups (something changed there); empty: all.
    /// </summary>
    public async Task RouteWaitingAsync(IReadOnlyCollection<Guid>? dealerIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var waiting = db.Conversations.AsNoTracking().Where(c => c.Status == ConversationStatus.Waiting);
        if (dealerIds is null)
        {
            waiting = waiting.Where(c => c.Routing.NextAt == null || c.Routing.NextAt <= now);
        }
        else if (dealerIds.Count > 0)
        {
            var groups = db.Dealers.Where(d => dealerIds.Contains(d.Id)).Select(d => d.GroupId);
            waiting = waiting.Where(c => db.Dealers.Any(d => d.Id == c.DealerId && groups.Contains(d.GroupId)));
        }
        var ids = await waiting.OrderBy(c => c.Routing.QueuedAt).Select(c => c.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            await RouteAsync(id, ct);
        }
    }

    /// <summary>The caller's pending offers, oldest chat first: what a reloaded console or a restarted extension shows.</summary>
    public async Task<List<OfferDto>> OffersForAsync(Guid agentId, CancellationToken ct)
    {
        var rows = await db.ChatOffers.AsNoTracking()
            .Where(o => o.AgentId == agentId && o.State == OfferState.Pending)
            .Join(db.Conversations.Where(c => c.Status == ConversationStatus.Waiting || c.Status == ConversationStatus.Active),
                o => o.ConversationId, c => c.Id, (o, c) => new { Offer = o, Chat = c })
            .Join(db.Dealers, x => x.Chat.DealerId, d => d.Id, (x, d) => new
            {
                x.Offer, x.Chat, DealerName = d.Name,
                From = db.Users.Where(a => a.Id == x.Offer.FromAgentId).Select(a => a.FirstName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.OrderBy(x => x.Offer.OfferedAt).Select(x => ToDto(x.Offer, x.Chat, x.DealerName, x.From)).ToList();
    }

    /// <summary>
    /// One conditional update decides the winner: the chat must still be waiting with nobody assigned and this
    /// offer still pending. A loser learns who won. A late click on an offer not yet timed out still wins.
    /// </summary>
    public async Task<AcceptResultDto> AcceptAsync(Guid agentId, Guid offerId, CancellationToken ct)
    {
        var offer = await db.ChatOffers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == offerId && o.AgentId == agentId, ct)
            ?? throw new HubException("This offer is no longer available.");
        var limit = await db.Users.Where(a => a.Id == agentId)
            .Select(a => a.ChatLimit ?? db.Dealers.Where(d => d.Id == offer.DealerId).Select(d => d.DefaultChatLimit).Single()).SingleAsync(ct);
        var active = await db.Conversations.CountAsync(c => c.AssignedAgentId == agentId && c.Status == ConversationStatus.Active, ct);
        if (offer.State == OfferState.Pending && active >= limit)
        {
            throw new HubException($"You already have {active} chats, your limit. End one to accept another.");
        }
        var now = clock.GetUtcNow();
        var pending = db.ChatOffers.Where(o => o.Id == offerId && o.State == OfferState.Pending);
        var won = offer.State == OfferState.Pending && (offer.FromAgentId is { } sender
            // A transfer: the chat must still be active and still the sender's.
            ? await db.Conversations
                .Where(c => c.Id == offer.ConversationId && c.Status == ConversationStatus.Active && c.AssignedAgentId == sender && pending.Any())
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.AssignedAgentId, agentId)
                    .SetProperty(c => c.AcceptedAt, now)
                    .SetProperty(c => c.Department, c => offer.ToDepartment ?? c.Department)
                    .SetProperty(c => c.Routing.Stamp, c => c.Routing.Stamp + 1), ct) == 1
            : await db.Conversations
                .Where(c => c.Id == offer.ConversationId && c.Status == ConversationStatus.Waiting && c.AssignedAgentId == null && pending.Any())
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.AssignedAgentId, agentId)
                    .SetProperty(c => c.Status, ConversationStatus.Active)
                    .SetProperty(c => c.AcceptedAt, now)
                    .SetProperty(c => c.Routing.NextAt, (DateTimeOffset?)null)
                    .SetProperty(c => c.Routing.Stamp, c => c.Routing.Stamp + 1), ct) == 1);
        if (!won)
        {
            var takenBy = await db.Conversations.Where(c => c.Id == offer.ConversationId && c.AssignedAgentId != null && c.AssignedAgentId != offer.FromAgentId)
                .Select(c => db.Users.Where(a => a.Id == c.AssignedAgentId).Select(a => a.FirstName).FirstOrDefault()).FirstOrDefaultAsync(ct);
            return new AcceptResultDto(false, null, takenBy);
        }

        var name = await db.Users.Where(a => a.Id == agentId).Select(a => a.FirstName).SingleAsync(ct);
        await offers.CloseAsync(offer, OfferState.Accepted, OfferBook.Accepted, name, ct);
        await db.AgentStates.Where(s => s.AgentId == agentId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsecutiveMissedOffers, 0), ct);
        await offers.WithdrawAllAsync(offer.ConversationId, OfferBook.Taken, name, except: offer.Id, ct);
        var chat = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == offer.ConversationId, ct);
        var dto = await conversations.ToAgentDtoAsync(chat, ct);
        await agents.Clients.Group(AgentHub.AgentGroup(agentId)).ConversationAssigned(dto);
        if (offer.FromAgentId is { } from)
        {
            await agents.Clients.Group(AgentHub.AgentGroup(from)).ConversationUpdated(dto);
            await agents.Clients.Group(AgentHub.AgentGroup(from)).TransferUpdated(new TransferUpdateDto(chat.Id, offer.Id, Transfers.Accepted, name));
            await offers.RecordAsync(chat.Id, chat.DealerId, agentId, RoutingStep.Transferred, 0, ct);
        }
        await conversations.AgentJoinedAsync(chat, agentId, name, ct);
        return new AcceptResultDto(true, dto, null);
    }

    /// <summary>
    /// Declining is not a miss; the chat moves on at once (Sequential: to the next agent). A declined transfer offer is
    /// returned for <see cref="Transfers.PassedAsync"/> to move on.
    /// </summary>
    public async Task<ChatOffer?> DeclineAsync(Guid agentId, Guid offerId, CancellationToken ct)
    {
        var offer = await db.ChatOffers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == offerId && o.AgentId == agentId, ct)
            ?? throw new HubException("This offer is no longer available.");
        if (!await offers.CloseAsync(offer, OfferState.Declined, OfferBook.Declined, null, ct))
        {
            return null;
        }
        if (offer.FromAgentId is not null)
        {
            return offer;
        }
        await RouteAsync(offer.ConversationId, ct);
        return null;
    }

    /// <summary>A transfer nobody will take any more (every offer of it declined or timed out): the chat stays the sender's, who is told.</summary>
    internal async Task TellSenderIfUnansweredAsync(ChatOffer offer, Guid sender, string outcome, CancellationToken ct)
    {
        if (await db.ChatOffers.AnyAsync(o => o.ConversationId == offer.ConversationId && o.FromAgentId == sender && o.State == OfferState.Pending, ct))
        {
            return;
        }
        var target = offer.ToDepartment is null ? await db.Users.Where(a => a.Id == offer.AgentId).Select(a => a.FirstName).SingleOrDefaultAsync(ct) : null;
        await agents.Clients.Group(AgentHub.AgentGroup(sender)).TransferUpdated(new TransferUpdateDto(offer.ConversationId, offer.Id, outcome, target));
    }

    /// <summary>Nobody accepted within the missed-chat limit: the shopper is offered the lead form.</summary>
    async Task MissAsync(Conversation chat, CancellationToken ct)
    {
        if (!await conversations.CloseAsync(chat, ConversationStatus.Missed, "Sorry, nobody could answer in time. Please leave a message and we will get back to you.", ct))
        {
            return;
        }
        await offers.WithdrawAllAsync(chat.Id, OfferBook.Missed, null, except: null, ct);
        await offers.RecordAsync(chat.Id, chat.DealerId, null, RoutingStep.Missed, chat.Routing.Round, ct);
    }

    async Task<RoutingSettings> SettingsAsync(Conversation chat, CancellationToken ct) =>
        await db.Departments.AsNoTracking().Where(d => d.DealerId == chat.DealerId && d.Kind == chat.Department)
            .Select(d => d.Routing).SingleOrDefaultAsync(ct) ?? new RoutingSettings();

    /// <summary>Everyone in the pools of the given escalation steps, with what eligibility and selection need.</summary>
    async Task<List<Candidate>> CandidatesAsync(Conversation chat, Dealer dealer, IEnumerable<EscalationStep> steps, DateTimeOffset now, CancellationToken ct)
    {
        var ids = new HashSet<Guid>();
        foreach (var step in steps)
        {
            var pool = step switch
            {
                EscalationStep.Department => db.DepartmentMemberships
                    .Where(m => m.DealerId == chat.DealerId && db.Departments.Any(d => d.Id == m.DepartmentId && d.Kind == chat.Department))
                    .Select(m => m.AgentId),
                EscalationStep.OtherDepartments => db.DepartmentMemberships.Where(m => m.DealerId == chat.DealerId).Select(m => m.AgentId),
                EscalationStep.Managers => db.DealerMemberships
                    .Where(m => m.DealerId == chat.DealerId && db.Users.Any(a => a.Id == m.AgentId && a.Role == AgentRole.Manager))
                    .Select(m => m.AgentId),
                _ => db.DepartmentMemberships
                    .Where(m => m.DealerId != chat.DealerId
                        && db.Dealers.Any(d => d.Id == m.DealerId && d.GroupId == dealer.GroupId)
                        && db.Departments.Any(d => d.Id == m.DepartmentId && d.Kind == chat.Department))
                    .Select(m => m.AgentId),
            };
            ids.UnionWith(await pool.ToListAsync(ct));
        }
        return await DescribeAsync(ids, chat.Id, dealer.DefaultChatLimit, now, ct);
    }

    /// <summary>What eligibility and selection need to know about these agents now (inactive accounts are left out).</summary>
    internal async Task<List<Candidate>> DescribeAsync(IReadOnlyCollection<Guid> ids, Guid chatId, int defaultChatLimit, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.Users.AsNoTracking().Where(a => ids.Contains(a.Id) && a.IsActive)
            .Select(a => new
            {
                a.Id,
                Limit = a.ChatLimit ?? defaultChatLimit,
                State = db.AgentStates.Where(s => s.AgentId == a.Id).Select(s => new { s.Status, s.IsOnline }).FirstOrDefault(),
                Live = db.ConnectionLeases.Any(l => l.AgentId == a.Id && l.ExpiresAt > now),
                Active = db.Conversations.Count(c => c.AssignedAgentId == a.Id && c.Status == ConversationStatus.Active),
                Pending = db.ChatOffers.Count(o => o.AgentId == a.Id && o.State == OfferState.Pending && o.ConversationId != chatId),
                LastChatAt = db.Conversations.Where(c => c.AssignedAgentId == a.Id && c.AcceptedAt != null)
                    .OrderByDescending(c => c.AcceptedAt).Select(c => c.AcceptedAt).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Where(r => r.State is not null)
            .Select(r => new Candidate(r.Id, r.State!.IsOnline ? (ShownStatus)r.State.Status : ShownStatus.Offline, r.Live, r.Active, r.Pending, r.Limit, r.LastChatAt))
            .ToList();
    }

    internal static OfferDto ToDto(ChatOffer offer, Conversation chat, string dealerName, string? fromAgentName = null) => new(
        offer.Id, chat.Id, offer.Kind, chat.DealerId, dealerName, offer.ToDepartment ?? chat.Department, chat.ShopperName, chat.PageUrl, chat.PageTitle,
        chat.Vehicle, chat.ReturningShopper, offer.FromAgentId is null ? chat.Routing.QueuedAt : offer.OfferedAt, offer.Deadline, fromAgentName, offer.Note);

    static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
