using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Showroom.Conversations;

/// <summary>A shopper's identity: a random visitor id, bound to one dealer, signed by the server.</summary>
public sealed record Visitor(Guid DealerId, Guid VisitorId);

/// <summary>
/// Signs and reads visitor tokens (Data Protection, keys in the database, so every node reads every
/// token). A token of one dealer is worthless at another: every use checks the dealer it names.
/// </summary>
public sealed class VisitorTokens(IDataProtectionProvider protection)
{
    public const string DealerClaim = "showroom:visitor-dealer";
    public const string VisitorClaim = "showroom:visitor";

    readonly IDataProtector _protector = protection.CreateProtector("Showroom.Widget.Visitor.v1");

    public string Issue(Visitor visitor) => _protector.Protect(JsonSerializer.Serialize(visitor));

    public Visitor? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<Visitor>(_protector.Unprotect(token));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    public static ClaimsPrincipal Principal(Visitor visitor) => new(new ClaimsIdentity(
        [new Claim(DealerClaim, visitor.DealerId.ToString()), new Claim(VisitorClaim, visitor.VisitorId.ToString())], authenticationType: "Visitor"));

    public static Visitor? FromPrincipal(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(DealerClaim), out var dealer) && Guid.TryParse(user?.FindFirstValue(VisitorClaim), out var visitor)
            ? new Visitor(dealer, visitor)
            : null;
}

public static class WidgetOrigins
{
    /// <summary>True when <paramref name="origin"/> (scheme://host[:port]) is one of the dealer's website origins.</summary>
    public static bool IsAllowed(IEnumerable<string> allowed, string? origin) =>
        !string.IsNullOrEmpty(origin) && allowed.Any(a => string.Equals(a.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
}
