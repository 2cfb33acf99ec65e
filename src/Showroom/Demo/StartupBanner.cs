using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Showroom.Configuration;

namespace Showroom.Demo;

/// <summary>Once the server listens, prints where to open the console and, with demo data, how to sign in.</summary>
public static class StartupBanner
{
    public static void PrintWhenStarted(WebApplication app)
    {
        // The test suites host many servers in one process; their banners would only bury the results.
        if (app.Environment.IsEnvironment("Testing"))
        {
            return;
        }
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var baseUrl = BaseUrl(app);
            var lines = new List<string> { "", "Showroom is running.", $"  Agent console:     {baseUrl}/" };
            if (DemoData.IsEnabled(app.Services))
            {
                lines.Add($"  Demo dealer site:  {baseUrl}{DemoApi.SitePath}  (try Showroom as a shopper)");
                lines.Add($"  Demo sign-ins (password {DemoData.Password}):");
                lines.AddRange(DemoData.Agents.Select(a => $"    {a.Email,-22} {a.Role}"));
            }
            lines.Add("");
            Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
        });
    }

    public static string BaseUrl(WebApplication app)
    {
        var configured = app.Services.GetRequiredService<IOptions<ShowroomOptions>>().Value.PublicUrl;
        if (configured is not null)
        {
            return configured.ToString().TrimEnd('/');
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            .OrderBy(a => a.StartsWith("https", StringComparison.Ordinal) ? 1 : 0)
            .FirstOrDefault() ?? "http://localhost:5080";
        return address.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .TrimEnd('/');
    }
}
