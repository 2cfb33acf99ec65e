using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Showroom.Data;
using Showroom.Dealers;
using Showroom.Profiles;
using Showroom.Realtime;
using Showroom.Routing;

namespace Showroom.Conversations;

/// <summary>A conversation as the agent sees it: the shopper's details and what they are looking at.</summary>
public sealed record AgentConversationDto(
    Guid Id, Guid DealerId, string DealerName, DepartmentKind Department, ConversationStatus Status, string? ShopperName, string? ShopperEmail,
    string? ShopperPhone, string? PageUrl, string? PageTitle, VehicleOfInterest? Vehicle, DateTimeOffset CreatedAt, long LastSeq,
    long AgentReadSeq, long ShopperReadSeq, DateTimeOffset? AcceptedAt, bool ReturningShopper, Guid? AssignedAgentId,
    IReadOnlyList<PageVisit> PagesVisited);

/// <summary>
/// The rules of a conversation in one place; both hubs and routing stay thin and call this. Every change
/// is committed first and told to the shopper's tabs and the agent's clients after.
/// </summary>
public sealed class ConversationService(
    ShowroomDb db,
    MessageStore messages,
    TimeProvider clock,
    OfferBook offers,
    RoutingWake wake,
    IHubContext<ShopperHub, IShopperClient> shoppers,
    IHubContext<AgentHub, IAgentClient> agents)
{
    /// <summary>Starts a chat in line for routing, or returns the visitor's open one: never a second chat.</summary>
    public async Task<Conversation> StartAsync(Visitor visitor, StartConversationRequest request, string? ip, CancellationToken ct)
    {
        var conversation = await OpenForAsync(visitor, ct);
        if (conversation is not null)
        {
            return conversation;
        }
        var now = clock.GetUtcNow();
        var previousAgent = await db.Conversations
            .Where(c => c.DealerId == visitor.DealerId && c.VisitorId == visitor.VisitorId)
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => new { c.AssignedAgentId })
            .FirstOrDefaultAsync(ct);
        var sticky = await db.Dealers.Where(d => d.Id == visitor.DealerId).Select(d => d.StickyReturningShoppers).SingleAsync(ct);
        conversation = new Conversation
        {
            DealerId = visitor.DealerId,
            VisitorId = visitor.VisitorId,
            Department = request.Department ?? DepartmentKind.Sales,
            Status = ConversationStatus.Waiting,
            CreatedAt = now,
            ShopperSeenAt = now,
            ShopperIp = ip,
            ShopperName = Blank(request.Name),
            ShopperEmail = Blank(request.Email),
            ShopperPhone = Blank(request.Phone),
            PageUrl = Blank(request.PageUrl),
            PageTitle = Blank(request.PageTitle),
            Vehicle = request.Vehicle,
            PagesVisited = Blank(request.PageUrl) is { } first ? [new PageVisit(first, Blank(request.PageTitle), now)] : [],
            ReturningShopper = previousAgent is not null,
            Routing = new RoutingState { QueuedAt = now, PreferredAgentId = sticky ? previousAgent?.AssignedAgentId : null },
        };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await offers.RecordAsync(conversation.Id, conversation.DealerId, null, RoutingStep.Queued, 0, ct);
        return conversation;
    }

    public Task<Conversation?> OpenForAsync(Visitor visitor, CancellationToken ct) =>
        db.Conversations.AsNoTracking()
            .Where(c => c.DealerId == visitor.DealerId && c.VisitorId == visitor.VisitorId
                && (c.Status == ConversationStatus.Waiting || c.Status == ConversationStatus.Active))
            .OrderByDescending(c => c.CreatedAt)
            .FirstOrDefaultAsync(ct);

    /// <summary>Stores a message once and tells the shopper's tabs and the assigned agent.</summary>
    public async Task<MessageDto> SendAsync(
        Conversation conversation, SenderKind sender, Guid? agentId, string clientMessageId, string text, CancellationToken ct, bool closingLine = false)
    {
        var (message, created) = await messages.AppendAsync(conversation, sender, agentId, clientMessageId, text, ct, closingLine);
        var name = agentId is null ? null : await db.Users.Where(a => a.Id == agentId).Select(a => a.FirstName).SingleOrDefaultAsync(ct);
        var dto = MessageStore.ToDto(message, name);
        if (created)
        {
            await shoppers.Clients.Group(ShopperHub.ConversationGroup(conversation.Id)).MessageReceived(dto);
            var assigned = await db.Conversations.Where(c => c.Id == conversation.Id).Select(c => c.AssignedAgentId).SingleAsync(ct);
            if (assigned is { } agent)
            {
                await agents.Clients.Group(AgentHub.AgentGroup(agent)).MessageReceived(dto);
            }
        }
        return dto;
    }

    /// <summary>Ends the chat with a closing line both sides see; ending an ended chat does nothing.</summary>
    public Task EndAsync(Conversation conversation, CancellationToken ct) =>
        CloseAsync(conversation, ConversationStatus.Ended, "Chat ended", ct);

    /// <summary>
    /// Closes an open chat (Ended or Missed) by one conditional update, then writes its closing line and
    /// tells everyone: offers still ringing are withdrawn, the agent's seat is free, the line moves up.
    /// False when it was closed already.
    /// </summary>
    public async Task<bool> CloseAsync(Conversation conversation, ConversationStatus to, string line, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var closed = await db.Conversations
            .Where(c => c.Id == conversation.Id && (c.Status == ConversationStatus.Waiting || c.Status == ConversationStatus.Active))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, to).SetProperty(c => c.EndedAt, now).SetProperty(c => c.Routing.NextAt, (DateTimeOffset?)null), ct);
        if (closed == 0)
        {
            return false;
        }
        await offers.WithdrawAllAsync(conversation.Id, to == ConversationStatus.Missed ? OfferBook.Missed : OfferBook.Ended, null, except: null, ct);
        await SendAsync(conversation, SenderKind.System, null, "system:closed", line, ct, closingLine: true);
        var ended = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversation.Id, ct);
        await shoppers.Clients.Group(ShopperHub.ConversationGroup(ended.Id)).ConversationChanged(await ToShopperDtoAsync(ended, ct));
        if (ended.AssignedAgentId is { } agent)
        {
            await agents.Clients.Group(AgentHub.AgentGroup(agent)).ConversationUpdated(await ToAgentDtoAsync(ended, ct));
            wake.Dealer(ended.DealerId);
        }
        else
        {
            await TellQueueAsync(ended.DealerId, ended.Department, ct);
        }
        return true;
    }

    /// <summary>An agent accepted the chat: the shopper sees who joined, the rest of the line moves up.</summary>
    public async Task AgentJoinedAsync(Conversation conversation, Guid agentId, string name, CancellationToken ct)
    {
        await SendAsync(conversation, SenderKind.System, null, $"system:joined:{agentId:N}:{conversation.Routing.Stamp}", $"{name} joined the chat", ct);
        await shoppers.Clients.Group(ShopperHub.ConversationGroup(conversation.Id)).ConversationChanged(await ToShopperDtoAsync(conversation, ct));
        await TellQueueAsync(conversation.DealerId, conversation.Department, ct);
    }

    /// <summary>
    /// The agent went Offline: each of their active chats goes back to routing as a transfer (Available or
    /// Away agents may take it), with a line for the shopper. Conditional per chat, so a chat the agent
    /// ended meanwhile stays ended.
    /// </summary>
    public async Task ReturnChatsOfAsync(Guid agentId, CancellationToken ct)
    {
        var name = await db.Users.Where(a => a.Id == agentId).Select(a => a.FirstName).SingleOrDefaultAsync(ct) ?? "Your agent";
        var chats = await db.Conversations.AsNoTracking()
            .Where(c => c.AssignedAgentId == agentId && c.Status == ConversationStatus.Active).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var chat in chats)
        {
            var released = await db.Conversations
                .Where(c => c.Id == chat.Id && c.AssignedAgentId == agentId && c.Status == ConversationStatus.Active)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.AssignedAgentId, (Guid?)null)
                    .SetProperty(c => c.Status, ConversationStatus.Waiting)
                    .SetProperty(c => c.Routing.QueuedAt, now)
                    .SetProperty(c => c.Routing.IsTransfer, true)
                    .SetProperty(c => c.Routing.Round, 0)
                    .SetProperty(c => c.Routing.EscalationLevel, 0)
                    .SetProperty(c => c.Routing.NextAt, (DateTimeOffset?)null)
                    .SetProperty(c => c.Routing.PreferredAgentId, (Guid?)null)
                    .SetProperty(c => c.Routing.Stamp, c => c.Routing.Stamp + 1), ct);
            if (released == 0)
            {
                continue;
            }
            var back = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == chat.Id, ct);
            // A transfer the agent had sent cannot be accepted any more (the chat is no longer theirs): withdraw it.
            await offers.WithdrawAllAsync(chat.Id, Transfers.Cancelled, null, except: null, ct);
            await offers.RecordAsync(chat.Id, chat.DealerId, agentId, RoutingStep.Queued, 0, ct);
            await SendAsync(back, SenderKind.System, null, $"system:left:{agentId:N}:{back.Routing.Stamp}",
                $"{name} was disconnected. We are finding someone else to help you.", ct);
            await agents.Clients.Group(AgentHub.AgentGroup(agentId)).ConversationUpdated(await ToAgentDtoAsync(back, ct));
            await shoppers.Clients.Group(ShopperHub.ConversationGroup(chat.Id)).ConversationChanged(await ToShopperDtoAsync(back, ct));
            wake.Dealer(chat.DealerId);
        }
    }

    /// <summary>The shopper opened another page mid-chat: kept (the last few), and shown to the agent.</summary>
    public async Task PageViewedAsync(Conversation chat, string url, string? title, CancellationToken ct)
    {
        var tracked = await db.Conversations.SingleAsync(c => c.Id == chat.Id, ct);
        if (tracked.PagesVisited.LastOrDefault()?.Url == url)
        {
            return;
        }
        tracked.PagesVisited = [.. tracked.PagesVisited.TakeLast(Conversation.MaxPagesKept - 1), new PageVisit(url, Blank(title), clock.GetUtcNow())];
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        if (tracked.AssignedAgentId is { } agent && tracked.IsOpen)
        {
            await agents.Clients.Group(AgentHub.AgentGroup(agent)).ConversationUpdated(await ToAgentDtoAsync(tracked, ct));
        }
    }

    /// <summary>Tells every waiting shopper of the department their place in line.</summary>
    public async Task TellQueueAsync(Guid dealerId, DepartmentKind department, CancellationToken ct)
    {
        var waiting = await db.Conversations.AsNoTracking()
            .Where(c => c.DealerId == dealerId && c.Department == department && c.Status == ConversationStatus.Waiting)
            .OrderBy(c => c.Routing.QueuedAt).ToListAsync(ct);
        foreach (var chat in waiting)
        {
            // The place from the list already read (ties share a place, as in ToShopperDtoAsync), not a count per chat.
            var place = 1 + waiting.Count(o => o.Routing.QueuedAt < chat.Routing.QueuedAt);
            await shoppers.Clients.Group(ShopperHub.ConversationGroup(chat.Id)).ConversationChanged(await ToShopperDtoAsync(chat, ct, place));
        }
    }

    /// <param name="knownPlace">The chat's place in line when the caller has it already.</param>
    public async Task<ConversationDto> ToShopperDtoAsync(Conversation c, CancellationToken ct, int? knownPlace = null)
    {
        var agent = c.AssignedAgentId is null
            ? null
            : await db.Users.Where(a => a.Id == c.AssignedAgentId).Select(a => new { a.Id, a.FirstName, a.HeadshotVersion }).SingleOrDefaultAsync(ct);
        var place = c.Status == ConversationStatus.Waiting ? knownPlace : null;
        if (c.Status == ConversationStatus.Waiting && place is null)
        {
            var queuedAt = c.Routing.QueuedAt;
            place = 1 + await db.Conversations.CountAsync(o => o.DealerId == c.DealerId && o.Department == c.Department
                && o.Status == ConversationStatus.Waiting && o.Routing.QueuedAt < queuedAt, ct);
        }
        return new ConversationDto(c.Id, c.Status, c.Department, c.LastSeq, c.CreatedAt,
            agent?.FirstName, agent is null ? null : ProfileApi.HeadshotUrl(agent.Id, agent.HeadshotVersion, HeadshotProcessor.SmallSize),
            place, c.ShopperEmail, c.TranscriptSentAt is not null, c.AgentReadSeq, c.ShopperReadSeq);
    }

    public async Task<AgentConversationDto> ToAgentDtoAsync(Conversation c, CancellationToken ct) =>
        ToAgentDto(c, await db.Dealers.Where(d => d.Id == c.DealerId).Select(d => d.Name).SingleAsync(ct));

    public static AgentConversationDto ToAgentDto(Conversation c, string dealerName) => new(
        c.Id, c.DealerId, dealerName, c.Department, c.Status, c.ShopperName, c.ShopperEmail, c.ShopperPhone, c.PageUrl, c.PageTitle, c.Vehicle,
        c.CreatedAt, c.LastSeq, c.AgentReadSeq, c.ShopperReadSeq, c.AcceptedAt, c.ReturningShopper, c.AssignedAgentId, c.PagesVisited);

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
