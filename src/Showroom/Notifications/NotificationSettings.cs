namespace Showroom.Notifications;

/// <summary>
/// Which channels tell an agent of offers, chosen in notification settings and kept with the agent so every
/// client (console tabs, the extension, Web Push) follows the same choice. Do Not Disturb silences all of them.
/// </summary>
public sealed class NotificationSettings
{
    /// <summary>The Chat Screen rings for chat and transfer offers (and plays a short sound for team messages).</summary>
    public bool Sound { get; set; } = true;

    /// <summary>The console's own Notification API pop-ups while its tab is hidden.</summary>
    public bool Desktop { get; set; } = true;

    /// <summary>The extension's pop-up window and system notification.</summary>
    public bool Extension { get; set; } = true;

    /// <summary>Web Push to the browsers the agent subscribed.</summary>
    public bool Push { get; set; } = true;
}

public sealed record NotificationSettingsDto(bool Sound, bool Desktop, bool Extension, bool Push)
{
    public static NotificationSettingsDto From(NotificationSettings s) => new(s.Sound, s.Desktop, s.Extension, s.Push);
}

/// <summary>The agent hub's Me(): who is connected, their status and channels (the extension's first call).</summary>
public sealed record HubMeDto(Guid Id, string DisplayName, string Email, string? HeadshotUrl, Presence.AgentStatusDto Status, NotificationSettingsDto Notifications);
