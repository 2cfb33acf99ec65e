using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Showroom.Data;
using Showroom.Dealers;
using Showroom.Routing;

namespace Showroom.Conversations;

public sealed record StartConversationRequest(
    [property: MaxLength(100)] string? Name,
    [property: MaxLength(256)] string? Email,
    [property: MaxLength(40)] string? Phone,
    DepartmentKind? Department,
    [property: MaxLength(2048)] string? PageUrl,
    [property: MaxLength(300)] string? PageTitle,
    VehicleOfInterest? Vehicle);

/// <summary>
/// A conversation as the shopper sees it: the agent's first name and headshot once one has joined, the place in
/// line while waiting, the address the transcript goes to, and both read marks.
/// </summary>
public sealed record ConversationDto(
    Guid Id, ConversationStatus Status, DepartmentKind Department, long LastSeq, DateTimeOffset CreatedAt, string? AgentName, string? AgentHeadshotUrl,
    int? QueuePosition, string? ShopperEmail, bool TranscriptSent, long AgentReadSeq, long ShopperReadSeq);

/// <summary>What the server calls on a shopper's widget.</summary>
public interface IShopperClient
{
    Task MessageReceived(MessageDto message);

    Task ConversationChanged(ConversationDto conversation);

    /// <summary>The agent started or stopped typing.</summary>
    Task Typing(TypingDto typing);

    /// <summary>A read receipt: the agent's, or the shopper's own from another tab.</summary>
    Task ReadUpTo(ReadDto read);
}

/// <summary>
/// The shoppers' hub. Who the caller is comes from the visitor token checked by <see cref="ShopperHubGate"/>
/// (with the page's origin); every method finds conversations by that visitor and dealer only, so a
/// guessed conversation id of someone else finds nothing.
/// </summary>
public sealed class ShopperHub(
    ShowroomDb db, ConversationService conversations, MessageStore messages, ShopperRateLimits limits, Router router, LiveSignals signals,
    Transcripts transcripts, ShopperConnections connections, TimeProvider clock) : Hub<IShopperClient>
{
    public const string Path = "/hubs/shopper";

    public static string ConversationGroup(Guid conversationId) => $"conversation:{conversationId:N}";

    Visitor Me => VisitorTokens.FromPrincipal(Context.User) ?? throw new HubException("Not a visitor.");

    string? Ip => Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString();

    public override async Task OnConnectedAsync()
    {
        // Resume: a new page or tab of the same visitor joins their open conversation at once.
        if (await conversations.OpenForAsync(Me, Context.ConnectionAborted) is { } open)
        {
            await JoinAsync(open.Id);
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        try
        {
            // The shopper's absence counts from the last tab that closed.
            if (await conversations.OpenForAsync(Me, CancellationToken.None) is { } open)
            {
                var now = clock.GetUtcNow();
                await db.Conversations.Where(c => c.Id == open.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ShopperSeenAt, now), CancellationToken.None);
            }
        }
        finally
        {
            connections.Leave(Context.ConnectionId);
        }
    }

    async Task JoinAsync(Guid conversationId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, ConversationGroup(conversationId), Context.ConnectionAborted);
        connections.Join(Context.ConnectionId, conversationId);
        var now = clock.GetUtcNow();
        await db.Conversations.Where(c => c.Id == conversationId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ShopperSeenAt, now), Context.ConnectionAborted);
    }

    /// <summary>Starts a chat, or returns the visitor's open one: never a second chat.</summary>
    public async Task<ConversationDto> StartConversation(StartConversationRequest request)
    {
        if (Web.Validation.Check(request) is not null)
        {
            throw new HubException("Some details are too long.");
        }
        if (!limits.TryStartChat(Me, Ip))
        {
            throw new HubException(ShopperRateLimits.TooManyChats);
        }
        if (await db.IsBlockedAsync(Me.DealerId, Me.VisitorId, Ip, Context.ConnectionAborted))
        {
            throw new HubException("Chat is not available right now.");
        }
        var me = Me;
        var widget = await db.Dealers.Where(d => d.Id == me.DealerId).Select(d => d.Widget).SingleAsync(Context.ConnectionAborted);
        var conversation = await conversations.StartAsync(Me, PreChatFields.Apply(widget, request), Ip, CancellationToken.None);
        // Joined before it is offered, so "Sam joined the chat" reaches this tab.
        await JoinAsync(conversation.Id);
        await router.RouteAsync(conversation.Id, CancellationToken.None);
        var now = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversation.Id, Context.ConnectionAborted);
        return await conversations.ToShopperDtoAsync(now, Context.ConnectionAborted);
    }

    /// <summary>
    /// After a reconnect: the visitor's open conversation, or else their latest one as it ended (a chat missed
    /// while the shopper was away says Missed, so the widget can offer the form), or null for a new visitor.
    /// </summary>
    public async Task<ConversationDto?> Resume()
    {
        if (await conversations.OpenForAsync(Me, Context.ConnectionAborted) is { } open)
        {
            await JoinAsync(open.Id);
            return await conversations.ToShopperDtoAsync(open, Context.ConnectionAborted);
        }
        var me = Me;
        var last = await db.Conversations.AsNoTracking().Where(c => c.DealerId == me.DealerId && c.VisitorId == me.VisitorId)
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(Context.ConnectionAborted);
        return last is null ? null : await conversations.ToShopperDtoAsync(last, Context.ConnectionAborted);
    }

    /// <summary>The shopper opened another page of the dealer's site during the chat (an http(s) address of at most 2048 characters).</summary>
    public async Task PageViewed(Guid conversationId, string url, string? title)
    {
        if (url is not { Length: <= 2048 } || !Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https")
            || title is { Length: > 300 })
        {
            throw new HubException("That page address cannot be recorded.");
        }
        if (!limits.TrySendMessage(Me, Ip))
        {
            throw new HubException(ShopperRateLimits.TooFast);
        }
        var chat = await MineAsync(conversationId);
        if (chat.IsOpen)
        {
            await conversations.PageViewedAsync(chat, url, title, CancellationToken.None);
        }
    }

    /// <summary>The shopper is typing (or stopped): told to the agent, never stored.</summary>
    public async Task Typing(Guid conversationId, bool typing)
    {
        var chat = await MineAsync(conversationId);
        if (chat.Status == ConversationStatus.Active)
        {
            await signals.TypingAsync(chat, SenderKind.Shopper, null, typing);
        }
    }

    /// <summary>The shopper has seen every message up to <paramref name="seq"/>.</summary>
    public async Task MarkRead(Guid conversationId, long seq) =>
        await signals.MarkReadAsync(await MineAsync(conversationId), SenderKind.Shopper, seq, CancellationToken.None);

    /// <summary>E-mails the transcript to the address the shopper gave when starting; once per chat.</summary>
    public async Task EmailTranscript(Guid conversationId)
    {
        if (!limits.TrySendMessage(Me, Ip))
        {
            throw new HubException(ShopperRateLimits.TooFast);
        }
        await transcripts.SendAsync(await MineAsync(conversationId), CancellationToken.None);
    }

    /// <summary>Stores the message once (a retry with the same client id returns the stored one) and tells every tab and the agent.</summary>
    public async Task<MessageDto> SendMessage(Guid conversationId, string clientMessageId, string text)
    {
        var clean = MessageStore.CheckNew(clientMessageId, text);
        if (!limits.TrySendMessage(Me, Ip))
        {
            throw new HubException(ShopperRateLimits.TooFast);
        }
        var conversation = await MineAsync(conversationId);
        return await conversations.SendAsync(conversation, SenderKind.Shopper, null, clientMessageId, clean, CancellationToken.None);
    }

    /// <summary>The messages after <paramref name="afterSeq"/>: called after a reconnect or when a gap in seq shows.</summary>
    public async Task<List<MessageDto>> Sync(Guid conversationId, long afterSeq)
    {
        await MineAsync(conversationId);
        return await messages.AfterAsync(conversationId, Math.Max(0, afterSeq), Context.ConnectionAborted);
    }

    public async Task EndConversation(Guid conversationId) =>
        await conversations.EndAsync(await MineAsync(conversationId), CancellationToken.None);

    async Task<Conversation> MineAsync(Guid conversationId)
    {
        var me = Me;
        return await db.Conversations.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == conversationId && c.DealerId == me.DealerId && c.VisitorId == me.VisitorId, Context.ConnectionAborted)
            ?? throw new HubException("Conversation not found.");
    }
}
