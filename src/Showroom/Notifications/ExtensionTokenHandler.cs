using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Showroom.Auth;
using Showroom.Data;
using Showroom.Realtime;

namespace Showroom.Notifications;

/// <summary>
/// Signs in a paired extension on the agent hub only: its token as a bearer header (negotiate) or the access_token
/// query (WebSockets cannot send headers from a browser). The principal carries the same claims as a console
/// cookie, with the device as its session, so every rule written for agents applies unchanged.
/// </summary>
public sealed class ExtensionTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ShowroomDb db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ExtensionToken";

    /// <summary>The agent hub's scheme: the extension's token when the request carries one, else the console's cookie.</summary>
    public const string HubScheme = "AgentHub";

    public static string? TokenOf(HttpRequest request)
    {
        if (!request.Path.StartsWithSegments(AgentHub.Path))
        {
            return null;
        }
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }
        return request.Query["access_token"].ToString() is { Length: > 0 } query ? query : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = TokenOf(Request);
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }
        if (!ExtensionTokens.TryParse(token, out var deviceId, out var secretHash))
        {
            return AuthenticateResult.Fail("Malformed extension token.");
        }
        var found = await db.ExtensionDevices.AsNoTracking()
            .Where(d => d.Id == deviceId && d.RevokedAt == null)
            .Join(db.Users.Where(a => a.IsActive), d => d.AgentId, a => a.Id, (d, a) => new { Device = d, Agent = a })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null || found.Agent.SecurityStamp != found.Device.AgentStamp
            || !CryptographicOperations.FixedTimeEquals(found.Device.SecretHash, secretHash))
        {
            return AuthenticateResult.Fail("The extension token is not valid.");
        }
        var agent = found.Agent;
        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, AgentClaims.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, agent.Id.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.Name, agent.Email ?? agent.DisplayName));
        identity.AddClaim(new Claim(AgentClaims.Role, agent.Role.ToString()));
        identity.AddClaim(new Claim(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType, found.Device.AgentStamp));
        identity.AddClaim(new Claim(AgentClaims.Session, ExtensionTokens.SessionId(deviceId)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
