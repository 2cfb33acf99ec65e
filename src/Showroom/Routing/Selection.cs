using Showroom.Presence;

namespace Showroom.Routing;

public enum EscalationStep
{
    /// <summary>Members of the chat's department at its dealer.</summary>
    Department,
    OtherDepartments,
    Managers,

    /// <summary>The same department at the group's other dealers.</summary>
    GroupDealers,
}

/// <summary>An agent routing could offer a chat to, as read at the start of a routing decision.</summary>
public sealed record Candidate(
    Guid AgentId, ShownStatus Status, bool LiveConnection, int ActiveChats, int PendingOffers, int ChatLimit, DateTimeOffset? LastChatAt);

/// <summary>Who gets an offer: the selection rules as pure functions, so they are tested without a server.</summary>
public static class Selection
{
    /// <summary>Status allows it (customer chats: Available; transfers: Available or Away), connected now, and a free seat.</summary>
    public static bool IsEligible(Candidate candidate, OfferKind kind) =>
        Eligibility.Decide(candidate.Status, candidate.LiveConnection, kind == OfferKind.Transfer ? Delivery.TransferOffer : Delivery.CustomerChatOffer) == Decision.Notify
        && candidate.ActiveChats + candidate.PendingOffers < candidate.ChatLimit;

    /// <summary>
    /// The agents to offer the chat to now. <paramref name="passed"/>: who declined or timed out in this round;
    /// <paramref name="ringing"/>: who has this chat's offer pending. A returning shopper's previous agent is
    /// offered alone first, until they pass. Broadcast: everyone eligible. Sequential: one at a time, the
    /// fewest active chats first, then the longest since their last chat.
    /// </summary>
    public static IReadOnlyList<Guid> Choose(
        RoutingPolicy policy, OfferKind kind, IEnumerable<Candidate> candidates, IReadOnlySet<Guid> passed, IReadOnlySet<Guid> ringing, Guid? preferred)
    {
        var open = candidates.Where(c => IsEligible(c, kind) && !passed.Contains(c.AgentId) && !ringing.Contains(c.AgentId)).ToList();
        if (preferred is { } first && !passed.Contains(first))
        {
            if (ringing.Contains(first))
            {
                return [];
            }
            if (open.Any(c => c.AgentId == first))
            {
                return [first];
            }
        }
        if (policy == RoutingPolicy.Broadcast)
        {
            return open.Select(c => c.AgentId).ToList();
        }
        if (ringing.Count > 0)
        {
            return [];
        }
        return open.OrderBy(c => c.ActiveChats).ThenBy(c => c.LastChatAt ?? DateTimeOffset.MinValue).ThenBy(c => c.AgentId)
            .Take(1).Select(c => c.AgentId).ToList();
    }

    /// <summary>Everyone who could take the chat has passed in this round: time to escalate or start a new round.</summary>
    public static bool RoundExhausted(OfferKind kind, IEnumerable<Candidate> candidates, IReadOnlySet<Guid> passed, IReadOnlySet<Guid> ringing)
        => ringing.Count == 0 && passed.Count > 0 && !candidates.Any(c => IsEligible(c, kind) && !passed.Contains(c.AgentId));

    /// <summary>The pools an offer widens through, in order; level N offers to the union of the first N + 1.</summary>
    public static IReadOnlyList<EscalationStep> Steps(RoutingSettings settings, bool groupAllowsCrossDealerWork)
    {
        var steps = new List<EscalationStep> { EscalationStep.Department };
        if (settings.EscalateToOtherDepartments)
        {
            steps.Add(EscalationStep.OtherDepartments);
        }
        if (settings.EscalateToManagers)
        {
            steps.Add(EscalationStep.Managers);
        }
        if (settings.EscalateToGroupDealers && groupAllowsCrossDealerWork)
        {
            steps.Add(EscalationStep.GroupDealers);
        }
        return steps;
    }
}
