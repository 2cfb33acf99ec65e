using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Showroom.Agents;
using Showroom.Auth;
using Showroom.Data;

namespace Showroom.Dealers;

/// <summary>What the caller may do with one dealer, from least to most.</summary>
public enum DealerRight
{
    /// <summary>Not visible: answer 404.</summary>
    None,

    /// <summary>An agent of the dealer: may see it.</summary>
    View,

    /// <summary>A Manager of the dealer: may change its settings and people.</summary>
    Manage,

    /// <summary>An Admin: may also create dealers and change their identity (name, group, zone, origins).</summary>
    Administer,
}

/// <summary>
/// The one answer to "which dealers may this agent see?". Every dealer-owned query starts here, so a
/// guessed id of another dealer finds nothing and the endpoint answers 404.
/// </summary>
public static class TenantAccess
{
    public static IQueryable<Dealer> VisibleDealers(this ShowroomDb db, ClaimsPrincipal user)
    {
        if (user.IsAdmin())
        {
            return db.Dealers;
        }
        var agentId = user.AgentId();
        return db.Dealers.Where(d => db.DealerMemberships.Any(m => m.AgentId == agentId && m.DealerId == d.Id));
    }

    public static async Task<DealerRight> DealerRightAsync(this ShowroomDb db, ClaimsPrincipal user, Guid dealerId, CancellationToken ct)
    {
        if (!await db.VisibleDealers(user).AnyAsync(d => d.Id == dealerId, ct))
        {
            return DealerRight.None;
        }
        return user.AgentRole() switch
        {
            AgentRole.Admin => DealerRight.Administer,
            AgentRole.Manager => DealerRight.Manage,
            _ => DealerRight.View,
        };
    }

    /// <summary>404 for a dealer the caller cannot see, 403 when they see it without the <paramref name="needed"/> right, else null.</summary>
    public static IResult? RefusalFor(this DealerRight right, DealerRight needed) =>
        right == DealerRight.None ? TypedResults.NotFound()
        : right < needed ? TypedResults.Forbid()
        : null;

    /// <summary>
    /// For routes with {dealerId}: reads need <paramref name="reads"/>, writes <paramref name="writes"/>;
    /// the caller gets 404 for a dealer they cannot see and 403 for one they only see.
    /// </summary>
    public static TBuilder RequireDealerRight<TBuilder>(this TBuilder builder, DealerRight reads = DealerRight.View, DealerRight writes = DealerRight.Manage)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!Guid.TryParse(http.Request.RouteValues["dealerId"]?.ToString(), out var dealerId))
            {
                return TypedResults.NotFound();
            }
            var db = http.RequestServices.GetRequiredService<ShowroomDb>();
            var right = await db.DealerRightAsync(http.User, dealerId, http.RequestAborted);
            var needed = HttpMethods.IsGet(http.Request.Method) ? reads : writes;
            return right.RefusalFor(needed) ?? await next(context);
        });
        return builder;
    }
}
