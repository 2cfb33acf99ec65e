using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Showroom.Tests.Infrastructure;

/// <summary>A shopper's widget on a dealer's page: the page's Origin, a visitor token, a real shopper hub connection.</summary>
public sealed class ShopperSession(Uri server, string widgetKey, string origin) : IAsyncDisposable
{
    readonly List<HubConnection> _hubs = [];
    readonly HttpClient _http = new() { BaseAddress = server };

    public string? VisitorToken { get; set; }

    /// <summary>The body of the last successful session call.</summary>
    public JsonElement? LastSession { get; private set; }

    public async Task<HttpResponseMessage> StartSessionAsync(string? fromOrigin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/widget/{widgetKey}/session")
        {
            Content = JsonContent.Create(new { visitorToken = VisitorToken }),
        };
        request.Headers.Add("Origin", fromOrigin ?? origin);
        var response = await _http.SendAsync(request);
        if (response.IsSuccessStatusCode)
        {
            LastSession = await response.Content.ReadFromJsonAsync<JsonElement>();
            VisitorToken = LastSession.Value.GetProperty("visitorToken").GetString();
        }
        return response;
    }

    public HubConnection Hub(string? fromOrigin = null)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/shopper"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult(VisitorToken);
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.Headers["Origin"] = fromOrigin ?? origin;
            })
            .Build();
        _hubs.Add(hub);
        return hub;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hub in _hubs)
        {
            await hub.DisposeAsync();
        }
        _http.Dispose();
    }
}
