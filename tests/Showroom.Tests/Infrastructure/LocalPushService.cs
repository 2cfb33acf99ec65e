using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Showroom.Tests.Infrastructure;

/// <summary>One push as the push service received it.</summary>
public sealed record ReceivedPush(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// A push service on loopback, run by the test: https with a self-signed certificate made here, recording every
/// request and answering 201 Created, or 410 Gone for the endpoints the test marks gone. Showroom trusts exactly this
/// certificate (<see cref="Trust"/>), never any other.
/// </summary>
public sealed class LocalPushService : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly X509Certificate2 _certificate;

    LocalPushService(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        _certificate = certificate;
    }

    public ConcurrentQueue<ReceivedPush> Received { get; } = new();

    /// <summary>Paths that answer 410 Gone.</summary>
    public ConcurrentDictionary<string, bool> Gone { get; } = new();

    /// <summary>"https://127.0.0.1:port": what Push:AllowedServices lists.</summary>
    public string Origin { get; private set; } = "";

    public string Endpoint(string name) => $"{Origin}/push/{name}";

    public IEnumerable<ReceivedPush> To(string name) => Received.Where(p => p.Path == $"/push/{name}");

    public static async Task<LocalPushService> StartAsync()
    {
        var certificate = MakeCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var service = new LocalPushService(app, certificate);
        app.MapPost("/push/{name}", async (string name, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            service.Received.Enqueue(new ReceivedPush(request.Path, headers, body.ToArray()));
            return service.Gone.ContainsKey(name) ? Results.StatusCode(StatusCodes.Status410Gone) : Results.StatusCode(StatusCodes.Status201Created);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        service.Origin = $"https://127.0.0.1:{new Uri(address).Port}";
        return service;
    }

    /// <summary>Makes Showroom's "webpush" client accept this service's certificate, and only it (compared by SHA-256 thumbprint).</summary>
    public void Trust(IServiceCollection services)
    {
        var thumbprint = _certificate.GetCertHashString(HashAlgorithmName.SHA256);
        services.AddHttpClient(Showroom.Notifications.WebPushSender.ClientName).ConfigurePrimaryHttpMessageHandler((handler, _) =>
            ((SocketsHttpHandler)handler).SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && presented.GetCertHashString(HashAlgorithmName.SHA256) == thumbprint);
    }

    static X509Certificate2 MakeCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var made = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        // Through PKCS#12, so the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _certificate.Dispose();
    }
}
