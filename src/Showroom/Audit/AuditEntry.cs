namespace Showroom.Audit;

/// <summary>One settings or people change: who, what, when, and the values before and after (never secrets).</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public Guid? ActorId { get; init; }
    public required string ActorName { get; init; }
    public Guid? DealerId { get; init; }

    /// <summary>"dealer.updated", "agent.invited", ...</summary>
    public required string Action { get; init; }
    public required string TargetType { get; init; }
    public string? TargetId { get; init; }
    public string? TargetName { get; init; }

    /// <summary>JSON of the changed values, or null.</summary>
    public string? Before { get; init; }
    public string? After { get; init; }
}
