using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Showroom.Tests.Infrastructure;

/// <summary>
/// The real Showroom server, in this process, on real Kestrel on a free loopback port (so SignalR gets
/// real WebSockets), with its own data folder. Demo data is seeded unless a test says otherwise.
/// </summary>
public sealed class ShowroomApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    readonly Dictionary<string, string?> _settings;
    readonly Action<IServiceCollection>? _services;

    public ShowroomApp()
        : this(null)
    {
    }

    /// <summary>
    /// A server with extra settings (and a fake clock); the parameterless one serves as a class fixture.
    /// <paramref name="services"/> changes the server's services after its own (say, to trust a test's certificate).
    /// </summary>
    public static ShowroomApp Create(IDictionary<string, string?>? settings, FakeTimeProvider? clock = null, Action<IServiceCollection>? services = null) =>
        new(settings, clock, services);

    ShowroomApp(IDictionary<string, string?>? settings, FakeTimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        DataDirectory = Directory.CreateTempSubdirectory("showroom-test-").FullName;
        Clock = clock;
        _settings = new Dictionary<string, string?>
        {
            ["Showroom:DataDirectory"] = DataDirectory,
            ["Showroom:SeedDemoData"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
        UseKestrel(0);
    }

    public string DataDirectory { get; }

    /// <summary>When set, the server's TimeProvider: tests move time instead of sleeping.</summary>
    public FakeTimeProvider? Clock { get; }

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://localhost", "://127.0.0.1", StringComparison.Ordinal));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (Clock is not null)
        {
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        }
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    /// <summary>A signed-out browser-like client of this server.</summary>
    public AgentSession NewSession() => new(BaseAddress);

    /// <summary>A client signed in as the given agent (demo password by default).</summary>
    public async Task<AgentSession> SignInAsync(string email, string password = Demo.DemoData.Password)
    {
        var session = NewSession();
        using var response = await session.SignInAsync(email, password);
        response.EnsureSuccessStatusCode();
        return session;
    }

    /// <summary>
    /// Lets the dealer's widget be embedded on <paramref name="origin"/> (its only website) and returns the
    /// dealer's widget key, as a shopper's page would carry it.
    /// </summary>
    public async Task<string> EmbedWidgetAtAsync(string dealerName, string origin)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Showroom.Data.ShowroomDb>();
        var dealer = await db.Dealers.SingleAsync(d => d.Name == dealerName);
        dealer.WebsiteOrigins = [origin];
        await db.SaveChangesAsync();
        return dealer.WidgetKey;
    }

    public Task InitializeAsync()
    {
        StartServer();
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        TryDelete(DataDirectory);
    }

    static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finishing background task; the OS temp cleaner will take it.
        }
    }
}
