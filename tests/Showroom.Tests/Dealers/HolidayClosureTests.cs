using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Showroom.Tests.Infrastructure;

namespace Showroom.Tests.Dealers;

public sealed class HolidayClosureTests
{
    [Fact]
    public async Task On_a_holiday_closure_the_widget_shows_every_department_closed()
    {
        // Noon in Chicago on a Wednesday: Downtown's departments are open on a normal day.
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 6, 12, 17, 0, 0, TimeSpan.Zero));
        await using var app = ShowroomApp.Create(null, clock);
        const string Site = "https://downtown.example";
        var widgetKey = await app.EmbedWidgetAtAsync("Example Motors Downtown", Site);
        await using var shopper = new ShopperSession(app.BaseAddress, widgetKey, Site);
        static async Task<bool[]> OpenAsync(ShopperSession s)
        {
            using var response = await s.StartSessionAsync();
            return s.LastSession!.Value.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("open").GetBoolean()).ToArray();
        }
        Assert.Contains(true, await OpenAsync(shopper));

        await using var manager = await app.SignInAsync("manager@example.com");
        var downtown = (await manager.GetJsonAsync<JsonElement>("/api/dealers")).EnumerateArray()
            .Single(d => d.GetProperty("name").GetString() == "Example Motors Downtown").GetProperty("id").GetString();
        using var holiday = await manager.SendAsync(HttpMethod.Post, $"/api/dealers/{downtown}/holidays", new { date = "2030-06-12", name = "Inventory day" });
        Assert.Equal(HttpStatusCode.Created, holiday.StatusCode);

        Assert.DoesNotContain(true, await OpenAsync(shopper));
    }
}
