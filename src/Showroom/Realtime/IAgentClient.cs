using Showroom.Conversations;
using Showroom.Presence;

namespace Showroom.Realtime;

/// <summary>What the server calls on an agent's console, extension or other client.</summary>
public interface IAgentClient
{
    /// <summary>This sign-in session ended (signed out, password changed, deactivated); the connection closes next.</summary>
    Task SessionEnded(string reason);

    /// <summary>An agent's shown status changed: the agent's own tabs and extension, and their dealers' team panels.</summary>
    Task StatusChanged(AgentStatusDto status);

    /// <summary>A chat was given to this agent.</summary>
    Task ConversationAssigned(AgentConversationDto conversation);

    /// <summary>One of this agent's chats changed (ended).</summary>
    Task ConversationUpdated(AgentConversationDto conversation);

    /// <summary>A message in one of this agent's chats, after it was stored.</summary>
    Task MessageReceived(MessageDto message);
}
