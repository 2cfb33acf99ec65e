namespace Showroom.Presence;

/// <summary>What may reach an agent.</summary>
public enum Delivery
{
    CustomerChatOffer,
    TransferOffer,
    InternalMessage,
}

public enum Decision
{
    /// <summary>Not delivered (offers) at all.</summary>
    Refuse,

    /// <summary>Stored, counted as unread, but nothing rings or pops up.</summary>
    Silent,

    /// <summary>Delivered and announced (sound, notification, extension pop-up).</summary>
    Notify,
}

/// <summary>
/// The one answer to "may this agent receive X now?", from the status table of the design:
/// Available gets everything; Away gets transfers and internal chats but no customer chats;
/// Do Not Disturb gets internal messages silently and no offers; Offline gets stored messages only.
/// New offers also need a live connection now: an agent inside the grace period keeps what they
/// have but gets nothing new.
/// </summary>
public static class Eligibility
{
    public static Decision Decide(ShownStatus status, bool hasLiveConnection, Delivery delivery) => delivery switch
    {
        Delivery.CustomerChatOffer => status == ShownStatus.Available && hasLiveConnection ? Decision.Notify : Decision.Refuse,
        Delivery.TransferOffer => status is ShownStatus.Available or ShownStatus.Away && hasLiveConnection ? Decision.Notify : Decision.Refuse,
        Delivery.InternalMessage => status is ShownStatus.Available or ShownStatus.Away && hasLiveConnection ? Decision.Notify : Decision.Silent,
        _ => Decision.Refuse,
    };
}
