namespace Showroom.Dealers;

public enum DepartmentKind
{
    Sales,
    Service,
    Parts,
    Finance,
}

public sealed class Department
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DealerId { get; set; }
    public DepartmentKind Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>Weekly opening hours, in the dealer's time zone.</summary>
    public List<BusinessHours> Hours { get; set; } = [];

    public Routing.RoutingSettings Routing { get; set; } = new();
}

/// <summary>One opening interval on one weekday, in the dealer's local time.</summary>
public sealed class BusinessHours
{
    public DayOfWeek Day { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
}
