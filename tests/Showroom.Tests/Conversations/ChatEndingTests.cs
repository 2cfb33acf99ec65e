using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Showroom.Conversations;
using Showroom.Presence;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Conversations;

/// <summary>How chats end besides End chat: the shopper gone too long, and the transcript the shopper asks for.</summary>
public sealed class ChatEndingTests
{
    const string Site = "https://downtown.example";

    [Fact]
    public async Task A_chat_whose_shopper_has_been_gone_30_minutes_is_closed_with_a_line_for_the_agent()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = ShowroomApp.Create(null, clock);
        await app.InitializeAsync();
        var key = await app.EmbedWidgetAtAsync("Example Motors Downtown", Site);
        await using var sam = await AgentClient.ConnectAsync(app, "sam@example.com");
        await using var gone = await ShopperClient.ConnectAsync(app, key, Site);
        await using var staying = await ShopperClient.ConnectAsync(app, key, Site);
        var left = (await gone.StartAsync()).GetProperty("id").GetString()!;
        var kept = (await staying.StartAsync()).GetProperty("id").GetString()!;
        await sam.TakeAsync(left);
        await sam.TakeAsync(kept);

        await gone.Hub.StopAsync();
        await Eventually.TrueAsync(() => !app.Services.GetRequiredService<ShopperConnections>().Conversations().Contains(Guid.Parse(left)),
            "the server handled the disconnect");
        clock.Advance(TimeSpan.FromMinutes(29));
        await SweepAsync(app);
        Assert.DoesNotContain(sam.Updated, c => c.GetProperty("status").GetString() == "Ended");
        clock.Advance(TimeSpan.FromMinutes(2));
        await SweepAsync(app);

        await Eventually.TrueAsync(() => sam.Messages.Any(m => m.GetProperty("conversationId").GetString() == left
            && m.GetProperty("text").GetString() == "The shopper left. Chat closed after 30 minutes without them."), "the agent got the line");
        await Eventually.TrueAsync(() => sam.Updated.Any(c => c.GetProperty("id").GetString() == left && c.GetProperty("status").GetString() == "Ended"),
            "the chat ended on the agent's screen");
        var mine = await sam.Session.GetJsonAsync<List<JsonElement>>("/api/conversations/mine");
        Assert.Equal([kept], mine.Select(c => c.GetProperty("id").GetString()));
    }

    static async Task SweepAsync(ShowroomApp app)
    {
        await app.Services.GetRequiredService<PresenceSweeper>().SweepAsync(CancellationToken.None);
        await app.Services.GetRequiredService<ConversationSweeper>().SweepAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_transcript_is_e_mailed_once_to_the_address_the_shopper_gave()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = ShowroomApp.Create(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = "Showroom <showroom@example.com>",
        });
        await app.InitializeAsync();
        var key = await app.EmbedWidgetAtAsync("Example Motors Downtown", Site);
        await using var sam = await AgentClient.ConnectAsync(app, "sam@example.com");
        await using var shopper = await ShopperClient.ConnectAsync(app, key, Site);
        await using var anonymous = await ShopperClient.ConnectAsync(app, key, Site);
        var id = Guid.Parse((await shopper.StartAsync(new { name = "Pat", email = "pat@example.net" })).GetProperty("id").GetString()!);
        var noAddress = Guid.Parse((await anonymous.StartAsync()).GetProperty("id").GetString()!);
        await sam.TakeAsync(id.ToString());
        await shopper.Hub.InvokeAsync<JsonElement>("SendMessage", id, "s1", "Is the <b>RAV4</b> still there?");
        await sam.Hub.InvokeAsync<JsonElement>("SendMessage", id, "a1", "Yes, it is!");
        await shopper.Hub.InvokeAsync("EndConversation", id);

        await shopper.Hub.InvokeAsync("EmailTranscript", id);
        var again = await Assert.ThrowsAsync<HubException>(() => shopper.Hub.InvokeAsync("EmailTranscript", id));
        var none = await Assert.ThrowsAsync<HubException>(() => anonymous.Hub.InvokeAsync("EmailTranscript", noAddress));
        var notTheirs = await Assert.ThrowsAsync<HubException>(() => anonymous.Hub.InvokeAsync("EmailTranscript", id));

        var mail = await sink.WaitForMessageAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("To: pat@example.net", mail, StringComparison.Ordinal);
        Assert.Contains("Subject: Your chat with Example Motors Downtown", mail, StringComparison.Ordinal);
        Assert.Contains("You: Is the <b>RAV4</b> still there?", mail, StringComparison.Ordinal);
        Assert.Contains("Sam: Yes, it is!", mail, StringComparison.Ordinal);
        Assert.Contains("Chat ended", mail, StringComparison.Ordinal);
        Assert.Contains("sent already", again.Message, StringComparison.Ordinal);
        Assert.Contains("No e-mail address", none.Message, StringComparison.Ordinal);
        Assert.Contains("Conversation not found.", notTheirs.Message, StringComparison.Ordinal);
        var resumed = await shopper.Hub.InvokeAsync<JsonElement>("Resume");
        Assert.Equal("Ended", resumed.GetProperty("status").GetString());
        Assert.True(resumed.GetProperty("transcriptSent").GetBoolean());
    }
}
