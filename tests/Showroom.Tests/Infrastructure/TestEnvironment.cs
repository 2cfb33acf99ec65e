using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Showroom.Tests.Infrastructure;

/// <summary>Where the services the test script started are, and where the repository is.</summary>
public static class TestEnvironment
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>PostgreSQL started by ./test.sh; these tests cannot run without it.</summary>
    public static string PostgresConnectionString => Required("SHOWROOM_TEST_POSTGRES", "PostgreSQL");

    /// <summary>Redis started by ./test.sh ("host:port").</summary>
    public static string RedisConnection => Required("SHOWROOM_TEST_REDIS", "Redis");

    public static string SmtpPython => Environment.GetEnvironmentVariable("SHOWROOM_TEST_SMTP_PYTHON") ?? "/usr/bin/python3";

    public static string SmtpSinkScript => Environment.GetEnvironmentVariable("SHOWROOM_TEST_SMTP_SINK")
        ?? Path.Combine(RepositoryRoot, "tests", "smtp_sink.py");

    /// <summary>The server's own build output, for tests that run it as a child process.</summary>
    public static string ServerAssembly
    {
        get
        {
            var configuration = typeof(TestEnvironment).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var path = Path.Combine(RepositoryRoot, "src", "Showroom", "bin", configuration, "net10.0", "Showroom.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build the server first: {path} is missing.");
        }
    }

    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static string Required(string variable, string what) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: run the tests with ./test.sh, which starts {what}.");

    static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Showroom.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Showroom.slnx not found above the test folder.");
    }
}
