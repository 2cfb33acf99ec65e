using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Showroom.Configuration;
using StackExchange.Redis;

namespace Showroom.Realtime;

public static class RealtimeServices
{
    /// <summary>SignalR, in-process by default; with Redis:Connection set, the Redis backplane and cluster bus.</summary>
    public static IServiceCollection AddShowroomRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR(options => options.MaximumReceiveMessageSize = 64 * 1024)
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddSingleton<AgentConnections>();
        services.AddSingleton<SessionTerminator>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionTerminator>());

        var redis = configuration["Redis:Connection"];
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<IClusterBus, InProcessClusterBus>();
            return services;
        }

        ConfigurationOptions redisOptions;
        try
        {
            redisOptions = ConfigurationOptions.Parse(redis);
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"Redis:Connection is not a valid Redis connection string: {e.Message}");
        }
        // Reachable at start, or the node does not start; once connected, the client reconnects by itself.
        redisOptions.AbortOnConnectFail = true;
        redisOptions.ClientName = "showroom";
        services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            try
            {
                return ConnectionMultiplexer.Connect(redisOptions);
            }
            catch (RedisConnectionException e)
            {
                throw new StartupException($"Redis:Connection cannot be reached: {e.Message.Split('\n')[0]}");
            }
        });
        services.AddSingleton<IClusterBus, RedisClusterBus>();
        signalR.AddStackExchangeRedis();
        // One multiplexer serves the backplane and the cluster bus.
        services.AddOptions<RedisOptions>().Configure<IConnectionMultiplexer>((options, multiplexer) =>
            options.ConnectionFactory = _ => Task.FromResult(multiplexer));
        return services;
    }
}
