using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Conversations;

/// <summary>Private notes: agents see them (and they travel with a transfer); no shopper-facing payload ever contains one.</summary>
public sealed class PrivateNoteTests
{
    const string Site = "https://downtown.example";
    const string Secret = "Credit score looks low, offer the 72-month plan";

    [Fact]
    public async Task Private_notes_reach_agents_only_never_the_shoppers_hub_sync_or_transcript()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = ShowroomApp.Create(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
        });
        await app.InitializeAsync();
        var key = await app.EmbedWidgetAtAsync("Example Motors Downtown", Site);
        await using var sam = await AgentClient.ConnectAsync(app, "sam@example.com");
        await using var jordan = await AgentClient.ConnectAsync(app, "jordan@example.com", "Away");
        await using var shopper = await ShopperClient.ConnectAsync(app, key, Site);
        var shopperTraffic = new List<string>();
        foreach (var name in new[] { "MessageReceived", "ConversationChanged", "Typing", "ReadUpTo", "NoteAdded" })
        {
            shopper.Hub.On<JsonElement>(name, e => { lock (shopperTraffic) { shopperTraffic.Add(e.GetRawText()); } });
        }
        var id = Guid.Parse((await shopper.StartAsync(new { name = "Pat", email = "pat@example.net" })).GetProperty("id").GetString()!);
        await sam.TakeAsync(id.ToString());

        var note = await sam.Hub.InvokeAsync<JsonElement>("AddNote", id, "n1", Secret);
        var again = await sam.Hub.InvokeAsync<JsonElement>("AddNote", id, "n1", Secret);
        await sam.Hub.InvokeAsync<string>("Transfer", id, new { toAgentId = jordan.Id, note = "Handle with care" });
        await jordan.AcceptAsync(await jordan.OfferOfAsync(id.ToString()));
        await jordan.Hub.InvokeAsync<JsonElement>("SendMessage", id, "j1", "Hi, Jordan here.");
        await shopper.HeardAsync("Hi, Jordan here.");
        var jordansNotes = await jordan.Hub.InvokeAsync<List<JsonElement>>("Notes", id);
        await shopper.Hub.InvokeAsync("EndConversation", id);
        await shopper.Hub.InvokeAsync("EmailTranscript", id);
        var mail = await sink.WaitForMessageAsync(TimeSpan.FromSeconds(10));
        var synced = await shopper.Hub.InvokeAsync<JsonElement>("Sync", id, 0L);
        var resumed = await shopper.Hub.InvokeAsync<JsonElement>("Resume");

        Assert.Equal(note.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal([Secret, "Transfer to Jordan Lee: Handle with care"], jordansNotes.Select(n => n.GetProperty("text").GetString()));
        Assert.Equal("Sam", jordansNotes[0].GetProperty("agentName").GetString());
        string[] shopperFacing = [.. shopperTraffic, synced.GetRawText(), resumed.GetRawText(), mail];
        Assert.All(shopperFacing, payload =>
        {
            Assert.DoesNotContain("72-month", payload, StringComparison.Ordinal);
            Assert.DoesNotContain("Handle with care", payload, StringComparison.Ordinal);
        });
        Assert.Contains("Hi, Jordan here.", mail, StringComparison.Ordinal);
    }
}
