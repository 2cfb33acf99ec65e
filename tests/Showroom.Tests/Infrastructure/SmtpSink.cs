using System.Diagnostics;

namespace Showroom.Tests.Infrastructure;

/// <summary>A real SMTP server on loopback (Debian's aiosmtpd) that stores what it receives as .eml files.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    readonly Process _process;

    SmtpSink(Process process, int port, string directory)
    {
        _process = process;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }
    public string Directory { get; }

    public static async Task<SmtpSink> StartAsync(bool requireAuth = false)
    {
        var port = TestEnvironment.FreeTcpPort();
        var directory = System.IO.Directory.CreateTempSubdirectory("showroom-smtp-").FullName;
        var info = new ProcessStartInfo(TestEnvironment.SmtpPython)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { TestEnvironment.SmtpSinkScript, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", directory })
        {
            info.ArgumentList.Add(arg);
        }
        if (requireAuth)
        {
            info.ArgumentList.Add("--auth");
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the SMTP sink.");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
        {
            if (line.StartsWith("READY", StringComparison.Ordinal))
            {
                return new SmtpSink(process, port, directory);
            }
        }
        throw new InvalidOperationException($"The SMTP sink did not start: {await process.StandardError.ReadToEndAsync(cts.Token)}");
    }

    /// <summary>Waits for the first message and returns its raw text.</summary>
    public async Task<string> WaitForMessageAsync(TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout)
        {
            var file = System.IO.Directory.GetFiles(Directory, "*.eml").Order().FirstOrDefault();
            if (file is not null)
            {
                return await File.ReadAllTextAsync(file);
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("No message reached the SMTP sink.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }
}
