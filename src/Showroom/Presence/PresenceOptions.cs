namespace Showroom.Presence;

/// <summary>The "Presence" configuration section.</summary>
public sealed class PresenceOptions
{
    public const string Section = "Presence";

    /// <summary>How long an agent with no live connection keeps their status before showing Offline.</summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a connection lease lives unless its node renews it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each node renews its leases and looks for agents gone past the grace period.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);
}
