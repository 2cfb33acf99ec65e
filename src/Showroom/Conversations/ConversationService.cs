using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Showroom.Data;
using Showroom.Dealers;
using Showroom.Presence;
using Showroom.Profiles;
using Showroom.Realtime;

namespace Showroom.Conversations;

/// <summary>A conversation as the agent sees it: the shopper's details and what they are looking at.</summary>
public sealed record AgentConversationDto(
    Guid Id, Guid DealerId, DepartmentKind Department, ConversationStatus Status, string? ShopperName, string? ShopperEmail,
    string? ShopperPhone, string? PageUrl, string? PageTitle, VehicleOfInterest? Vehicle, DateTimeOffset CreatedAt, long LastSeq);

/// <summary>
/// The rules of a conversation in one place; both hubs stay thin and call this. Every change is
/// committed first and told to the shopper's tabs and the agent's clients after.
/// </summary>
public sealed class ConversationService(
    ShowroomDb db,
    MessageStore messages,
    TimeProvider clock,
    IHubContext<ShopperHub, IShopperClient> shoppers,
    IHubContext<AgentHub, IAgentClient> agents)
{
    public async Task<Conversation> StartAsync(Visitor visitor, StartConversationRequest request, CancellationToken ct)
    {
        var conversation = await OpenForAsync(visitor, ct);
        if (conversation is not null)
        {
            return conversation;
        }
        conversation = new Conversation
        {
            DealerId = visitor.DealerId,
            VisitorId = visitor.VisitorId,
            Department = request.Department ?? DepartmentKind.Sales,
            Status = ConversationStatus.Waiting,
            CreatedAt = clock.GetUtcNow(),
            ShopperName = Blank(request.Name),
            ShopperEmail = Blank(request.Email),
            ShopperPhone = Blank(request.Phone),
            PageUrl = Blank(request.PageUrl),
            PageTitle = Blank(request.PageTitle),
            Vehicle = request.Vehicle,
        };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(ct);
        return conversation;
    }

    public Task<Conversation?> OpenForAsync(Visitor visitor, CancellationToken ct) =>
        db.Conversations
            .Where(c => c.DealerId == visitor.DealerId && c.VisitorId == visitor.VisitorId && c.Status != ConversationStatus.Ended)
            .OrderByDescending(c => c.CreatedAt)
            .FirstOrDefaultAsync(ct);

    /// <summary>Stores a message once and tells the shopper's tabs and the assigned agent.</summary>
    public async Task<MessageDto> SendAsync(Conversation conversation, SenderKind sender, Guid? agentId, string clientMessageId, string text, CancellationToken ct)
    {
        var (message, created) = await messages.AppendAsync(conversation, sender, agentId, clientMessageId, text, ct);
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
    public async Task EndAsync(Conversation conversation, CancellationToken ct)
    {
        try
        {
            await SendAsync(conversation, SenderKind.System, null, "system:ended", "Chat ended", ct);
        }
        catch (ConversationClosedException)
        {
            return;
        }
        var now = clock.GetUtcNow();
        await db.Conversations.Where(c => c.Id == conversation.Id && c.Status != ConversationStatus.Ended)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ConversationStatus.Ended).SetProperty(c => c.EndedAt, now), ct);
        var ended = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversation.Id, ct);
        await shoppers.Clients.Group(ShopperHub.ConversationGroup(ended.Id)).ConversationChanged(await ToShopperDtoAsync(ended, ct));
        if (ended.AssignedAgentId is { } agent)
        {
            await agents.Clients.Group(AgentHub.AgentGroup(agent)).ConversationUpdated(ToAgentDto(ended));
        }
    }

    /// <summary>
    /// The agent went Offline: each of their active chats goes back to be answered by someone else, with a
    /// line for the shopper. Conditional per chat, so a chat the agent ended meanwhile stays ended.
    /// </summary>
    public async Task ReturnChatsOfAsync(Guid agentId, CancellationToken ct)
    {
        var name = await db.Users.Where(a => a.Id == agentId).Select(a => a.FirstName).SingleOrDefaultAsync(ct) ?? "Your agent";
        var chats = await db.Conversations.AsNoTracking()
            .Where(c => c.AssignedAgentId == agentId && c.Status == ConversationStatus.Active).ToListAsync(ct);
        foreach (var chat in chats)
        {
            var released = await db.Conversations
                .Where(c => c.Id == chat.Id && c.AssignedAgentId == agentId && c.Status == ConversationStatus.Active)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.AssignedAgentId, (Guid?)null).SetProperty(c => c.Status, ConversationStatus.Waiting), ct);
            if (released == 0)
            {
                continue;
            }
            chat.AssignedAgentId = null;
            chat.Status = ConversationStatus.Waiting;
            await SendAsync(chat, SenderKind.System, null, $"system:left:{Guid.NewGuid():N}",
                $"{name} was disconnected. We are finding someone else to help you.", ct);
            await agents.Clients.Group(AgentHub.AgentGroup(agentId)).ConversationUpdated(ToAgentDto(chat));
            await shoppers.Clients.Group(ShopperHub.ConversationGroup(chat.Id)).ConversationChanged(await ToShopperDtoAsync(chat, ct));
            await AssignStandInAsync(chat, ct);
        }
    }

    /// <summary>
    /// Until routing offers chats, a new chat goes to the least busy Available agent of its department
    /// with a live connection. One conditional update: a chat is never assigned twice.
    /// </summary>
    public async Task AssignStandInAsync(Conversation conversation, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.DepartmentMemberships
            .Where(m => m.DealerId == conversation.DealerId)
            .Join(db.Departments.Where(d => d.Kind == conversation.Department), m => m.DepartmentId, d => d.Id, (m, d) => m.AgentId)
            .Join(db.Users.Where(a => a.IsActive), id => id, a => a.Id, (id, a) => a)
            .Join(db.AgentStates, a => a.Id, s => s.AgentId, (a, s) => new { Agent = a, State = s })
            .Select(x => new
            {
                x.Agent.Id,
                x.Agent.FirstName,
                x.Agent.HeadshotVersion,
                x.State.Status,
                x.State.IsOnline,
                Live = db.ConnectionLeases.Any(l => l.AgentId == x.Agent.Id && l.ExpiresAt > now),
                Active = db.Conversations.Count(c => c.AssignedAgentId == x.Agent.Id && c.Status == ConversationStatus.Active),
            })
            .ToListAsync(ct);
        var chosen = candidates
            .Where(c => Eligibility.Decide(c.IsOnline ? (ShownStatus)c.Status : ShownStatus.Offline, c.Live, Delivery.CustomerChatOffer) == Decision.Notify)
            .OrderBy(c => c.Active).ThenBy(c => c.Id)
            .FirstOrDefault();
        if (chosen is null)
        {
            return;
        }
        var assigned = await db.Conversations.Where(c => c.Id == conversation.Id && c.AssignedAgentId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AssignedAgentId, chosen.Id).SetProperty(c => c.Status, ConversationStatus.Active), ct);
        if (assigned == 0)
        {
            return;
        }
        conversation.AssignedAgentId = chosen.Id;
        conversation.Status = ConversationStatus.Active;
        await agents.Clients.Group(AgentHub.AgentGroup(chosen.Id)).ConversationAssigned(ToAgentDto(conversation));
        await SendAsync(conversation, SenderKind.System, null, $"system:joined:{chosen.Id:N}", $"{chosen.FirstName} joined the chat", ct);
        await shoppers.Clients.Group(ShopperHub.ConversationGroup(conversation.Id))
            .ConversationChanged(await ToShopperDtoAsync(conversation, ct));
    }

    public async Task<ConversationDto> ToShopperDtoAsync(Conversation c, CancellationToken ct)
    {
        var agent = c.AssignedAgentId is null
            ? null
            : await db.Users.Where(a => a.Id == c.AssignedAgentId).Select(a => new { a.Id, a.FirstName, a.HeadshotVersion }).SingleOrDefaultAsync(ct);
        return new ConversationDto(c.Id, c.Status, c.Department, c.LastSeq, c.CreatedAt,
            agent?.FirstName, agent is null ? null : ProfileApi.HeadshotUrl(agent.Id, agent.HeadshotVersion, HeadshotProcessor.SmallSize));
    }

    public static AgentConversationDto ToAgentDto(Conversation c) => new(
        c.Id, c.DealerId, c.Department, c.Status, c.ShopperName, c.ShopperEmail, c.ShopperPhone, c.PageUrl, c.PageTitle, c.Vehicle, c.CreatedAt, c.LastSeq);

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
