namespace Showroom.Dealers;

/// <summary>A dealer group: the owner of several rooftops.</summary>
public sealed class DealerGroup
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }

    /// <summary>Escalation, transfers and internal chats may cross dealers of this group only when set.</summary>
    public bool AllowCrossDealerWork { get; set; }
}

/// <summary>A rooftop: one dealership with its own website, time zone and staff.</summary>
public sealed class Dealer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid GroupId { get; set; }
    public required string Name { get; set; }

    /// <summary>IANA time zone id; business hours are read in it.</summary>
    public required string TimeZone { get; set; }

    /// <summary>Origins (scheme://host[:port]) allowed to embed the widget.</summary>
    public List<string> WebsiteOrigins { get; set; } = [];

    /// <summary>Public key carried by the widget snippet; identifies the dealer, grants nothing else.</summary>
    public required string WidgetKey { get; set; }

    public string? LeadEmail { get; set; }

    /// <summary>The rooftop's postal address; empty parts are "".</summary>
    public DealerAddress Address { get; set; } = new();

    /// <summary>Available agents idle this long are set Away; null (the default) turns idle auto-away off.</summary>
    public int? IdleAwayMinutes { get; set; }

    /// <summary>How many chats an agent handles at once unless their own limit says otherwise.</summary>
    public int DefaultChatLimit { get; set; } = 8;

    /// <summary>A returning shopper's chat is offered first to the agent they last chatted with, when eligible.</summary>
    public bool StickyReturningShoppers { get; set; } = true;

    /// <summary>After this many offers in a row time out on one of the dealer's agents, they are set Away (0: never).</summary>
    public int MissedOffersBeforeAway { get; set; } = 3;

    /// <summary>The chat widget's look, greeting and start form.</summary>
    public WidgetSettings Widget { get; set; } = new();
}

/// <summary>A postal address, stored with the dealer.</summary>
public sealed class DealerAddress
{
    public string Street { get; set; } = "";
    public string City { get; set; } = "";
    public string Region { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string Country { get; set; } = "";
}

/// <summary>A day the whole dealership is closed (in its own time zone), whatever the weekly hours say.</summary>
public sealed class HolidayClosure
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DealerId { get; set; }
    public DateOnly Date { get; set; }
    public required string Name { get; set; }
}
