namespace Showroom.Dealers;

public static class BusinessHoursCheck
{
    /// <summary>
    /// Whether the department is open at <paramref name="now"/>, read in the dealer's time zone: within its weekly
    /// hours and not on one of the dealer's holiday closures.
    /// </summary>
    public static bool IsOpen(IEnumerable<BusinessHours> hours, string dealerTimeZone, DateTimeOffset now, IEnumerable<DateOnly>? closedDays = null)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(dealerTimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (closedDays?.Contains(DateOnly.FromDateTime(local.DateTime)) == true)
        {
            return false;
        }
        var time = TimeOnly.FromDateTime(local.DateTime);
        return hours.Any(h => h.Day == local.DayOfWeek && h.Opens <= time && time < h.Closes);
    }
}
