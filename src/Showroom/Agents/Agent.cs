using Microsoft.AspNetCore.Identity;

namespace Showroom.Agents;

public enum AgentRole
{
    Agent,
    Manager,
    Admin,
}

/// <summary>A person who signs in to the console. The e-mail address is the sign-in name.</summary>
public sealed class Agent : IdentityUser<Guid>
{
    public Agent()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public AgentRole Role { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>Console language: en-US, es-US or fr-CA.</summary>
    public string Locale { get; set; } = "en-US";

    /// <summary>IANA time zone in which every time is shown to this agent.</summary>
    public required string TimeZone { get; set; }

    public Guid? PrimaryDealerId { get; set; }

    /// <summary>Chats this agent handles at once; null takes the dealer's default.</summary>
    public int? ChatLimit { get; set; }

    /// <summary>Changes with every new headshot, so its URL changes and caches can keep files forever.</summary>
    public string? HeadshotVersion { get; set; }

    /// <summary>The name of the file the agent uploaded, shown beside the preview.</summary>
    public string? HeadshotFileName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>Which channels tell this agent of offers.</summary>
    public Notifications.NotificationSettings Notifications { get; set; } = new();

    public string DisplayName => $"{FirstName} {LastName}".Trim();
}

/// <summary>An agent works for a dealer.</summary>
public sealed class DealerMembership
{
    public Guid AgentId { get; set; }
    public Guid DealerId { get; set; }
}

/// <summary>An agent takes chats of a department.</summary>
public sealed class DepartmentMembership
{
    public Guid AgentId { get; set; }
    public Guid DealerId { get; set; }
    public Guid DepartmentId { get; set; }
}
