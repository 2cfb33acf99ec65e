using System.Text.Json;
using Showroom.Routing;

namespace Showroom.Notifications;

/// <summary>The "offer" push: what the console's service worker shows (<see cref="Title"/>, <see cref="Body"/>, opening <see cref="Url"/>).</summary>
public sealed record OfferPushDto(string Type, Guid OfferId, Guid ConversationId, OfferKind Kind, string Title, string Body, string Url);

/// <summary>The "offer-closed" push: the service worker closes the offer's notification.</summary>
public sealed record OfferClosedPushDto(string Type, Guid OfferId);

/// <summary>
/// Web Push for offers, called next to the hub's offerReceived/offerClosed. Only an enqueue happens here: whether the
/// agent has push on and any browser subscribed is read by the outbox, off routing's path. Offers only ever go to
/// agents whose status allows them, so neither does a push.
/// </summary>
public sealed class WebPushOffers(WebPushOutbox outbox, TimeProvider clock)
{
    public const string Offer = "offer";
    public const string Closed = "offer-closed";

    /// <summary>Long enough to close a notification that was shown just before the browser went offline.</summary>
    const int ClosedTtlSeconds = 600;

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public void OfferCreated(OfferDto offer, Guid agentId)
    {
        // Shopper-typed text (name, page title) goes into the encrypted JSON only, never into a header or a log.
        var shopper = string.IsNullOrWhiteSpace(offer.ShopperName) ? "Shopper" : offer.ShopperName.Trim();
        var title = offer.Kind == OfferKind.Transfer ? $"Transfer offer: {shopper}" : $"Chat offer: {shopper}";
        var body = string.Join(" · ", new[] { offer.DealerName, offer.Department.ToString(), VehicleOrPage(offer) }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var payload = new OfferPushDto(Offer, offer.Id, offer.ConversationId, offer.Kind, Clip(title, 120), Clip(body, 300), "/");
        // TTL: the offer's time left (at least 30 s): a push arriving after the offer is gone only misleads.
        var ttl = Math.Max(30, (int)Math.Ceiling((offer.Deadline - clock.GetUtcNow()).TotalSeconds));
        outbox.Enqueue(new WebPushMessage(agentId, JsonSerializer.SerializeToUtf8Bytes(payload, Json), ttl));
    }

    public void OfferClosed(Guid offerId, Guid agentId) =>
        outbox.Enqueue(new WebPushMessage(agentId, JsonSerializer.SerializeToUtf8Bytes(new OfferClosedPushDto(Closed, offerId), Json), ClosedTtlSeconds));

    static string? VehicleOrPage(OfferDto offer)
    {
        var vehicle = offer.Vehicle is { } v
            ? string.Join(" ", new[] { v.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), v.Make, v.Model }.Where(p => !string.IsNullOrWhiteSpace(p)))
            : "";
        return vehicle.Length > 0 ? vehicle : offer.PageTitle ?? offer.PageUrl;
    }

    /// <summary>Keeps the payload far below a push's 4 KB (never splitting a surrogate pair).</summary>
    static string Clip(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var cut = char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1;
        return text[..cut] + "…";
    }
}
