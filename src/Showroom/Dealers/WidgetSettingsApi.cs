using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Showroom.Audit;
using Showroom.Data;

namespace Showroom.Dealers;

/// <summary>The widget's settings as the console edits them and the widget reads them.</summary>
public sealed record WidgetSettingsDto(
    string AccentColor, string Greeting, LauncherPosition LauncherPosition, string LauncherLabel,
    FieldRule NameField, FieldRule EmailField, FieldRule PhoneField, string OfflineMessage)
{
    public static WidgetSettingsDto From(WidgetSettings w) =>
        new(w.AccentColor, w.Greeting, w.LauncherPosition, w.LauncherLabel, w.NameField, w.EmailField, w.PhoneField, w.OfflineMessage);
}

/// <summary>A dealer's widget settings; Managers of the dealer and Admins read and change them.</summary>
public static partial class WidgetSettingsApi
{
    public static RouteGroupBuilder MapWidgetSettingsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/dealers/{dealerId:guid}/settings/widget").RequireAuthorization()
            .RequireDealerRight(reads: DealerRight.Manage, writes: DealerRight.Manage).WithTags("Dealers");
        group.MapGet("/", Get).WithSummary("The widget's colour, greeting, launcher, start-form fields and offline message.");
        group.MapPut("/", Put).WithSummary("Changes the widget settings; every field is checked, nothing is saved partially.");
        return group;
    }

    static async Task<Ok<WidgetSettingsDto>> Get(Guid dealerId, ShowroomDb db, CancellationToken ct) =>
        TypedResults.Ok(WidgetSettingsDto.From(await db.Dealers.Where(d => d.Id == dealerId).Select(d => d.Widget).SingleAsync(ct)));

    static async Task<Results<Ok<WidgetSettingsDto>, ValidationProblem>> Put(
        Guid dealerId, WidgetSettingsDto settings, HttpContext http, ShowroomDb db, AuditLog audit, CancellationToken ct)
    {
        var (clean, errors) = Check(settings);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Please check the widget settings.");
        }
        var before = await db.Dealers.Where(d => d.Id == dealerId).Select(d => new { d.Name, d.Widget }).SingleAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Dealers.Where(d => d.Id == dealerId).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Widget.AccentColor, clean.AccentColor)
            .SetProperty(d => d.Widget.Greeting, clean.Greeting)
            .SetProperty(d => d.Widget.LauncherPosition, clean.LauncherPosition)
            .SetProperty(d => d.Widget.LauncherLabel, clean.LauncherLabel)
            .SetProperty(d => d.Widget.NameField, clean.NameField)
            .SetProperty(d => d.Widget.EmailField, clean.EmailField)
            .SetProperty(d => d.Widget.PhoneField, clean.PhoneField)
            .SetProperty(d => d.Widget.OfflineMessage, clean.OfflineMessage), ct);
        await audit.RecordAsync(http.User, "widget.updated", dealerId, "dealer", dealerId, before.Name, WidgetSettingsDto.From(before.Widget), clean, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(clean);
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();

    /// <summary>The settings trimmed (colour in lower case), and field errors as codes keyed like the JSON.</summary>
    static (WidgetSettingsDto Clean, Dictionary<string, string[]> Errors) Check(WidgetSettingsDto s)
    {
        var errors = new Dictionary<string, string[]>();
        var color = s.AccentColor?.Trim() ?? "";
        if (!HexColor().IsMatch(color))
        {
            errors["accentColor"] = [color.Length == 0 ? "required" : "invalid"];
        }
        var greeting = Text(s.Greeting, "greeting", WidgetSettings.GreetingMax, required: false, errors);
        var label = Text(s.LauncherLabel, "launcherLabel", WidgetSettings.LauncherLabelMax, required: true, errors, oneLine: true);
        var offline = Text(s.OfflineMessage, "offlineMessage", WidgetSettings.OfflineMessageMax, required: false, errors);
        if (!Enum.IsDefined(s.LauncherPosition))
        {
            errors["launcherPosition"] = ["invalid"];
        }
        foreach (var (rule, key) in new[] { (s.NameField, "nameField"), (s.EmailField, "emailField"), (s.PhoneField, "phoneField") })
        {
            if (!Enum.IsDefined(rule))
            {
                errors[key] = ["invalid"];
            }
        }
        return (s with { AccentColor = color.ToLowerInvariant(), Greeting = greeting, LauncherLabel = label, OfflineMessage = offline }, errors);
    }

    /// <summary>Trimmed text; "too_long" past <paramref name="max"/>, "required" when blank and needed, "invalid" with control characters (line breaks only where several lines make sense).</summary>
    static string Text(string? value, string key, int max, bool required, Dictionary<string, string[]> errors, bool oneLine = false)
    {
        bool Bad(char c) => char.IsControl(c) && (oneLine || c is not ('\n' or '\r'));
        var text = value?.Trim() ?? "";
        if (text.Length > max)
        {
            errors[key] = ["too_long"];
        }
        else if (required && text.Length == 0)
        {
            errors[key] = ["required"];
        }
        else if (text.Any(Bad))
        {
            errors[key] = ["invalid"];
        }
        return text;
    }
}
