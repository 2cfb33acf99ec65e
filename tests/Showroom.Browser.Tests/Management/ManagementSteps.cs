using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Showroom.Browser.Tests.Management;

/// <summary>What Managers and Admins do in the Manage section, by role and label as a person does it.</summary>
static partial class ManagementSteps
{
    /// <summary>The name menu's Manage entry, then one of the section's links.</summary>
    public static async Task OpenManageAsync(IPage page, string name, string section)
    {
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = name }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Manage" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "People", Level = 1 })).ToBeVisibleAsync();
        await GoToSectionAsync(page, section);
    }

    public static async Task GoToSectionAsync(IPage page, string section)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Manage" }).GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = section, Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Chooses a zone in the searchable time zone combobox.</summary>
    public static async Task ChooseTimeZoneAsync(IPage page, string label, string zone)
    {
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = label });
        await box.FillAsync(zone);
        await page.GetByRole(AriaRole.Option, new() { Name = zone, Exact = true }).ClickAsync();
        await Expect(box).ToHaveValueAsync(zone);
    }

    public static ILocator Status(IPage page, string text) => page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = text });

    public static async Task AssertNoSeriousViolationsAsync(IPage page, string screen)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{screen}: " + string.Join("; ", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    /// <summary>The invitation link in an e-mail as the SMTP server received it (quoted-printable soft breaks undone).</summary>
    public static string InvitationLink(string rawMessage, Uri server)
    {
        var text = rawMessage.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal)
            .Replace("=3D", "=", StringComparison.Ordinal);
        var link = Regex.Match(text, Regex.Escape(server.GetLeftPart(UriPartial.Authority)) + "/invite/[A-Za-z0-9_-]+").Value;
        Assert.False(string.IsNullOrEmpty(link), "no invitation link in the e-mail:\n" + rawMessage);
        return link;
    }
}
