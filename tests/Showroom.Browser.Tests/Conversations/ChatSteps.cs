using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Showroom.Data;
using Showroom.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Showroom.Browser.Tests.Conversations;

/// <summary>Steps the Chat Screen journeys share: the dealer's site, the agent's status, a shopper's chat, the offer cards.</summary>
static class ChatSteps
{
    public const string Site = "https://downtown.example";

    /// <summary>Lets the widget run on the demo dealer's site; returns its widget key.</summary>
    public static async Task<string> AllowSiteAsync(ShowroomApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShowroomDb>();
        var dealer = await db.Dealers.SingleAsync(d => d.Name == "Example Motors Downtown");
        dealer.WebsiteOrigins = [Site];
        await db.SaveChangesAsync();
        return dealer.WidgetKey;
    }

    static ILocator StatusButton(IPage page, string status) =>
        page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = $"Status: {status}", Exact = true });

    public static async Task ChooseStatusAsync(IPage page, string from, string to)
    {
        await StatusButton(page, from).ClickAsync();
        await page.GetByRole(AriaRole.Menuitemradio, new() { Name = to, Exact = true }).ClickAsync();
        await Expect(StatusButton(page, to)).ToBeVisibleAsync();
    }

    /// <summary>Sets the agent Available, whatever the status they kept from an earlier test of the class.</summary>
    public static async Task BecomeAvailableAsync(IPage page)
    {
        var button = page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Status: (Available|Away|Do Not Disturb)$") });
        await Expect(button).ToBeVisibleAsync();
        if (await StatusButton(page, "Available").IsVisibleAsync())
        {
            return;
        }
        await button.ClickAsync();
        await page.GetByRole(AriaRole.Menuitemradio, new() { Name = "Available", Exact = true }).ClickAsync();
        await Expect(StatusButton(page, "Available")).ToBeVisibleAsync();
    }

    /// <summary>A shopper on the dealer's site starts a chat over a real shopper hub connection.</summary>
    public static async Task<(HubConnection Hub, Guid Id)> StartChatAsync(ShopperSession shopper, object request, Action<HubConnection>? listen = null)
    {
        (await shopper.StartSessionAsync()).EnsureSuccessStatusCode();
        var hub = shopper.Hub();
        listen?.Invoke(hub);
        await hub.StartAsync();
        var conversation = await hub.InvokeAsync<JsonElement>("StartConversation", request);
        Assert.Equal("Waiting", conversation.GetProperty("status").GetString());
        return (hub, Guid.Parse(conversation.GetProperty("id").GetString()!));
    }

    public static ILocator IncomingChats(IPage page) => page.GetByRole(AriaRole.List, new() { Name = "Incoming Chats" });

    /// <summary>The offer card whose heading is the shopper's name.</summary>
    public static ILocator OfferCard(IPage page, string shopper) =>
        page.GetByRole(AriaRole.Region, new() { Name = "Incoming Chats" }).GetByRole(AriaRole.Listitem)
            .Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = shopper, Exact = true }) });

    public static ILocator AcceptButton(IPage page, string shopper) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"Accept chat from {shopper}", Exact = true });

    public static ILocator MyChat(IPage page, string shopper) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "My chats" }).GetByRole(AriaRole.Button).Filter(new() { HasTextString = shopper });

    /// <summary>Accepts the shopper's offer with a click; the chat opens with the composer focused.</summary>
    public static async Task AcceptAsync(IPage page, string shopper)
    {
        await AcceptButton(page, shopper).ClickAsync();
        await Expect(MyChat(page, shopper)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = $"Reply to {shopper}" })).ToBeFocusedAsync();
    }
}
