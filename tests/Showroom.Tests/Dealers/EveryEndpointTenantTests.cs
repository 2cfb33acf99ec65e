using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Dealers;

/// <summary>
/// Walks every HTTP endpoint the server maps. Any route with a {dealerId} must answer another dealer's
/// id with 404, and every /api endpoint but sign-in and the token must refuse anonymous callers.
/// New endpoints are covered without editing this test.
/// </summary>
public sealed class EveryEndpointTenantTests(ShowroomApp app) : IClassFixture<ShowroomApp>
{
    // Sign-in, its token, and the widget's session (shoppers are anonymous; it checks the page's origin instead).
    static readonly HashSet<string> Anonymous = ["/api/antiforgery", "/api/auth/signin", "/api/widget/{widgetKey}/session", "/api/widget/{widgetKey}/config", "/api/widget/{widgetKey}/leads", "/api/demo/site",
        "/api/setup/", "/api/invitations/{token}", "/api/invitations/{token}/accept", "/api/password-reset/", "/api/password-reset/request"];

    List<(string Method, string Pattern)> ApiEndpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true
                && !e.RoutePattern.RawText.Contains("{**", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (method, e.RoutePattern.RawText!)))
            .ToList();

    [Fact]
    public async Task Every_dealer_and_agent_route_answers_another_dealers_ids_with_404()
    {
        await using var admin = await app.SignInAsync("admin@example.com");
        var lakeside = (await admin.GetJsonAsync<JsonElement>("/api/dealers")).EnumerateArray()
            .Single(d => d.GetProperty("name").GetString() == "Example Motors Lakeside").GetProperty("id").GetString()!;
        await using var chris = await app.SignInAsync("chris@example.com");
        var lakesideAgent = (await chris.GetJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString()!;
        await using var sam = await app.SignInAsync("sam@example.com");

        var tenantRoutes = ApiEndpoints().Where(e => e.Pattern.Contains("{dealerId", StringComparison.Ordinal) || e.Pattern.Contains("{agentId", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(tenantRoutes);
        foreach (var (method, pattern) in tenantRoutes)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(
                pattern.Replace("{dealerId:guid}", lakeside, StringComparison.Ordinal).Replace("{agentId:guid}", lakesideAgent, StringComparison.Ordinal),
                "{[^}]+}", Guid.NewGuid().ToString());
            using var response = await sam.SendAsync(new HttpMethod(method), path, method == "GET" ? null : new { });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {pattern} answered {(int)response.StatusCode} for another dealer");
        }
    }

    [Fact]
    public async Task Every_api_endpoint_but_sign_in_and_the_widget_refuses_anonymous_callers()
    {
        await using var anonymous = app.NewSession();

        foreach (var (method, pattern) in ApiEndpoints().Where(e => !Anonymous.Contains(e.Pattern)))
        {
            var path = System.Text.RegularExpressions.Regex.Replace(pattern, "{[^}]+}", Guid.NewGuid().ToString());
            using var response = await anonymous.SendAsync(new HttpMethod(method), path, method == "GET" ? null : new { });
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {pattern} answered {(int)response.StatusCode} to an anonymous caller");
        }
    }
}
