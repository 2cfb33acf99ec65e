namespace Showroom.Routing;

/// <summary>The "Routing" configuration section (per-department settings live in the database).</summary>
public sealed class RoutingOptions
{
    public const string Section = "Routing";

    /// <summary>How often each node looks for routing steps that are due (offer deadlines, escalations, missed chats).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A waiting chat is looked at again at least this often, even with nothing due: a lost wake-up costs seconds, not minutes.</summary>
    public TimeSpan RecheckEvery { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>When everyone has passed on a chat at the widest escalation step, the next round starts after this pause.</summary>
    public TimeSpan RoundPause { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A transfer not accepted in this time goes back to (stays with) the sender, who is told.</summary>
    public TimeSpan TransferTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
