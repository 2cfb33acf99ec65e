namespace Showroom.Auth;

/// <summary>
/// One sign-in of one browser. The cookie names it; signing out ends it on the server, so a copied
/// cookie is worthless afterwards and a connection opened in the same instant is closed too.
/// </summary>
public sealed class AgentSession
{
    public required string Id { get; init; }
    public Guid AgentId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}
