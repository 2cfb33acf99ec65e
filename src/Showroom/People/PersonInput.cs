using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Showroom.Agents;

namespace Showroom.People;

/// <summary>The checks every form that makes or changes a person shares; errors are codes keyed like the JSON.</summary>
public static class PersonInput
{
    public const int MinChatLimit = 1;
    public const int MaxChatLimit = 20;

    public static string? Email(string? value, Dictionary<string, string[]> errors, string field = "email")
    {
        var email = value?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors[field] = ["required"];
            return null;
        }
        if (email.Length > 256)
        {
            errors[field] = ["too_long"];
            return null;
        }
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || email.Any(char.IsWhiteSpace))
        {
            errors[field] = ["invalid"];
            return null;
        }
        return email;
    }

    public static string? Name(string? value, string field, bool required, Dictionary<string, string[]> errors)
    {
        var name = value?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            if (required)
            {
                errors[field] = ["required"];
            }
            return null;
        }
        if (name.Length > 100 || name.Any(char.IsControl))
        {
            errors[field] = [name.Length > 100 ? "too_long" : "invalid"];
            return null;
        }
        return name;
    }

    /// <summary>An IANA zone id such as America/Chicago (Windows names are refused: clients show IANA ids).</summary>
    public static bool IsTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;

    public static string? TimeZone(string? value, Dictionary<string, string[]> errors, string field = "timeZone")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["required"];
            return null;
        }
        if (!IsTimeZone(value.Trim()))
        {
            errors[field] = ["invalid"];
            return null;
        }
        return value.Trim();
    }

    public static void ChatLimit(int? limit, Dictionary<string, string[]> errors)
    {
        if (limit is < MinChatLimit or > MaxChatLimit)
        {
            errors["chatLimit"] = ["out_of_range"];
        }
    }

    /// <summary>Identity's password rules, checked without any account (so the answer says nothing about one).</summary>
    public static async Task PasswordAsync(UserManager<Agent> users, string? password, Dictionary<string, string[]> errors, string field = "password")
    {
        if (string.IsNullOrEmpty(password))
        {
            errors[field] = ["required"];
            return;
        }
        var probe = new Agent { FirstName = "", LastName = "", TimeZone = "UTC" };
        var messages = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, probe, password);
            messages.AddRange(result.Errors.Select(e => e.Description));
        }
        if (password.Length > 512)
        {
            messages.Add("Passwords must be at most 512 characters.");
        }
        if (messages.Count > 0)
        {
            errors[field] = [.. messages];
        }
    }
}
