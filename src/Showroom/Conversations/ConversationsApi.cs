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
            .Where(c => c.AssignedAgentId == agentId && c.Status != ConversationStatus.Ended)
            .OrderBy(c => c.CreatedAt)
            .ToListAsync(ct);
        return TypedResults.Ok(open.Select(ConversationService.ToAgentDto).ToList());
    }
}
