using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Showroom.Data;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Conversations;

/// <summary>"Nobody there": the widget learns whether a chat can start, and the form becomes a lead.</summary>
public sealed class LeadTests : IAsyncLifetime
{
    const string DowntownSite = "https://downtown.example";
    const string LakesideSite = "https://lakeside.example";

    // Sunday 29 November 2026, 10:00 in Chicago: Lakeside's Sales is closed on Sundays; Downtown's never closes.
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 16, 0, 0, TimeSpan.Zero));
    SmtpSink _smtp = null!;
    ShowroomApp _app = null!;
    readonly Dictionary<string, string> _keys = [];
    readonly Dictionary<string, Guid> _dealerIds = [];

    public async Task InitializeAsync()
    {
        _smtp = await SmtpSink.StartAsync();
        _app = ShowroomApp.Create(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
        }, _clock);
        await _app.InitializeAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        foreach (var dealer in await db.Dealers.ToListAsync())
        {
            var site = dealer.Name.EndsWith("Downtown", StringComparison.Ordinal) ? DowntownSite : LakesideSite;
            dealer.WebsiteOrigins = [site];
            _keys[site] = dealer.WidgetKey;
            _dealerIds[site] = dealer.Id;
        }
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    async Task<JsonElement> SalesAsync(string site)
    {
        await using var shopper = new ShopperSession(_app.BaseAddress, _keys[site], site);
        (await shopper.StartSessionAsync()).EnsureSuccessStatusCode();
        return shopper.LastSession!.Value.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "Sales");
    }

    async Task<HttpResponseMessage> LeaveLeadAsync(string site, object lead, string? origin = null)
    {
        using var http = new HttpClient { BaseAddress = _app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/widget/{_keys[site]}/leads") { Content = JsonContent.Create(lead) };
        request.Headers.Add("Origin", origin ?? site);
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    [Fact]
    public async Task The_widget_knows_when_a_chat_can_start()
    {
        var lakeside = await SalesAsync(LakesideSite);
        Assert.False(lakeside.GetProperty("open").GetBoolean());
        Assert.False(lakeside.GetProperty("canChat").GetBoolean());

        var downtown = await SalesAsync(DowntownSite);
        Assert.True(downtown.GetProperty("open").GetBoolean());
        Assert.False(downtown.GetProperty("agentsOnline").GetBoolean());

        await using var sam = await _app.SignInAsync("sam@example.com");
        await sam.AgentHub().StartAsync();
        var registry = _app.Services.GetRequiredService<Showroom.Realtime.AgentConnections>();
        await Eventually.TrueAsync(() => registry.ConnectionIds().Count == 1, "Sam's connection registered");
        Assert.True((await SalesAsync(DowntownSite)).GetProperty("canChat").GetBoolean());
    }

    [Fact]
    public async Task A_lead_is_stored_listed_for_managers_and_emailed_to_the_dealer()
    {
        using var response = await LeaveLeadAsync(DowntownSite, new
        {
            name = "Pat Shopper",
            phone = "555-0100",
            message = "Please call me about the <b>Civic</b>.",
            department = "Sales",
            vehicle = new { year = 2021, make = "Honda", model = "Civic", vin = "2HGFC2F59MH000001" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var manager = await _app.SignInAsync("manager@example.com");
        var leads = await manager.GetJsonAsync<JsonElement>($"/api/dealers/{_dealerIds[DowntownSite]}/leads");
        Assert.Equal("Please call me about the <b>Civic</b>.", leads[0].GetProperty("message").GetString());
        var mail = await _smtp.WaitForMessageAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("To: leads@example.com", mail, StringComparison.Ordinal);
        Assert.Contains("Pat Shopper", mail, StringComparison.Ordinal);
        Assert.Contains("Vehicle: 2021 Honda Civic VIN 2HGFC2F59MH000001", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lead_form_errors_are_per_field_and_other_sites_are_refused()
    {
        using var empty = await LeaveLeadAsync(DowntownSite, new { name = "", message = "" });
        using var badEmail = await LeaveLeadAsync(DowntownSite, new { name = "Pat", email = "not-mail", message = "hi" });
        using var elsewhere = await LeaveLeadAsync(DowntownSite, new { name = "Pat", phone = "1", message = "hi" }, origin: "https://elsewhere.example");

        var errors = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("required", errors.GetProperty("name")[0].GetString());
        Assert.Equal("required", errors.GetProperty("message")[0].GetString());
        Assert.Equal("contact_required", errors.GetProperty("email")[0].GetString());
        Assert.Equal("invalid", (await badEmail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("email")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Agents_do_not_list_leads_and_nobody_lists_another_dealers()
    {
        await using var sam = await _app.SignInAsync("sam@example.com");

        Assert.Equal(HttpStatusCode.Forbidden, (await sam.Http.GetAsync($"/api/dealers/{_dealerIds[DowntownSite]}/leads")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.Http.GetAsync($"/api/dealers/{_dealerIds[LakesideSite]}/leads")).StatusCode);
    }
}
