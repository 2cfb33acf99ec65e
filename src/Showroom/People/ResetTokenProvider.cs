using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Showroom.Agents;

namespace Showroom.People;

/// <summary>
/// Identity's data-protection token, made with the injected clock (Identity's own provider reads the system
/// clock, so expiry could not be tested). The token carries its creation time, the agent, the purpose and the
/// agent's security stamp: resetting the password renews the stamp, so a token works once.
/// </summary>
public sealed class ResetTokenProvider(IDataProtectionProvider protection, TimeProvider clock, IOptions<PeopleOptions> options)
    : IUserTwoFactorTokenProvider<Agent>
{
    public const string Name = "ShowroomReset";

    readonly IDataProtector _protector = protection.CreateProtector("Showroom.PasswordReset");

    public async Task<string> GenerateAsync(string purpose, UserManager<Agent> manager, Agent user)
    {
        var payload = Payload(clock.GetUtcNow().UtcTicks, user.Id, purpose, await manager.GetSecurityStampAsync(user));
        return WebEncoders.Base64UrlEncode(_protector.Protect(payload));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<Agent> manager, Agent user)
    {
        byte[] payload;
        try
        {
            payload = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
        if (payload.Length < 8)
        {
            return false;
        }
        var created = new DateTimeOffset(BinaryPrimitives.ReadInt64BigEndian(payload), TimeSpan.Zero);
        if (clock.GetUtcNow() >= created + options.Value.ResetValidFor)
        {
            return false;
        }
        var expected = Payload(created.UtcTicks, user.Id, purpose, await manager.GetSecurityStampAsync(user));
        return CryptographicOperations.FixedTimeEquals(payload, expected);
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<Agent> manager, Agent user) => Task.FromResult(false);

    static byte[] Payload(long ticks, Guid agentId, string purpose, string? stamp)
    {
        var text = Encoding.UTF8.GetBytes($"{agentId:N}|{purpose}|{stamp}");
        var payload = new byte[8 + text.Length];
        BinaryPrimitives.WriteInt64BigEndian(payload, ticks);
        text.CopyTo(payload, 8);
        return payload;
    }
}
