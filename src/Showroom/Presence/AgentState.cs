namespace Showroom.Presence;

/// <summary>The status an agent chooses. Offline is never chosen: it is derived from connections.</summary>
public enum AgentStatus
{
    Available,
    Away,
    DoNotDisturb,
}

/// <summary>What everyone sees: the chosen status, or Offline once the agent has been gone past the grace period.</summary>
public enum ShownStatus
{
    Available,
    Away,
    DoNotDisturb,
    Offline,
}

/// <summary>Why a status changed; kept with every change for time-in-status reports.</summary>
public enum StatusCause
{
    Agent,
    Manager,
    Idle,
    MissedOffers,
    Disconnect,
    Return,
}

/// <summary>
/// An agent's status and presence, in its own row so that presence writes never race with profile
/// edits of the Identity row.
/// </summary>
public sealed class AgentState
{
    public Guid AgentId { get; set; }
    public AgentStatus Status { get; set; } = AgentStatus.Away;

    /// <summary>False once the agent has had no live connection for the whole grace period.</summary>
    public bool IsOnline { get; set; }

    /// <summary>When the agent's last live connection went away; null while one is live.</summary>
    public DateTimeOffset? ConnectionLostAt { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
    public StatusCause Cause { get; set; }
    public DateTimeOffset? LastActivityAt { get; set; }
    public int ConsecutiveMissedOffers { get; set; }

    public ShownStatus Shown => IsOnline ? (ShownStatus)Status : ShownStatus.Offline;
}

/// <summary>
/// One live connection, held by the node that owns the socket. The node renews its leases while it
/// lives; a node that dies stops renewing, its leases expire and its agents go Offline after the grace.
/// </summary>
public sealed class ConnectionLease
{
    public required string ConnectionId { get; set; }
    public Guid AgentId { get; set; }
    public required string NodeId { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>A status change, as recorded for reports.</summary>
public sealed class StatusChange
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AgentId { get; set; }
    public DateTimeOffset At { get; set; }
    public ShownStatus From { get; set; }
    public ShownStatus To { get; set; }
    public StatusCause Cause { get; set; }

    /// <summary>Who made the change, when a person did (the agent or a manager).</summary>
    public Guid? ChangedBy { get; set; }
}
