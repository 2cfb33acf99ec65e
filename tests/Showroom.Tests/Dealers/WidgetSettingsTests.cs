using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Showroom.Data;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Dealers;

public sealed class WidgetSettingsTests : IAsyncLifetime
{
    const string Site = "https://www.downtown.example";
    readonly ShowroomApp _app = ShowroomApp.Create(null);
    AgentSession _manager = null!;
    string _downtown = "";
    string _lakeside = "";
    string _widgetKey = "";

    static string Url(string dealerId) => $"/api/dealers/{dealerId}/settings/widget";

    public async Task InitializeAsync()
    {
        _manager = await _app.SignInAsync("manager@example.com");
        var dealers = await _manager.GetJsonAsync<JsonElement>("/api/dealers");
        string Id(string name) => dealers.EnumerateArray().Single(d => d.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
        (_downtown, _lakeside) = (Id("Example Motors Downtown"), Id("Example Motors Lakeside"));
        _widgetKey = await _app.EmbedWidgetAtAsync("Example Motors Downtown", Site);
    }

    public async Task DisposeAsync()
    {
        await _manager.DisposeAsync();
        await _app.DisposeAsync();
    }

    static Dictionary<string, object?> Valid() => new()
    {
        ["accentColor"] = "#1A7F37",
        ["greeting"] = "Hi! Ask us anything about our cars.",
        ["launcherPosition"] = "Left",
        ["launcherLabel"] = "Talk to sales",
        ["nameField"] = "Required",
        ["emailField"] = "Hidden",
        ["phoneField"] = "Required",
        ["offlineMessage"] = "We are away.\nLeave a message and we will call you back.",
    };

    async Task SaveAsync(Dictionary<string, object?> settings)
    {
        using var response = await _manager.SendAsync(HttpMethod.Put, Url(_downtown), settings);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Defaults_are_todays_widget_and_the_widget_reads_them_from_its_config_and_session()
    {
        var settings = await _manager.GetJsonAsync<JsonElement>(Url(_downtown));
        await using var shopper = await ShopperClient.ConnectAsync(_app, _widgetKey, Site);
        using var http = new HttpClient { BaseAddress = _app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/widget/{_widgetKey}/config") { Headers = { { "Origin", Site } } };
        using var config = await http.SendAsync(request);
        using var elsewhere = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/widget/{_widgetKey}/config") { Headers = { { "Origin", "https://evil.example" } } });

        Assert.Equal("#0b5cad", settings.GetProperty("accentColor").GetString());
        Assert.Equal("", settings.GetProperty("greeting").GetString());
        Assert.Equal("Right", settings.GetProperty("launcherPosition").GetString());
        Assert.Equal("Chat with us", settings.GetProperty("launcherLabel").GetString());
        Assert.Equal("Optional", settings.GetProperty("nameField").GetString());
        Assert.Equal("Optional", settings.GetProperty("emailField").GetString());
        Assert.Equal("Optional", settings.GetProperty("phoneField").GetString());
        Assert.Equal("", settings.GetProperty("offlineMessage").GetString());
        Assert.Equal(settings.GetRawText(), shopper.Session.LastSession!.Value.GetProperty("settings").GetRawText());
        Assert.Equal(HttpStatusCode.OK, config.StatusCode);
        Assert.Equal(settings.GetRawText(), (await config.Content.ReadFromJsonAsync<JsonElement>()).GetRawText());
        Assert.Equal(Site, config.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
    }

    [Fact]
    public async Task A_saved_change_reaches_the_widget_and_is_audited_with_before_and_after()
    {
        await SaveAsync(Valid());

        var saved = await _manager.GetJsonAsync<JsonElement>(Url(_downtown));
        await using var shopper = await ShopperClient.ConnectAsync(_app, _widgetKey, Site);
        await using var admin = await _app.SignInAsync("admin@example.com");
        var entry = (await admin.GetJsonAsync<JsonElement>($"/api/audit?dealerId={_downtown}&action=widget.")).GetProperty("entries").EnumerateArray().Single();

        Assert.Equal("#1a7f37", saved.GetProperty("accentColor").GetString());
        Assert.Equal("Left", saved.GetProperty("launcherPosition").GetString());
        Assert.Equal("Hidden", saved.GetProperty("emailField").GetString());
        Assert.Equal("Talk to sales", shopper.Session.LastSession!.Value.GetProperty("settings").GetProperty("launcherLabel").GetString());
        Assert.Equal("widget.updated", entry.GetProperty("action").GetString());
        Assert.Equal("Maria Lopez", entry.GetProperty("actorName").GetString());
        Assert.Equal("Right", entry.GetProperty("before").GetProperty("launcherPosition").GetString());
        Assert.Equal("Left", entry.GetProperty("after").GetProperty("launcherPosition").GetString());
        Assert.Equal("#0b5cad", entry.GetProperty("before").GetProperty("accentColor").GetString());
        Assert.Equal("#1a7f37", entry.GetProperty("after").GetProperty("accentColor").GetString());
    }

    [Fact]
    public async Task Every_field_is_checked_and_nothing_is_saved_when_one_is_wrong()
    {
        var bad = Valid();
        bad["accentColor"] = "blue";
        bad["greeting"] = new string('g', 201);
        bad["launcherPosition"] = 7;
        bad["launcherLabel"] = "   ";
        bad["nameField"] = 3;
        bad["emailField"] = 9;
        bad["phoneField"] = -1;
        bad["offlineMessage"] = new string('o', 501);
        var controls = Valid();
        controls["launcherLabel"] = "Chat\nnow";
        controls["greeting"] = "Hello\u0007";
        controls["accentColor"] = "#12345";
        var oneWrong = Valid();
        oneWrong["launcherLabel"] = new string('l', 41);

        using var all = await _manager.SendAsync(HttpMethod.Put, Url(_downtown), bad);
        using var control = await _manager.SendAsync(HttpMethod.Put, Url(_downtown), controls);
        using var one = await _manager.SendAsync(HttpMethod.Put, Url(_downtown), oneWrong);

        var errors = (await all.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, all.StatusCode);
        Assert.Equal("invalid", errors.GetProperty("accentColor")[0].GetString());
        Assert.Equal("too_long", errors.GetProperty("greeting")[0].GetString());
        Assert.Equal("invalid", errors.GetProperty("launcherPosition")[0].GetString());
        Assert.Equal("required", errors.GetProperty("launcherLabel")[0].GetString());
        Assert.Equal("invalid", errors.GetProperty("nameField")[0].GetString());
        Assert.Equal("invalid", errors.GetProperty("emailField")[0].GetString());
        Assert.Equal("invalid", errors.GetProperty("phoneField")[0].GetString());
        Assert.Equal("too_long", errors.GetProperty("offlineMessage")[0].GetString());
        var controlErrors = (await control.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["accentColor", "greeting", "launcherLabel"], controlErrors.EnumerateObject().Select(p => p.Name).Order());
        var oneErrors = (await one.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("too_long", oneErrors.GetProperty("launcherLabel")[0].GetString());
        Assert.Single(oneErrors.EnumerateObject());
        var saved = await _manager.GetJsonAsync<JsonElement>(Url(_downtown));
        Assert.Equal("#0b5cad", saved.GetProperty("accentColor").GetString());
        Assert.Equal("Right", saved.GetProperty("launcherPosition").GetString());
        Assert.Equal("", saved.GetProperty("greeting").GetString());
    }

    [Fact]
    public async Task Another_dealers_settings_are_404_and_an_agent_of_the_dealer_gets_403()
    {
        await using var sam = await _app.SignInAsync("sam@example.com");

        using var samReads = await sam.Http.GetAsync(Url(_downtown));
        using var samWrites = await sam.SendAsync(HttpMethod.Put, Url(_downtown), Valid());
        using var otherReads = await sam.Http.GetAsync(Url(_lakeside));
        using var otherWrites = await sam.SendAsync(HttpMethod.Put, Url(_lakeside), Valid());
        using var unknown = await _manager.Http.GetAsync(Url(Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.Forbidden, samReads.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, samWrites.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherReads.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherWrites.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("#0b5cad", (await _manager.GetJsonAsync<JsonElement>(Url(_lakeside))).GetProperty("accentColor").GetString());
    }

    [Fact]
    public async Task A_required_field_left_empty_stops_the_chat_from_starting_with_a_clear_error()
    {
        await SaveAsync(Valid());
        await using var shopper = await ShopperClient.ConnectAsync(_app, _widgetKey, Site);

        var refused = await Assert.ThrowsAsync<HubException>(() => shopper.StartAsync(new { name = "Pat", phone = "  " }));
        var started = await shopper.StartAsync(new { name = "Pat", phone = "555-0100" });

        Assert.Contains("phone number", refused.Message, StringComparison.Ordinal);
        Assert.Equal("Waiting", started.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_hidden_field_is_ignored_even_when_a_client_sends_it()
    {
        await SaveAsync(Valid());
        await using var shopper = await ShopperClient.ConnectAsync(_app, _widgetKey, Site);

        var started = await shopper.StartAsync(new { name = "Pat", email = "pat@example.com", phone = "555-0100" });

        Assert.Equal(JsonValueKind.Null, started.GetProperty("shopperEmail").ValueKind);
        await using var scope = _app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ShowroomDb>().Conversations.AsNoTracking()
            .SingleAsync(c => c.Id == Guid.Parse(started.GetProperty("id").GetString()!));
        Assert.Null(stored.ShopperEmail);
        Assert.Equal("Pat", stored.ShopperName);
        Assert.Equal("555-0100", stored.ShopperPhone);
    }
}
