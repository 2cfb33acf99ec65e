using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Showroom.Agents;
using Showroom.Auth;
using Showroom.Data;
using Showroom.Dealers;

namespace Showroom.Conversations;

public sealed record BlockRequest(string? Reason);

public sealed record BlockDto(Guid Id, Guid DealerId, Guid ConversationId, string? ShopperName, string Reason, string BlockedBy, DateTimeOffset BlockedAt);

/// <summary>
/// Blocking abusive shoppers: the chat's agent (or a Manager of its dealer, or an Admin) blocks the visitor and
/// their address with a reason, which ends the chat; Managers list and lift blocks. A blocked shopper cannot start chats.
/// </summary>
public static class BlocksApi
{
    public static RouteGroupBuilder MapBlocksApi(this RouteGroupBuilder api)
    {
        api.MapPost("/conversations/{conversationId:guid}/block", Block).RequireAuthorization().WithTags("Blocks")
            .WithSummary("Blocks the chat's shopper (visitor and address) at its dealer and ends the chat.");
        var dealer = api.MapGroup("/dealers/{dealerId:guid}/blocks").RequireAuthorization().RequireDealerRight(reads: DealerRight.Manage).WithTags("Blocks");
        dealer.MapGet("/", List).WithSummary("The dealer's blocked shoppers (Managers of the dealer and Admins).");
        dealer.MapDelete("/{blockId:guid}", Lift).WithSummary("Lifts a block (Managers of the dealer and Admins).");
        return api;
    }

    /// <summary>Is this visitor, or this address, blocked at the dealer?</summary>
    public static Task<bool> IsBlockedAsync(this ShowroomDb db, Guid dealerId, Guid visitorId, string? ip, CancellationToken ct) =>
        db.VisitorBlocks.AnyAsync(b => b.DealerId == dealerId && b.LiftedAt == null && (b.VisitorId == visitorId || (ip != null && b.Ip == ip)), ct);

    static async Task<Results<Created<BlockDto>, ValidationProblem, NotFound, ForbidHttpResult>> Block(
        Guid conversationId, BlockRequest request, HttpContext http, ShowroomDb db, ConversationService conversations, TimeProvider clock,
        CancellationToken ct)
    {
        var chat = await db.Conversations.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == conversationId && db.VisibleDealers(http.User).Any(d => d.Id == c.DealerId), ct);
        if (chat is null)
        {
            return TypedResults.NotFound();
        }
        var me = http.User.AgentId();
        if (chat.AssignedAgentId != me && http.User.AgentRole() == AgentRole.Agent)
        {
            return TypedResults.Forbid();
        }
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [string.IsNullOrEmpty(reason) ? "required" : "too_long"] },
                title: "Please give a reason (at most 500 characters).");
        }
        var block = new VisitorBlock
        {
            DealerId = chat.DealerId,
            VisitorId = chat.VisitorId,
            Ip = chat.ShopperIp,
            Reason = reason,
            BlockedBy = me,
            BlockedAt = clock.GetUtcNow(),
        };
        db.VisitorBlocks.Add(block);
        await db.SaveChangesAsync(ct);
        await conversations.EndAsync(chat, ct);
        var name = await db.Users.Where(a => a.Id == me).Select(a => a.FirstName + " " + a.LastName).SingleAsync(ct);
        return TypedResults.Created($"/api/dealers/{chat.DealerId}/blocks", new BlockDto(block.Id, block.DealerId, chat.Id, chat.ShopperName, reason, name, block.BlockedAt));
    }

    static async Task<Ok<List<BlockDto>>> List(Guid dealerId, ShowroomDb db, CancellationToken ct)
    {
        var rows = await db.VisitorBlocks.AsNoTracking().Where(b => b.DealerId == dealerId && b.LiftedAt == null)
            .Select(b => new
            {
                Block = b,
                By = db.Users.Where(a => a.Id == b.BlockedBy).Select(a => a.FirstName + " " + a.LastName).FirstOrDefault(),
                Chat = db.Conversations.Where(c => c.DealerId == dealerId && c.VisitorId == b.VisitorId).OrderByDescending(c => c.CreatedAt)
                    .Select(c => new { c.Id, c.ShopperName }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return TypedResults.Ok(rows.OrderByDescending(r => r.Block.BlockedAt)
            .Select(r => new BlockDto(r.Block.Id, dealerId, r.Chat?.Id ?? Guid.Empty, r.Chat?.ShopperName, r.Block.Reason, r.By ?? "", r.Block.BlockedAt)).ToList());
    }

    static async Task<Results<NoContent, NotFound>> Lift(Guid dealerId, Guid blockId, HttpContext http, ShowroomDb db, Audit.AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var me = http.User.AgentId();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var lifted = await db.VisitorBlocks.Where(b => b.Id == blockId && b.DealerId == dealerId && b.LiftedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.LiftedAt, now).SetProperty(b => b.LiftedBy, me), ct);
        if (lifted == 0)
        {
            return TypedResults.NotFound();
        }
        var block = await db.VisitorBlocks.AsNoTracking().SingleAsync(b => b.Id == blockId, ct);
        await audit.RecordAsync(http.User, "block.lifted", dealerId, "block", blockId, null,
            new { block.VisitorId, block.Ip, block.Reason, block.BlockedAt }, new { LiftedAt = now }, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
