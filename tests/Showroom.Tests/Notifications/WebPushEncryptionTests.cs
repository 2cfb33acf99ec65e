using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Showroom.Configuration;
using Showroom.Notifications;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Notifications;

/// <summary>
/// Web Push's pure parts: the encryption against RFC 8291's worked example and the test's own browser-side
/// decryption, and the allow-list of push services.
/// </summary>
public sealed class WebPushEncryptionTests
{
    [Fact]
    public void Encryption_matches_the_RFC_8291_example_byte_for_byte_and_the_browser_side_reads_it()
    {
        // RFC 8291 section 5 (and Appendix A): fixed keys and salt.
        var plaintext = "When I grow up, I want to be a watermelon"u8.ToArray();
        var expected = Base64Url.DecodeFromChars(
            "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27ml" +
            "mlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPT" +
            "pK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN");
        using var browser = new PushBrowser(
            Key("q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94", "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"),
            Base64Url.DecodeFromChars("BTBZMqHH6r4Tts7J_aSIgg"));
        using var server = Key("yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw", "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8");

        var encrypted = WebPushEncryption.Encrypt(plaintext, browser.PublicKey, browser.Auth, server, Base64Url.DecodeFromChars("DGv6ra1nlYgDCS1FRnbzlw"));

        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(encrypted));
        Assert.Equal(plaintext, browser.Decrypt(expected));
    }

    [Fact]
    public void A_fresh_encryption_reads_back_on_the_browser_side_and_a_changed_byte_does_not()
    {
        using var browser = new PushBrowser();
        var message = Encoding.UTF8.GetBytes("""{"type":"offer","title":"Chat offer: Zoë 🚗"}""");

        var once = WebPushEncryption.Encrypt(message, browser.PublicKey, browser.Auth);
        var twice = WebPushEncryption.Encrypt(message, browser.PublicKey, browser.Auth);
        var tampered = once.ToArray();
        tampered[^1] ^= 1;

        Assert.Equal(message, browser.Decrypt(once));
        Assert.NotEqual(once[..16], twice[..16]);
        Assert.ThrowsAny<CryptographicException>(() => browser.Decrypt(tampered));
        Assert.Throws<ArgumentException>(() => WebPushEncryption.Encrypt(new byte[WebPushEncryption.MaxPlaintext + 1], browser.PublicKey, browser.Auth));
    }

    [Fact]
    public void The_allow_list_takes_https_origins_with_wildcard_subdomains_and_refuses_http_at_start()
    {
        var list = WebPushAllowList.Parse(WebPushOptions.DefaultServices.Append("https://push.example.com:8443"));

        Assert.True(list.Allows(new Uri("https://fcm.googleapis.com/fcm/send/abc")));
        Assert.True(list.Allows(new Uri("https://wns2-par02p.notify.windows.com/w/?token=abc")));
        Assert.True(list.Allows(new Uri("https://push.example.com:8443/x")));
        Assert.False(list.Allows(new Uri("https://notify.windows.com/w")));
        Assert.False(list.Allows(new Uri("https://evilnotify.windows.com/w")));
        Assert.False(list.Allows(new Uri("https://fcm.googleapis.com.attacker.example/x")));
        Assert.False(list.Allows(new Uri("https://fcm.googleapis.com:8443/x")));
        Assert.False(list.Allows(new Uri("https://push.example.com/x")));
        Assert.False(list.Allows(new Uri("http://fcm.googleapis.com/fcm/send/abc")));
        Assert.False(list.Allows(new Uri("https://user@fcm.googleapis.com/fcm/send/abc")));

        var refused = Assert.Throws<StartupException>(() => WebPushAllowList.Parse(["http://127.0.0.1:8080"]));
        Assert.Contains("Push:AllowedServices", refused.Message, StringComparison.Ordinal);
        Assert.Throws<StartupException>(() => WebPushAllowList.Parse(["https://push.example.com/some/path"]));
    }

    [Theory]
    [InlineData("Push:AllowedServices:0", "http://push.example.com", "Push:AllowedServices")]
    [InlineData("Push:AllowedServices:0", "push.example.com", "Push:AllowedServices")]
    [InlineData("Push:Subject", "admin@example.com", "Push:Subject")]
    [InlineData("Push:Subject", "http://example.com", "Push:Subject")]
    public void A_push_setting_that_cannot_work_stops_the_start_naming_it(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var refused = Assert.Throws<StartupException>(() => new ServiceCollection().AddShowroomWebPush(configuration));

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    static ECDiffieHellman Key(string privateKey, string publicKey)
    {
        var point = Base64Url.DecodeFromChars(publicKey);
        return ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            D = Base64Url.DecodeFromChars(privateKey),
            Q = new ECPoint { X = point[1..33], Y = point[33..] },
        });
    }
}
