namespace Showroom.Routing;

public enum RoutingPolicy
{
    /// <summary>Every eligible agent at once; the first to accept wins.</summary>
    Broadcast,

    /// <summary>One agent at a time: fewest active chats, then longest since their last chat.</summary>
    Sequential,
}

/// <summary>A department's routing, stored with it and changed by the dealer's managers.</summary>
public sealed class RoutingSettings
{
    public RoutingPolicy Policy { get; set; } = RoutingPolicy.Broadcast;

    /// <summary>How long one offer rings before it counts as missed for that agent and routing moves on.</summary>
    public int OfferTimeoutSeconds { get; set; } = 20;

    /// <summary>Unanswered this long after entering the line, the offer widens one escalation step.</summary>
    public int EscalateAfterSeconds { get; set; } = 40;

    /// <summary>Unanswered this long, the chat is Missed and the shopper is offered the lead form.</summary>
    public int MissedChatLimitSeconds { get; set; } = 120;

    /// <summary>Escalation step: agents of the dealer's other departments.</summary>
    public bool EscalateToOtherDepartments { get; set; } = true;

    /// <summary>Escalation step: the dealer's managers.</summary>
    public bool EscalateToManagers { get; set; } = true;

    /// <summary>Escalation step: the same department at the group's other dealers (only where the group allows cross-dealer work).</summary>
    public bool EscalateToGroupDealers { get; set; }
}
