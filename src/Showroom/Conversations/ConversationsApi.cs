using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Showroom.Auth;
using Showroom.Data;

namespace Showroom.Conversations;

public static class ConversationsApi
{
    public static RouteGroupBuilder MapConversationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/conversations").RequireAuthorization().WithTags("Conversations");
        group.MapGet("/mine", Mine).WithSummary("The signed-in agent's open chats, oldest first.");
        return group;
    }

    static async Task<Ok<List<AgentConversationDto>>> Mine(HttpContext http, ShowroomDb db, CancellationToken ct)
    {
        var agentId = http.User.AgentId();
        var open = await db.Conversations.AsNoTracking()
            .Where(c => c.AssignedAgentId == agentId && c.Status == ConversationStatus.Active)
            .Join(db.Dealers, c => c.DealerId, d => d.Id, (c, d) => new { Chat = c, DealerName = d.Name })
            .ToListAsync(ct);
        return TypedResults.Ok(open.OrderBy(x => x.Chat.CreatedAt).Select(x => ConversationService.ToAgentDto(x.Chat, x.DealerName)).ToList());
    }
}
