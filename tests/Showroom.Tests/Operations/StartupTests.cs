using System.Net;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Operations;

/// <summary>The server as a real child process: what an operator sees when starting it.</summary>
public sealed class StartupTests : IDisposable
{
    readonly string _workingDirectory = Directory.CreateTempSubdirectory("showroom-start-").FullName;

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);

    [Fact]
    public async Task Starts_with_no_configuration_at_all()
    {
        await using var server = ServerProcess.Start(_workingDirectory);

        await server.WaitUntilReadyAsync();

        Assert.True(File.Exists(Path.Combine(_workingDirectory, "data", "showroom.db")), "SQLite file in ./data of the working directory");
        Assert.Contains("Showroom is running.", server.Output, StringComparison.Ordinal);
        // Production is the default environment: no demo data, so no demo sign-ins are printed.
        Assert.DoesNotContain("Demo sign-ins", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_prints_the_console_url_and_demo_sign_ins()
    {
        await using var server = ServerProcess.Start(_workingDirectory, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" });

        await server.WaitUntilReadyAsync();

        await Eventually.TrueAsync(() => server.Output.Contains("sam@example.com", StringComparison.Ordinal), "demo sign-ins printed");
        Assert.Contains($"Agent console:     {server.BaseAddress!.ToString().TrimEnd('/')}/", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_never_seeds_demo_data_even_when_asked()
    {
        await using var server = ServerProcess.Start(_workingDirectory, new Dictionary<string, string> { ["Showroom__SeedDemoData"] = "true" });
        await server.WaitUntilReadyAsync();

        await using var session = new AgentSession(server.BaseAddress!);
        using var response = await session.SignInAsync("sam@example.com", Demo.DemoData.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Http.GetAsync("/api/demo/site")).StatusCode);
    }

    [Theory]
    [InlineData("Database__Provider", "Oracle", "Database:Provider")]
    [InlineData("Showroom__DataDirectory", "/proc/showroom-cannot-write-here", "Showroom:DataDirectory")]
    [InlineData("Showroom__TrustedProxies__0", "not-an-address", "Showroom:TrustedProxies")]
    [InlineData("Smtp__Host", "localhost", "Smtp:Security", "Smtp__Security", "Carrier-pigeon")]
    [InlineData("Smtp__Host", "localhost", "Smtp", "Smtp__Port", "abc")]
    [InlineData("Presence__GracePeriod", "abc", "Presence")]
    [InlineData("Presence__SweepInterval", "00:00:00", "Presence:SweepInterval")]
    [InlineData("Presence__LeaseDuration", "00:00:01", "Presence:LeaseDuration")]
    [InlineData("Showroom__PublicUrl", "notaurl", "Showroom:PublicUrl")]
    [InlineData("Redis__Connection", "127.0.0.1:1,connectTimeout=2000", "Redis:Connection")]
    public async Task Bad_configuration_stops_with_one_line_naming_the_setting(string key, string value, string setting, string? key2 = null, string? value2 = null)
    {
        var environment = new Dictionary<string, string> { [key] = value };
        if (key2 is not null)
        {
            environment[key2] = value2!;
        }
        await using var server = ServerProcess.Start(_workingDirectory, environment);

        var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        var lines = server.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("Showroom cannot start:", line, StringComparison.Ordinal);
        Assert.Contains(setting, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_postgres_stops_with_one_line_naming_the_setting()
    {
        var closedPort = TestEnvironment.FreeTcpPort();
        await using var server = ServerProcess.Start(_workingDirectory, new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = $"Host=127.0.0.1;Port={closedPort};Username=postgres;Timeout=3",
        });

        var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(server.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Database:ConnectionString", line, StringComparison.Ordinal);
    }
}
