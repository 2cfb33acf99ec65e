namespace Showroom.Profiles;

/// <summary>The console's languages; the console has a complete catalog for each.</summary>
public static class Locales
{
    public static readonly IReadOnlyList<string> Supported = ["en-US", "es-US", "fr-CA"];

    public static bool IsSupported(string? locale) => locale is not null && Supported.Contains(locale);

    /// <summary>An IANA zone id that this server knows (Windows-style ids are refused).</summary>
    public static bool IsTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;

    public static IReadOnlyList<string> TimeZones { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Where(z => z.HasIanaId)
        .Select(z => z.Id)
        .Append("UTC")
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();
}
