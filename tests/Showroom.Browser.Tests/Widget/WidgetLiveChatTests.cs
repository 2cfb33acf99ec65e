using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Showroom.Browser.Tests.Infrastructure;
using Showroom.Conversations;
using Showroom.Data;
using Showroom.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Showroom.Browser.Tests.Widget.WidgetPage;

namespace Showroom.Browser.Tests.Widget;

/// <summary>A shopper and a real agent (a SignalR client on the agent hub): the queue, the agent's face, typing, read receipts, the transcript.</summary>
public sealed class WidgetLiveChatTests(BrowserFixture browser, ShowroomApp app)
    : BrowserTest(browser, app), IClassFixture<BrowserFixture>, IClassFixture<ShowroomApp>
{
    [Fact]
    public Task Shopper_waits_in_line_then_sees_the_agent_with_headshot_typing_and_reading() => RunAsync(async () =>
    {
        await AllowTestOriginAsync(App);
        await using var sam = await AgentOnlineAsync(App, "sam@example.com", "Available");
        await UploadHeadshotAsync(sam.Session, sam.Id);
        var offers = new ConcurrentQueue<JsonElement>();
        var heard = new ConcurrentQueue<(string Kind, JsonElement Body)>();
        sam.Hub.On<JsonElement>("OfferReceived", offers.Enqueue);
        sam.Hub.On<JsonElement>("Typing", t => heard.Enqueue(("typing", t)));
        sam.Hub.On<JsonElement>("ReadUpTo", r => heard.Enqueue(("read", r)));

        var page = await NewPageAsync();
        await page.GotoAsync(CivicPage);
        await Launcher(page).ClickAsync();
        await page.GetByLabel("Name (optional)").FillAsync("Alex Rivera");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        // Offered to Sam, not yet accepted: first in line.
        await Expect(page.GetByText("You're next. Someone will be with you shortly.")).ToBeVisibleAsync();
        await SendAsync(page, "Is the Civic still available?");
        await Expect(Message(page, "Is the Civic still available?")).ToContainTextAsync("Sent");
        await ScreenshotAsync(page, "widget-waiting-in-line");

        await Eventually.TrueAsync(() => !offers.IsEmpty, "Sam was offered the chat");
        offers.TryPeek(out var offer);
        var id = Guid.Parse(offer.GetProperty("conversationId").GetString()!);
        await sam.Hub.InvokeAsync<JsonElement>("AcceptOffer", Guid.Parse(offer.GetProperty("id").GetString()!));

        // The agent's face and name near the top; the waiting line is gone.
        await Expect(page.GetByText("You are chatting with Sam.")).ToBeVisibleAsync();
        await Expect(page.GetByText("You're next. Someone will be with you shortly.")).ToBeHiddenAsync();
        var headshot = page.GetByRole(AriaRole.Dialog).Locator(".agentbar img");
        await Expect(headshot).ToHaveAttributeAsync("src", new Regex($"^{Regex.Escape(App.BaseAddress.GetLeftPart(UriPartial.Authority))}/media/headshots/"));
        await Expect(headshot).ToHaveAttributeAsync("alt", "");
        Assert.True(await headshot.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the headshot loads");

        // Sam types: the shopper sees it, until Sam stops.
        await sam.Hub.InvokeAsync("Typing", id, true);
        await Expect(page.GetByText("Sam is typing…")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "widget-agent-typing");
        await AssertNoSeriousViolationsAsync(page, "chat with the agent typing");
        await page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync(page, "widget-agent-typing-phone");
        await page.SetViewportSizeAsync(1280, 800);
        await sam.Hub.InvokeAsync("Typing", id, false);
        await Expect(page.GetByText("Sam is typing…")).ToBeHiddenAsync();

        // Sam reads the shopper's message: "Sent" turns "Read".
        await sam.Hub.InvokeAsync("MarkRead", id, await LastSeqAsync(id));
        await Expect(Message(page, "Is the Civic still available?")).ToContainTextAsync("Read");

        // Typing again, then Sam's message arrives: the indicator goes with it, and the open panel reads it.
        await sam.Hub.InvokeAsync("Typing", id, true);
        await Expect(page.GetByText("Sam is typing…")).ToBeVisibleAsync();
        await sam.Hub.InvokeAsync<JsonElement>("SendMessage", id, "a1", "Yes! Want to see it today?");
        await Expect(Message(page, "Yes! Want to see it today?")).ToBeVisibleAsync();
        await Expect(page.GetByText("Sam is typing…")).ToBeHiddenAsync();
        var agentSeq = await LastSeqAsync(id);
        await Eventually.TrueAsync(() => heard.Any(h => h.Kind == "read" && h.Body.GetProperty("reader").GetString() == "Shopper"
            && h.Body.GetProperty("seq").GetInt64() == agentSeq), "Sam heard the shopper read his message");

        // The shopper types: Sam hears it, and that they stopped once the message is sent.
        await Composer(page).PressSequentiallyAsync("Sure");
        await Eventually.TrueAsync(() => heard.Any(h => h.Kind == "typing" && h.Body.GetProperty("typing").GetBoolean()), "Sam saw the shopper typing");
        await Composer(page).PressAsync("Enter");
        await Eventually.TrueAsync(() => heard.Any(h => h.Kind == "typing" && !h.Body.GetProperty("typing").GetBoolean()), "Sam saw the shopper stop");
        await Expect(Message(page, "Sure")).ToContainTextAsync("Sent");
        // Only the newest message Sam has read says so.
        await sam.Hub.InvokeAsync("MarkRead", id, await LastSeqAsync(id));
        await Expect(Message(page, "Sure")).ToContainTextAsync("Read");
        await Expect(Message(page, "Is the Civic still available?")).ToContainTextAsync("Sent");
    });

    [Fact]
    public Task Shopper_ends_the_chat_and_gets_the_transcript_by_email() => RunAsync(async () =>
    {
        await AllowTestOriginAsync(App);
        await using var jordan = await AgentOnlineAsync(App, "jordan@example.com", "Available");
        var offers = new ConcurrentQueue<JsonElement>();
        jordan.Hub.On<JsonElement>("OfferReceived", offers.Enqueue);

        var page = await NewPageAsync();
        await page.GotoAsync(CivicPage);
        await Launcher(page).ClickAsync();
        await page.GetByLabel("E-mail (optional)").FillAsync("alex@example.net");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await Eventually.TrueAsync(() => !offers.IsEmpty, "Jordan was offered the chat");
        offers.TryPeek(out var offer);
        await jordan.Hub.InvokeAsync<JsonElement>("AcceptOffer", Guid.Parse(offer.GetProperty("id").GetString()!));
        // No headshot: the initial stands in.
        await Expect(page.GetByText("You are chatting with Jordan.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Dialog).Locator(".agentbar .initial")).ToHaveTextAsync("J");
        await SendAsync(page, "Thanks, that is all.");
        await Expect(Message(page, "Thanks, that is all.")).ToContainTextAsync("Sent");

        await page.GetByRole(AriaRole.Button, new() { Name = "End chat" }).ClickAsync();
        var choice = page.GetByRole(AriaRole.Checkbox, new() { Name = "E-mail me the transcript" });
        await Expect(choice).ToBeCheckedAsync();
        await ScreenshotAsync(page, "widget-end-with-transcript");
        await AssertNoSeriousViolationsAsync(page, "end-chat confirmation");
        await page.GetByRole(AriaRole.Group, new() { Name = "End this chat?" }).GetByRole(AriaRole.Button, new() { Name = "End chat" }).ClickAsync();

        await Expect(page.GetByText("This chat has ended.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Transcript sent to alex@example.net." })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "E-mail me the transcript" })).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start a new chat" })).ToBeFocusedAsync();
        await ScreenshotAsync(page, "widget-transcript-sent");
    });

    [Fact]
    public Task Shopper_who_declined_the_transcript_at_the_end_can_still_ask_for_it_once() => RunAsync(async () =>
    {
        await AllowTestOriginAsync(App);
        await using var jordan = await AgentOnlineAsync(App, "jordan@example.com", "Available");
        var offers = new ConcurrentQueue<JsonElement>();
        jordan.Hub.On<JsonElement>("OfferReceived", offers.Enqueue);

        var page = await NewPageAsync("es-US");
        await page.GotoAsync(CivicPage);
        await page.GetByRole(AriaRole.Button, new() { Name = "Chatea con nosotros" }).ClickAsync();
        await page.GetByLabel("Correo electrónico (opcional)").FillAsync("ana@example.net");
        await page.GetByRole(AriaRole.Button, new() { Name = "Iniciar chat" }).ClickAsync();
        await Eventually.TrueAsync(() => !offers.IsEmpty, "Jordan was offered the chat");
        offers.TryPeek(out var offer);
        await jordan.Hub.InvokeAsync<JsonElement>("AcceptOffer", Guid.Parse(offer.GetProperty("id").GetString()!));
        await Expect(page.GetByText("Está chateando con Jordan.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Terminar chat" }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Enviarme la transcripción por correo" }).UncheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "¿Terminar este chat?" }).GetByRole(AriaRole.Button, new() { Name = "Terminar chat" }).ClickAsync();
        var ask = page.GetByRole(AriaRole.Button, new() { Name = "Enviarme la transcripción por correo" });
        await Expect(ask).ToBeFocusedAsync();

        await ask.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Transcripción enviada a ana@example.net." })).ToBeVisibleAsync();
        await Expect(ask).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Iniciar un nuevo chat" })).ToBeFocusedAsync();
    });

    [Fact]
    public Task A_chat_the_agent_ended_while_the_shopper_was_offline_shows_as_ended_after_the_reconnect() => RunAsync(async () =>
    {
        await AllowTestOriginAsync(App);
        await using var jordan = await AgentOnlineAsync(App, "jordan@example.com", "Available");
        var offers = new ConcurrentQueue<JsonElement>();
        jordan.Hub.On<JsonElement>("OfferReceived", offers.Enqueue);
        var page = await NewPageAsync();
        var cut = false;
        var sockets = new List<IWebSocketRoute>();
        await page.RouteWebSocketAsync(new Regex("/hubs/shopper"), ws =>
        {
            if (cut)
            {
                _ = ws.CloseAsync();
                return;
            }
            sockets.Add(ws);
            ws.ConnectToServer();
        });
        await page.RouteAsync(new Regex("/hubs/shopper/negotiate"), route => cut ? route.AbortAsync() : route.ContinueAsync());

        await page.GotoAsync(CivicPage);
        await Launcher(page).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await Eventually.TrueAsync(() => !offers.IsEmpty, "Jordan was offered the chat", TimeSpan.FromSeconds(30));
        offers.TryPeek(out var offer);
        var id = Guid.Parse(offer.GetProperty("conversationId").GetString()!);
        await jordan.Hub.InvokeAsync<JsonElement>("AcceptOffer", Guid.Parse(offer.GetProperty("id").GetString()!));
        await Expect(page.GetByText("You are chatting with Jordan.")).ToBeVisibleAsync();

        cut = true;
        foreach (var socket in sockets)
        {
            await socket.CloseAsync();
        }
        await Expect(page.GetByText("Reconnecting…")).ToBeVisibleAsync();
        await jordan.Hub.InvokeAsync("EndConversation", id);
        cut = false;

        await Expect(page.GetByText("This chat has ended.")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(Composer(page)).ToHaveCountAsync(0);
        await Expect(page.GetByText("You are chatting with Jordan.")).ToBeHiddenAsync();
    });

    [Fact]
    public Task Picking_a_department_nobody_can_chat_for_switches_to_the_lead_form_and_back() => RunAsync(async () =>
    {
        await AllowTestOriginAsync(App);
        // Sam is in Sales and Service; nobody of the demo dealer is in Parts.
        await using var sam = await AgentOnlineAsync(App, "sam@example.com", "Available");
        var page = await NewPageAsync();
        await page.GotoAsync(CivicPage);
        await Launcher(page).ClickAsync();
        await page.GetByLabel("Name (optional)").FillAsync("Pat");

        await page.GetByLabel("Department").SelectOptionAsync("Parts");
        await Expect(page.GetByText(new Regex("^(We're closed right now\\.|Nobody is available to chat right now\\.)$"))).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Department")).ToBeFocusedAsync();
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Pat");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send message" })).ToBeVisibleAsync();

        await page.GetByLabel("Department").SelectOptionAsync("Sales");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start chat" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Name (optional)")).ToHaveValueAsync("Pat");
    });

    async Task<long> LastSeqAsync(Guid conversationId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        return await db.Messages.Where(m => m.ConversationId == conversationId).MaxAsync(m => m.Seq);
    }
}
