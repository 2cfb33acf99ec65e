using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Showroom.Auth;
using Showroom.Conversations;
using Showroom.Data;
using Showroom.Presence;
using Showroom.Routing;

namespace Showroom.Realtime;

/// <summary>
/// The agents' hub: thin on purpose. Rules live in services; this class only joins a connection to the
/// groups it may hear and keeps the node's registry of live connections up to date.
/// </summary>
[Authorize(AuthenticationSchemes = Notifications.ExtensionTokenHandler.HubScheme)]
public sealed class AgentHub(
    ShowroomDb db, AgentConnections connections, PresenceService presence, ConversationService conversations, MessageStore messages,
    Router router, LiveSignals signals, Transfers transfers, PrivateNotes notes, Internal.InternalChats internalChats,
    TimeProvider clock) : Hub<IAgentClient>
{
    public const string Path = "/hubs/agent";

    public static string AgentGroup(Guid agentId) => $"agent:{agentId:N}";

    public static string DealerGroup(Guid dealerId) => $"dealer:{dealerId:N}";

    public override async Task OnConnectedAsync()
    {
        var agentId = Context.User!.AgentId();
        try
        {
            await JoinAsync(agentId);
        }
        catch
        {
            // SignalR does not call OnDisconnectedAsync when this method fails (a tab closed while it
            // was opening): undo what was done, or the lease and registry entry would stay as ghosts.
            await LeaveAsync(agentId);
            throw;
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception) => LeaveAsync(Context.User!.AgentId());

    async Task JoinAsync(Guid agentId)
    {
        var active = await db.Users.AnyAsync(a => a.Id == agentId && a.IsActive, Context.ConnectionAborted);
        if (!active)
        {
            Context.Abort();
            return;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, AgentGroup(agentId), Context.ConnectionAborted);
        var dealerIds = await db.DealerMemberships.Where(m => m.AgentId == agentId).Select(m => m.DealerId).ToListAsync(Context.ConnectionAborted);
        foreach (var dealerId in dealerIds)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, DealerGroup(dealerId), Context.ConnectionAborted);
        }
        await presence.ConnectedAsync(agentId, Context.ConnectionId, CancellationToken.None);
        await MarkDeviceSeenAsync();
        // Registered last: a registered connection is in all its groups and holds its lease.
        connections.Add(Context, agentId, Context.User!.SessionId());
        // A sign-out or password change that ran while this connection was opening found nothing to
        // close here; checking again after registering closes that gap.
        if (!await SessionValidation.IsActiveAsync(db, Context.User!, CancellationToken.None) && connections.TryMarkClosing(Context.ConnectionId))
        {
            await SessionTerminator.CloseAsync(Clients.Caller, Context, "session-ended");
        }
    }

    async Task LeaveAsync(Guid agentId)
    {
        try
        {
            await MarkDeviceSeenAsync();
            await presence.DisconnectedAsync(agentId, Context.ConnectionId, CancellationToken.None);
        }
        finally
        {
            // Unregistered last: once gone from the registry, the lease is gone too.
            connections.Remove(Context.ConnectionId);
        }
    }

    /// <summary>A paired extension's "last seen" (shown beside Revoke) moves when it connects and disconnects.</summary>
    async Task MarkDeviceSeenAsync()
    {
        if (Notifications.ExtensionTokens.TryParseSession(Context.User!.SessionId(), out var deviceId))
        {
            await db.ExtensionDevices.Where(d => d.Id == deviceId)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.LastSeenAt, clock.GetUtcNow()), CancellationToken.None);
        }
    }

    /// <summary>Who is connected, with their status and notification channels: what the extension shows first.</summary>
    public async Task<Notifications.HubMeDto> Me()
    {
        var agentId = Context.User!.AgentId();
        var me = await db.Users.AsNoTracking().Where(a => a.Id == agentId)
            .Select(a => new { a.FirstName, a.LastName, a.Email, a.HeadshotVersion, a.Notifications })
            .SingleAsync(Context.ConnectionAborted);
        var state = await presence.GetAsync(agentId, Context.ConnectionAborted);
        return new Notifications.HubMeDto(agentId, $"{me.FirstName} {me.LastName}".Trim(), me.Email ?? "",
            Profiles.ProfileApi.HeadshotUrl(agentId, me.HeadshotVersion, Profiles.HeadshotProcessor.SmallSize),
            new AgentStatusDto(agentId, state.Shown, state.Cause, state.ChangedAt),
            Notifications.NotificationSettingsDto.From(me.Notifications));
    }

    /// <summary>The agent picks Available, Away or DoNotDisturb from any of their clients.</summary>
    public async Task<AgentStatusDto> SetStatus(string status)
    {
        if (!StatusNames.TryParse(status, out var parsed))
        {
            throw new HubException($"Unknown status \"{status}\". Use Available, Away or DoNotDisturb.");
        }
        var agentId = Context.User!.AgentId();
        await presence.SetStatusAsync(agentId, parsed, StatusCause.Agent, agentId, Context.ConnectionAborted);
        var state = await presence.GetAsync(agentId, Context.ConnectionAborted);
        return new AgentStatusDto(agentId, state.Shown, state.Cause, state.ChangedAt);
    }

    /// <summary>The agent used the console (throttled by the client); idle auto-away counts from here.</summary>
    public Task Activity() => presence.RecordActivityAsync(Context.User!.AgentId(), Context.ConnectionAborted);

    /// <summary>A reply in one of the agent's chats: stored once per client id, then shown to the shopper.</summary>
    public async Task<MessageDto> SendMessage(Guid conversationId, string clientMessageId, string text)
    {
        var clean = MessageStore.CheckNew(clientMessageId, text);
        var conversation = await AssignedToMeAsync(conversationId);
        return await conversations.SendAsync(conversation, SenderKind.Agent, Context.User!.AgentId(), clientMessageId, clean, CancellationToken.None);
    }

    /// <summary>
    /// What the agent missed in one of their chats; also the conversation so far of a chat being transferred
    /// to them (while the transfer offer waits), so they know what they would take on.
    /// </summary>
    public async Task<List<MessageDto>> Sync(Guid conversationId, long afterSeq)
    {
        var agentId = Context.User!.AgentId();
        var readable = await db.Conversations.AnyAsync(c => c.Id == conversationId && (c.AssignedAgentId == agentId
            || db.ChatOffers.Any(o => o.ConversationId == c.Id && o.AgentId == agentId && o.Kind == OfferKind.Transfer && o.State == OfferState.Pending)),
            Context.ConnectionAborted);
        if (!readable)
        {
            throw new HubException("Conversation not found.");
        }
        return await messages.AfterAsync(conversationId, Math.Max(0, afterSeq), Context.ConnectionAborted);
    }

    public async Task EndConversation(Guid conversationId) =>
        await conversations.EndAsync(await AssignedToMeAsync(conversationId), CancellationToken.None);

    /// <summary>The agent is typing a reply (or stopped): told to the shopper, never stored.</summary>
    public async Task Typing(Guid conversationId, bool typing)
    {
        var chat = await AssignedToMeAsync(conversationId);
        if (chat.Status == ConversationStatus.Active)
        {
            var name = await db.Users.Where(a => a.Id == chat.AssignedAgentId).Select(a => a.FirstName).SingleAsync(Context.ConnectionAborted);
            await signals.TypingAsync(chat, SenderKind.Agent, name, typing);
        }
    }

    /// <summary>The agent has seen every message up to <paramref name="seq"/> in one of their chats.</summary>
    public async Task MarkRead(Guid conversationId, long seq) =>
        await signals.MarkReadAsync(await AssignedToMeAsync(conversationId), SenderKind.Agent, seq, CancellationToken.None);

    /// <summary>The offers waiting for this agent now (after a reload or reconnect).</summary>
    public Task<List<OfferDto>> Offers() => router.OffersForAsync(Context.User!.AgentId(), Context.ConnectionAborted);

    /// <summary>Exactly one agent wins a chat; everyone else learns who took it.</summary>
    public Task<AcceptResultDto> AcceptOffer(Guid offerId) => router.AcceptAsync(Context.User!.AgentId(), offerId, CancellationToken.None);

    public async Task DeclineOffer(Guid offerId)
    {
        if (await router.DeclineAsync(Context.User!.AgentId(), offerId, CancellationToken.None) is { } transfer)
        {
            await transfers.PassedAsync(transfer, Transfers.Declined, CancellationToken.None);
        }
    }

    /// <summary>Offers one of the caller's chats to a colleague or a department; it stays theirs until accepted. Returns the offer id.</summary>
    public Task<Guid> Transfer(Guid conversationId, TransferRequest request) =>
        transfers.RequestAsync(Context.User!.AgentId(), conversationId, request, CancellationToken.None);

    /// <summary>The transfers the caller sent that still wait for an answer (a reloaded console shows them again).</summary>
    public Task<List<SentTransferDto>> SentTransfers() => transfers.SentAsync(Context.User!.AgentId(), Context.ConnectionAborted);

    public Task CancelTransfer(Guid conversationId) => transfers.CancelAsync(Context.User!.AgentId(), conversationId, CancellationToken.None);

    /// <summary>A private note in one of the caller's chats: agents only, stored once per client id.</summary>
    public async Task<NoteDto> AddNote(Guid conversationId, string clientNoteId, string text) =>
        await notes.AddAsync(await AssignedToMeAsync(conversationId), Context.User!.AgentId(), clientNoteId, text, CancellationToken.None);

    /// <summary>The private notes of one of the caller's chats, in order (a transferred chat brings its notes).</summary>
    public async Task<List<NoteDto>> Notes(Guid conversationId) =>
        await notes.ListAsync((await AssignedToMeAsync(conversationId)).Id, Context.ConnectionAborted);

    /// <summary>The caller's internal threads (direct and team rooms) with unread counts: what Offline agents find at sign-in.</summary>
    public Task<List<Internal.InternalThreadDto>> InternalThreads() => internalChats.ThreadsAsync(Context.User!, Context.ConnectionAborted);

    /// <summary>The direct thread with a colleague of one of the caller's dealers (made on first use).</summary>
    public Task<Internal.InternalThreadDto> OpenDirect(Guid colleagueId) => internalChats.OpenDirectAsync(Context.User!, colleagueId, CancellationToken.None);

    public Task<Internal.InternalMessageDto> SendInternal(Guid threadId, string clientMessageId, string text) =>
        internalChats.SendAsync(Context.User!, threadId, clientMessageId, text, CancellationToken.None);

    public Task<List<Internal.InternalMessageDto>> SyncInternal(Guid threadId, long afterSeq) =>
        internalChats.SyncAsync(Context.User!, threadId, Math.Max(0, afterSeq), Context.ConnectionAborted);

    public Task MarkInternalRead(Guid threadId, long seq) => internalChats.MarkReadAsync(Context.User!, threadId, seq, CancellationToken.None);

    async Task<Conversation> AssignedToMeAsync(Guid conversationId)
    {
        var agentId = Context.User!.AgentId();
        return await db.Conversations.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == conversationId && c.AssignedAgentId == agentId, Context.ConnectionAborted)
            ?? throw new HubException("Conversation not found.");
    }
}
