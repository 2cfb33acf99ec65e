using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Showroom.Configuration;

public static class ConfigurationServices
{
    /// <summary>Binds Showroom's options and checks, before anything starts, what would fail later.</summary>
    public static WebApplicationBuilder AddShowroomConfiguration(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ShowroomOptions>(builder.Configuration.GetSection(ShowroomOptions.Section));
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));

        var options = Read(builder.Configuration);
        EnsureWritable(options.DataDirectoryFullPath);
        if (options.PublicUrl is { } publicUrl && (!publicUrl.IsAbsoluteUri || publicUrl.Scheme is not ("http" or "https")))
        {
            throw new StartupException($"Showroom:PublicUrl \"{publicUrl}\" must be an absolute http or https address, such as https://chat.example.com.");
        }

        var proxies = options.TrustedProxies.Select(ParseProxy).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Only the configured proxies are believed; by default, loopback alone.
            foreach (var proxy in proxies)
            {
                forwarded.KnownIPNetworks.Add(proxy);
            }
        });
        return builder;
    }

    static ShowroomOptions Read(ConfigurationManager configuration) => Bind<ShowroomOptions>(configuration, ShowroomOptions.Section);

    /// <summary>Binds a section now, so a value of the wrong type stops the start with one line naming the section.</summary>
    public static T Bind<T>(IConfiguration configuration, string section) where T : new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            throw new StartupException($"The {section} configuration section is not valid: {e.InnerException?.Message ?? e.Message}");
        }
    }

    static System.Net.IPNetwork ParseProxy(string value)
    {
        if (System.Net.IPNetwork.TryParse(value, out var network))
        {
            return network;
        }
        if (IPAddress.TryParse(value, out var address))
        {
            return new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }
        throw new StartupException($"Showroom:TrustedProxies has \"{value}\", which is neither an IP address nor a CIDR network.");
    }

    static void EnsureWritable(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new StartupException($"Showroom:DataDirectory \"{directory}\" is not a writable folder: {e.Message}");
        }
    }
}
