using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;

namespace Showroom.Tests.Infrastructure;

/// <summary>
/// One browser's view of Showroom: a cookie jar, the antiforgery token the console would send, and
/// real SignalR connections that carry the same cookies.
/// </summary>
public sealed class AgentSession(Uri baseAddress) : IAsyncDisposable
{
    readonly List<HubConnection> _hubs = [];
    string? _antiforgeryToken;

    public CookieContainer Cookies { get; } = new();
    public Uri BaseAddress { get; } = baseAddress;

    /// <summary>
    /// The same browser talking to another address (another node behind a load balancer, or the server
    /// after a restart): a new session carrying this one's cookies.
    /// </summary>
    public AgentSession SameBrowserAt(Uri other)
    {
        var session = new AgentSession(other);
        foreach (Cookie cookie in Cookies.GetAllCookies())
        {
            session.Cookies.Add(other, new Cookie(cookie.Name, cookie.Value));
        }
        return session;
    }

    public HttpClient Http => field ??= new HttpClient(new HttpClientHandler { CookieContainer = Cookies }) { BaseAddress = BaseAddress };

    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await SendAsync(HttpMethod.Post, "/api/auth/signin", new { email, password });

    public async Task<HttpResponseMessage> SignOutAsync() => await SendAsync(HttpMethod.Post, "/api/auth/signout");

    /// <summary>Sends a request as the console does: JSON body and the antiforgery header on writes.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        if (method != HttpMethod.Get)
        {
            request.Headers.Add("X-XSRF-TOKEN", await AntiforgeryTokenAsync());
        }
        var response = await Http.SendAsync(request);
        if (path.StartsWith("/api/auth/", StringComparison.Ordinal))
        {
            // The token is bound to the signed-in user: fetch a new one, as the console does.
            _antiforgeryToken = null;
        }
        return response;
    }

    public async Task<T> GetJsonAsync<T>(string path) =>
        (await Http.GetFromJsonAsync<T>(path)) ?? throw new InvalidOperationException($"{path} returned null");

    async Task<string> AntiforgeryTokenAsync()
    {
        if (_antiforgeryToken is null)
        {
            var response = await Http.GetFromJsonAsync<TokenResponse>("/api/antiforgery");
            _antiforgeryToken = response!.Token;
        }
        return _antiforgeryToken;
    }

    sealed record TokenResponse(string Token);

    /// <summary>A real WebSocket connection to the agent hub with this session's cookies.</summary>
    public HubConnection AgentHub(Action<HttpConnectionOptions>? configure = null)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "/hubs/agent"), options =>
            {
                options.Cookies = Cookies;
                options.Transports = HttpTransportType.WebSockets;
                configure?.Invoke(options);
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
        Http.Dispose();
    }
}
