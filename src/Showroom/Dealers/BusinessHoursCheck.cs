namespace Showroom.Dealers;

public static class BusinessHoursCheck
{
    /// <summary>Whether the department is open at <paramref name="now"/>, read in the dealer's time zone.</summary>
    public static bool IsOpen(IEnumerable<BusinessHours> hours, string dealerTimeZone, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(dealerTimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return hours.Any(h => h.Day == local.DayOfWeek && h.Opens <= time && time < h.Closes);
    }
}
