using System.Security.Claims;
using Showroom.Auth;
using Showroom.Data;

namespace Showroom.Dealers;

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
}
