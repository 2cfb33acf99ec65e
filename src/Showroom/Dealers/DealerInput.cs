using System.Globalization;
using System.Net.Mail;

namespace Showroom.Dealers;

public sealed record AddressDto(string? Street, string? City, string? Region, string? PostalCode, string? Country);

public sealed record HoursInput(DayOfWeek? Day, string? Opens, string? Closes);

/// <summary>Checks of the dealer forms; every error is a code keyed by the field's JSON path.</summary>
public static class DealerInput
{
    public const int MaxOrigins = 20;

    public static string? Text(string? value, string field, int max, bool required, Dictionary<string, string[]> errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors[field] = ["required"];
            }
            return required ? null : "";
        }
        if (text.Length > max || text.Any(char.IsControl))
        {
            errors[field] = [text.Length > max ? "too_long" : "invalid"];
            return null;
        }
        return text;
    }

    public static DealerAddress Address(AddressDto? address, Dictionary<string, string[]> errors) => new()
    {
        Street = Text(address?.Street, "address.street", 200, required: false, errors) ?? "",
        City = Text(address?.City, "address.city", 100, required: false, errors) ?? "",
        Region = Text(address?.Region, "address.region", 100, required: false, errors) ?? "",
        PostalCode = Text(address?.PostalCode, "address.postalCode", 20, required: false, errors) ?? "",
        Country = Text(address?.Country, "address.country", 100, required: false, errors) ?? "",
    };

    /// <summary>Each origin exactly scheme://host[:port] (http or https), lower-cased, no duplicates.</summary>
    public static List<string> Origins(IReadOnlyList<string?>? origins, Dictionary<string, string[]> errors)
    {
        var clean = new List<string>();
        if (origins is null)
        {
            return clean;
        }
        if (origins.Count > MaxOrigins)
        {
            errors["websiteOrigins"] = ["too_long"];
            return clean;
        }
        for (var i = 0; i < origins.Count; i++)
        {
            var value = origins[i]?.Trim().TrimEnd('/') ?? "";
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || !string.IsNullOrEmpty(uri.UserInfo) || uri.PathAndQuery != "/" || !string.IsNullOrEmpty(uri.Fragment)
                || value.Length > 300 || !value.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase))
            {
                errors[$"websiteOrigins[{i}]"] = ["invalid"];
                continue;
            }
            var origin = uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
            if (clean.Contains(origin))
            {
                errors[$"websiteOrigins[{i}]"] = ["duplicate"];
                continue;
            }
            clean.Add(origin);
        }
        return clean;
    }

    public static string? LeadEmail(string? value, Dictionary<string, string[]> errors)
    {
        var email = value?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return null;
        }
        if (email.Length > 256)
        {
            errors["leadEmail"] = ["too_long"];
        }
        else if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            errors["leadEmail"] = ["invalid"];
        }
        return email;
    }

    /// <summary>Weekly hours: "HH:mm" (or "HH:mm:ss"), closes "24:00" for midnight; opens before closes, no overlaps per day.</summary>
    public static List<BusinessHours> Hours(IReadOnlyList<HoursInput?>? hours, Dictionary<string, string[]> errors)
    {
        var parsed = new List<(int Index, BusinessHours Hours)>();
        for (var i = 0; i < (hours?.Count ?? 0); i++)
        {
            var h = hours![i];
            var at = $"hours[{i}]";
            if (h?.Day is not { } day || !Enum.IsDefined(day))
            {
                errors[$"{at}.day"] = ["invalid"];
                continue;
            }
            var opens = ParseTime(h.Opens, allowMidnightEnd: false);
            var closes = ParseTime(h.Closes, allowMidnightEnd: true);
            if (opens is null)
            {
                errors[$"{at}.opens"] = [string.IsNullOrWhiteSpace(h.Opens) ? "required" : "invalid"];
            }
            if (closes is null)
            {
                errors[$"{at}.closes"] = [string.IsNullOrWhiteSpace(h.Closes) ? "required" : "invalid"];
            }
            if (opens is null || closes is null)
            {
                continue;
            }
            if (opens >= closes)
            {
                errors[$"{at}.closes"] = ["order"];
                continue;
            }
            parsed.Add((i, new BusinessHours { Day = day, Opens = opens.Value, Closes = closes.Value }));
        }
        foreach (var day in parsed.GroupBy(p => p.Hours.Day))
        {
            var ordered = day.OrderBy(p => p.Hours.Opens).ToList();
            for (var k = 1; k < ordered.Count; k++)
            {
                if (ordered[k].Hours.Opens < ordered[k - 1].Hours.Closes)
                {
                    errors[$"hours[{ordered[k].Index}].opens"] = ["overlap"];
                }
            }
        }
        return parsed.OrderBy(p => p.Hours.Day).ThenBy(p => p.Hours.Opens).Select(p => p.Hours).ToList();
    }

    static TimeOnly? ParseTime(string? value, bool allowMidnightEnd)
    {
        var text = value?.Trim();
        if (allowMidnightEnd && text is "24:00" or "24:00:00")
        {
            return TimeOnly.MaxValue;
        }
        return TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time : null;
    }
}
