using System.Net;
using System.Text.Json;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Operations;

public sealed class OperationsTests(ShowroomApp app) : IClassFixture<ShowroomApp>
{
    [Fact]
    public async Task Health_endpoints_answer_without_signing_in()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        using var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_turns_unhealthy_when_the_database_is_gone()
    {
        await using var broken = ShowroomApp.Create(new Dictionary<string, string?>());
        using var http = new HttpClient { BaseAddress = broken.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);

        // Make the data folder unusable: the database file becomes a directory. The server's sweeps keep running and
        // may open (so create) the file again between the delete and the directory: then it is tried again.
        for (var attempt = 1; ; attempt++)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(broken.DataDirectory, "showroom.db*"))
            {
                File.Delete(file);
            }
            try
            {
                Directory.CreateDirectory(Path.Combine(broken.DataDirectory, "showroom.db"));
                break;
            }
            catch (IOException) when (attempt < 50)
            {
                await Task.Delay(20);
            }
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_http_api()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json")).RootElement;

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/auth/signin", out _));
        Assert.True(paths.TryGetProperty("/api/dealers/{dealerId}", out _));
    }

    [Fact]
    public async Task Unknown_api_paths_and_missing_files_are_404_not_the_console_page()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/no-such-thing")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/app/widget/no-such-file.js")).StatusCode);
    }

    [Fact]
    public async Task The_demo_dealer_site_is_served_at_its_folder_address()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        var page = await http.GetStringAsync("/app/demo/");

        Assert.Contains("Example Motors", page, StringComparison.Ordinal);
        Assert.DoesNotContain("console.js", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_survives_a_restart_because_keys_are_in_the_database()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("showroom-restart-").FullName;
        var settings = new Dictionary<string, string?> { ["Showroom:DataDirectory"] = dataDirectory };
        AgentSession session;
        await using (var first = ShowroomApp.Create(settings))
        {
            session = await first.SignInAsync("sam@example.com");
        }
        await using var second = ShowroomApp.Create(settings);
        // The same browser after the restart (the new server listens on another port).
        await using var moved = session.SameBrowserAt(second.BaseAddress);

        Assert.Equal(HttpStatusCode.OK, (await moved.Http.GetAsync("/api/me")).StatusCode);
        await session.DisposeAsync();
    }
}
