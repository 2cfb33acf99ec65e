using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Showroom.Data;
using Showroom.Notifications;
using Showroom.Realtime;

namespace Showroom.Routing;

/// <summary>Why an offer left an agent's screen; the console says it in words.</summary>
public sealed record OfferClosedDto(Guid OfferId, Guid ConversationId, string Reason, string? TakenBy);

/// <summary>
/// Closing offers and recording routing steps, shared by routing and by the conversation rules (a chat
/// that ends while it rings withdraws its offers). Each offer leaves Pending by one conditional update,
/// so only the writer that closed it tells the agent.
/// </summary>
public sealed class OfferBook(ShowroomDb db, TimeProvider clock, IHubContext<AgentHub, IAgentClient> agents, WebPushOffers push)
{
    public const string Taken = "taken";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string TimedOut = "timed-out";
    public const string Ended = "ended";
    public const string Missed = "missed";

    /// <summary>Withdraws every pending offer of the chat (but <paramref name="except"/>), telling each agent why.</summary>
    public async Task WithdrawAllAsync(Guid conversationId, string reason, string? takenBy, Guid? except, CancellationToken ct)
    {
        var pending = await db.ChatOffers.AsNoTracking()
            .Where(o => o.ConversationId == conversationId && o.State == OfferState.Pending && o.Id != except).ToListAsync(ct);
        foreach (var offer in pending)
        {
            await CloseAsync(offer, OfferState.Withdrawn, reason, takenBy, ct);
        }
    }

    /// <summary>Moves one offer out of Pending; false when something else closed it first.</summary>
    public async Task<bool> CloseAsync(ChatOffer offer, OfferState to, string reason, string? takenBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var closed = await db.ChatOffers.Where(o => o.Id == offer.Id && o.State == OfferState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.State, to).SetProperty(o => o.ClosedAt, now), ct);
        if (closed == 0)
        {
            return false;
        }
        var step = to switch
        {
            OfferState.Accepted => RoutingStep.Accepted,
            OfferState.Declined => RoutingStep.Declined,
            OfferState.TimedOut => RoutingStep.TimedOut,
            _ => RoutingStep.Withdrawn,
        };
        await RecordAsync(offer.ConversationId, offer.DealerId, offer.AgentId, step, offer.Round, ct);
        await agents.Clients.Group(AgentHub.AgentGroup(offer.AgentId)).OfferClosed(new OfferClosedDto(offer.Id, offer.ConversationId, reason, takenBy));
        push.OfferClosed(offer.Id, offer.AgentId);
        return true;
    }

    public async Task RecordAsync(Guid conversationId, Guid dealerId, Guid? agentId, RoutingStep step, int level, CancellationToken ct)
    {
        db.RoutingEvents.Add(new RoutingEvent { ConversationId = conversationId, DealerId = dealerId, AgentId = agentId, Step = step, Level = level, At = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
    }
}
