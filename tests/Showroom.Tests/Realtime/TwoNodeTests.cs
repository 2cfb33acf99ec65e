using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Showroom.Realtime;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Realtime;

public sealed class TwoNodeTests(ShowroomCluster cluster) : IClassFixture<ShowroomCluster>
{
    [Fact]
    public async Task Message_sent_on_node_A_reaches_the_agent_connected_to_node_B()
    {
        await using var sam = await cluster.NodeB.SignInAsync("sam@example.com");
        var me = await sam.GetJsonAsync<System.Text.Json.JsonElement>("/api/me");
        var samId = Guid.Parse(me.GetProperty("id").GetString()!);
        var hub = sam.AgentHub();
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<string>("SessionEnded", reason => received.TrySetResult(reason));
        await hub.StartAsync();
        var nodeBConnections = cluster.NodeB.Services.GetRequiredService<AgentConnections>();
        await Eventually.TrueAsync(() => nodeBConnections.CountFor(samId) == 1, "node B registered the connection in its groups");

        var stopwatch = Stopwatch.StartNew();
        var nodeA = cluster.NodeA.Services.GetRequiredService<IHubContext<AgentHub, IAgentClient>>();
        await nodeA.Clients.Group(AgentHub.AgentGroup(samId)).SessionEnded("from-node-a");

        Assert.Equal("from-node-a", await received.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Console.WriteLine($"Node A -> node B through Redis: {stopwatch.Elapsed.TotalMilliseconds:F1} ms");
    }

    [Fact]
    public async Task Signing_out_on_node_A_closes_the_connection_held_by_node_B()
    {
        // One browser: the same cookie reaches either node, as behind a load balancer.
        await using var onA = await cluster.NodeA.SignInAsync("jordan@example.com");
        await using var onB = onA.SameBrowserAt(cluster.NodeB.BaseAddress);
        var hub = onB.AgentHub();
        await hub.StartAsync();

        using var signOut = await onA.SignOutAsync();

        signOut.EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => hub.State == HubConnectionState.Disconnected, "node B closed the connection");
    }
}
