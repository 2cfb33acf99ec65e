namespace Showroom.Conversations;

/// <summary>The "Conversations" configuration section.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>
    /// An open chat with no shopper tab connected for this long is closed with a line for the agent. It is
    /// also how long a shopper may leave the site and come back to the same chat.
    /// </summary>
    public TimeSpan AbandonAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often each node marks its shoppers' chats as seen and closes abandoned ones.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
