using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Showroom.Notifications;

public enum WebPushOutcome
{
    Delivered,

    /// <summary>The push service no longer knows the subscription (404/410): it is dropped.</summary>
    Gone,
    Failed,
}

/// <summary>
/// Posts one encrypted push to one subscription (RFC 8030) with its VAPID header. An endpoint is a capability URL:
/// only its host is ever logged, never its path, nor the keys. A failure is logged and left (no retry loop): an
/// offer is worth something for seconds, and the Chat Screen and the extension tell the agent too.
/// </summary>
public sealed class WebPushSender(IHttpClientFactory clients, VapidTokens vapid, WebPushAllowList allowed, ILogger<WebPushSender> log)
{
    /// <summary>The named HttpClient: no redirects, a short timeout, no request logging (it would log the URL).</summary>
    public const string ClientName = "webpush";

    public async Task<WebPushOutcome> SendAsync(WebPushSubscription subscription, ReadOnlyMemory<byte> payload, int ttlSeconds, CancellationToken ct)
    {
        var endpoint = new Uri(subscription.Endpoint);
        if (!allowed.Allows(endpoint))
        {
            // Push:AllowedServices changed since the browser subscribed.
            log.LogWarning("Web Push to {Host} skipped: the service is no longer on Push:AllowedServices.", endpoint.Host);
            return WebPushOutcome.Failed;
        }
        byte[] body;
        try
        {
            body = WebPushEncryption.Encrypt(payload.Span, Base64Url.DecodeFromChars(subscription.P256dh), Base64Url.DecodeFromChars(subscription.Auth));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            log.LogWarning("Web Push to {Host}: the subscription's keys are not usable; it is dropped.", endpoint.Host);
            return WebPushOutcome.Gone;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Content.Headers.ContentEncoding.Add("aes128gcm");
        request.Headers.Add("TTL", ttlSeconds.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("Urgency", "high");
        request.Headers.TryAddWithoutValidation("Authorization", await vapid.AuthorizationAsync(endpoint, ct));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.IsSuccessStatusCode)
            {
                return WebPushOutcome.Delivered;
            }
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                log.LogInformation("Web Push to {Host}: the subscription has expired ({Status}); it is dropped.", endpoint.Host, (int)response.StatusCode);
                return WebPushOutcome.Gone;
            }
            log.LogWarning("Web Push to {Host} was refused with {Status}.", endpoint.Host, (int)response.StatusCode);
            return WebPushOutcome.Failed;
        }
        catch (HttpRequestException e)
        {
            log.LogWarning("Web Push to {Host} failed: {Error}.", endpoint.Host, e.HttpRequestError);
            return WebPushOutcome.Failed;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            log.LogWarning("Web Push to {Host} timed out.", endpoint.Host);
            return WebPushOutcome.Failed;
        }
    }
}
