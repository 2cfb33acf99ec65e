using Showroom.Conversations;
using Showroom.Presence;
using Showroom.Routing;

namespace Showroom.Realtime;

/// <summary>What the server calls on an agent's console, extension or other client.</summary>
public interface IAgentClient
{
    /// <summary>This sign-in session ended (signed out, password changed, deactivated); the connection closes next.</summary>
    Task SessionEnded(string reason);

    /// <summary>An agent's shown status changed: the agent's own tabs and extension, and their dealers' team panels.</summary>
    Task StatusChanged(AgentStatusDto status);

    /// <summary>A chat became this agent's (they accepted it on one of their clients).</summary>
    Task ConversationAssigned(AgentConversationDto conversation);

    /// <summary>One of this agent's chats changed (ended).</summary>
    Task ConversationUpdated(AgentConversationDto conversation);

    /// <summary>A message in one of this agent's chats, after it was stored.</summary>
    Task MessageReceived(MessageDto message);

    /// <summary>The shopper of one of this agent's chats started or stopped typing.</summary>
    Task Typing(TypingDto typing);

    /// <summary>A read receipt in one of this agent's chats: the shopper's, or the agent's own from another client.</summary>
    Task ReadUpTo(ReadDto read);

    /// <summary>A chat is offered to this agent: ring.</summary>
    Task OfferReceived(OfferDto offer);

    /// <summary>An offer left this agent (taken, accepted or declined elsewhere, timed out, the chat ended or was missed).</summary>
    Task OfferClosed(OfferClosedDto closed);

    /// <summary>A transfer this agent sent was accepted, declined, timed out or cancelled.</summary>
    Task TransferUpdated(TransferUpdateDto update);

    /// <summary>A private note in one of this agent's chats (never sent to shoppers).</summary>
    Task NoteAdded(NoteDto note);

    /// <summary>A message in one of this agent's internal threads (direct, or a team room of their dealers).</summary>
    Task InternalMessageReceived(Internal.InternalMessageDto message);

    /// <summary>The agent read an internal thread on one of their clients: the others clear its unread count.</summary>
    Task InternalReadUpTo(Internal.InternalReadDto read);

    /// <summary>The agent chose other notification channels (on any client): every client follows at once.</summary>
    Task NotificationSettingsChanged(Notifications.NotificationSettingsDto settings);
}
