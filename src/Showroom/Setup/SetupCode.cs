using System.Security.Cryptography;
using System.Text;

namespace Showroom.Setup;

/// <summary>
/// The one-time code printed at start while no agent exists: whoever opens /setup must also see the server's
/// output, so a stranger who finds a fresh server first cannot make themselves its Admin. It lives in this
/// process only and changes at every start.
/// </summary>
public sealed class SetupCode
{
    const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public string Value { get; } = $"{Random(4)}-{Random(4)}";

    public bool Matches(string? typed)
    {
        var clean = new string((typed ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        var expected = Value.Replace("-", "", StringComparison.Ordinal);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(clean), Encoding.ASCII.GetBytes(expected));
    }

    static string Random(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
