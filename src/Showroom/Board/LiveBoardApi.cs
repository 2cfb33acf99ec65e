using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Showroom.Conversations;
using Showroom.Data;
using Showroom.Dealers;
using Showroom.Presence;
using Showroom.Routing;

namespace Showroom.Board;

public sealed record BoardChatDto(Guid ConversationId, string? ShopperName, DepartmentKind Department, DateTimeOffset? Since);

public sealed record BoardAgentDto(Guid Id, string Name, string? HeadshotUrl, ShownStatus Status, DateTimeOffset? StatusSince, IReadOnlyList<BoardChatDto> ActiveChats);

/// <summary>A chat waiting in line: since when, and how many offers of it ring now.</summary>
public sealed record BoardWaitingDto(Guid ConversationId, string? ShopperName, DepartmentKind Department, DateTimeOffset WaitingSince, int Ringing);

/// <summary>One dealer now: who is Available, Away, Do Not Disturb or Offline with their chats, and the chats waiting.</summary>
public sealed record LiveBoardDto(Guid DealerId, DateTimeOffset At, IReadOnlyList<BoardAgentDto> Agents, IReadOnlyList<BoardWaitingDto> Waiting);

/// <summary>The managers' live board: read often (the console polls it and re-reads on status changes), so it is a few plain queries.</summary>
public static class LiveBoardApi
{
    public static RouteHandlerBuilder MapLiveBoardApi(this RouteGroupBuilder api) =>
        api.MapGet("/dealers/{dealerId:guid}/board", GetBoard)
            .RequireAuthorization()
            .RequireDealerRight(reads: DealerRight.Manage)
            .WithTags("Board")
            .WithSummary("Who is Available, Away, Do Not Disturb or Offline with their active chats, and the waiting chats (Managers of the dealer, Admins).");

    static async Task<Ok<LiveBoardDto>> GetBoard(Guid dealerId, ShowroomDb db, TimeProvider clock, CancellationToken ct)
    {
        var chats = await db.Conversations.AsNoTracking()
            .Where(c => c.DealerId == dealerId && (c.Status == ConversationStatus.Active || c.Status == ConversationStatus.Waiting))
            .Select(c => new
            {
                c.Id, c.Status, c.AssignedAgentId, c.ShopperName, c.Department, c.AcceptedAt, c.Routing.QueuedAt,
                Ringing = db.ChatOffers.Count(o => o.ConversationId == c.Id && o.State == OfferState.Pending),
            })
            .ToListAsync(ct);
        // The dealer's agents, and anyone else (of the group) holding one of its chats.
        var holders = chats.Where(c => c.AssignedAgentId != null).Select(c => c.AssignedAgentId!.Value).Distinct().ToList();
        var agents = await db.Users.AsNoTracking()
            .Where(a => a.IsActive && (db.DealerMemberships.Any(m => m.DealerId == dealerId && m.AgentId == a.Id) || holders.Contains(a.Id)))
            .Select(a => new { a.Id, a.FirstName, a.LastName, a.HeadshotVersion, State = db.AgentStates.FirstOrDefault(s => s.AgentId == a.Id) })
            .ToListAsync(ct);

        var board = agents
            .Select(a => new BoardAgentDto(
                a.Id, $"{a.FirstName} {a.LastName}".Trim(),
                Profiles.ProfileApi.HeadshotUrl(a.Id, a.HeadshotVersion, Profiles.HeadshotProcessor.SmallSize),
                a.State?.Shown ?? ShownStatus.Offline, a.State?.ChangedAt,
                chats.Where(c => c.Status == ConversationStatus.Active && c.AssignedAgentId == a.Id).OrderBy(c => c.AcceptedAt)
                    .Select(c => new BoardChatDto(c.Id, c.ShopperName, c.Department, c.AcceptedAt)).ToList()))
            .OrderBy(a => a.Status).ThenBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        var waiting = chats.Where(c => c.Status == ConversationStatus.Waiting)
            .Select(c => new BoardWaitingDto(c.Id, c.ShopperName, c.Department, c.QueuedAt, c.Ringing))
            .OrderBy(c => c.WaitingSince)
            .ToList();
        return TypedResults.Ok(new LiveBoardDto(dealerId, clock.GetUtcNow(), board, waiting));
    }
}
