namespace Showroom.Dealers;

/// <summary>Whether the widget's start form asks for a detail, and whether a chat can start without it.</summary>
public enum FieldRule
{
    Hidden,
    Optional,
    Required,
}

public enum LauncherPosition
{
    Right,
    Left,
}

/// <summary>How the dealer's chat widget looks and what its start form asks; stored with the dealer.</summary>
public sealed class WidgetSettings
{
    public const string DefaultAccentColor = "#0b5cad";

    /// <summary>The default label; the widget shows it in the shopper's language.</summary>
    public const string DefaultLauncherLabel = "Chat with us";

    public const int GreetingMax = 200;
    public const int LauncherLabelMax = 40;
    public const int OfflineMessageMax = 500;

    /// <summary>#rrggbb: the launcher, the header and the buttons.</summary>
    public string AccentColor { get; set; } = DefaultAccentColor;

    /// <summary>Shown above the start form; "" shows the widget's own introduction.</summary>
    public string Greeting { get; set; } = "";

    public LauncherPosition LauncherPosition { get; set; } = LauncherPosition.Right;

    public string LauncherLabel { get; set; } = DefaultLauncherLabel;

    public FieldRule NameField { get; set; } = FieldRule.Optional;
    public FieldRule EmailField { get; set; } = FieldRule.Optional;
    public FieldRule PhoneField { get; set; } = FieldRule.Optional;

    /// <summary>Shown above the lead form when no chat can start; "" shows nothing more.</summary>
    public string OfflineMessage { get; set; } = "";
}
