namespace Showroom.Conversations;

/// <summary>
/// A note agents leave inside a customer chat. Kept apart from the chat's messages on purpose: nothing that
/// reads messages for the shopper (hub, sync, transcript, e-mail) can ever include one.
/// </summary>
public sealed class PrivateNote
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ConversationId { get; set; }
    public Guid DealerId { get; set; }
    public Guid AgentId { get; set; }
    public required string ClientNoteId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; set; }
}
