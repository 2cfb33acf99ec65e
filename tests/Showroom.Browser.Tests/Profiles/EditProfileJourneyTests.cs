using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Showroom.Browser.Tests.Infrastructure;
using Showroom.Tests.Infrastructure;
using Showroom.Tests.Profiles;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace Showroom.Browser.Tests.Profiles;

/// <summary>
/// Edit Profile as the agents' guide describes it. Each test signs in as its own demo agent: the class
/// shares one server, and each test changes its agent's profile.
/// </summary>
public sealed partial class EditProfileJourneyTests(BrowserFixture browser, ShowroomApp app)
    : BrowserTest(browser, app), IClassFixture<BrowserFixture>, IClassFixture<ShowroomApp>
{
    static readonly string[] RequiredLabels = ["Timezone*", "First Name*", "Last Name*", "Email*"];
    static readonly string[] DropEvents = ["dragenter", "dragover", "drop"];

    [Fact]
    public Task Agent_drops_a_headshot_saves_sees_it_in_the_header_after_reload_and_removes_it() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "sam@example.com");
        await OpenEditProfileAsync(page, "Sam Carter");

        // The page the guide shows, each label bound to its input.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account Information" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contact Information" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Locale")).ToHaveValueAsync("en-US");
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Timezone" })).ToHaveValueAsync("America/Chicago");
        await Expect(page.GetByLabel("First Name")).ToHaveValueAsync("Sam");
        await Expect(page.GetByLabel("Last Name")).ToHaveValueAsync("Carter");
        await Expect(page.GetByLabel("Email")).ToHaveValueAsync("sam@example.com");
        foreach (var label in RequiredLabels)
        {
            await Expect(page.Locator("label", new() { HasTextString = label })).ToHaveCountAsync(1);
        }
        await Expect(page.GetByLabel("First Name")).ToHaveAttributeAsync("required", "");
        await Expect(page.GetByText("Recommended size is 222 x 222px.")).ToBeVisibleAsync();
        // No headshot yet: initials on a colour in the header.
        await Expect(page.GetByRole(AriaRole.Banner).Locator("img")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Banner).GetByText("SC", new() { Exact = true })).ToBeVisibleAsync();

        await DropFileAsync(page, TestImages.RedBlue(SKEncodedImageFormat.Png, 600, 400), "headshot.png", "image/png");

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Headshot saved." })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Headshot preview" })).ToHaveAttributeAsync("src", HeadshotUrl());
        await Expect(page.GetByText("headshot.png")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "remove" })).ToBeVisibleAsync();
        // The header follows at once, without a reload.
        await Expect(page.GetByRole(AriaRole.Banner).Locator("img")).ToHaveAttributeAsync("src", HeadshotUrl());
        await page.EvaluateAsync("scrollTo(0, 0)");
        await ScreenshotAsync(page, "edit-profile-en");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Profile saved." })).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Banner).Locator("img")).ToHaveAttributeAsync("src", HeadshotUrl());
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Headshot preview" })).ToHaveAttributeAsync("src", HeadshotUrl());
        var shown = await page.GetByRole(AriaRole.Banner).Locator("img").EvaluateAsync<int>("img => img.naturalWidth");
        Assert.Equal(222, shown);

        await page.GetByRole(AriaRole.Button, new() { Name = "remove" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Headshot removed." })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Headshot preview" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Banner).Locator("img")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit Profile" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Banner).Locator("img")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Banner).GetByText("SC", new() { Exact = true })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Agent_switches_to_Spanish_and_the_console_and_its_field_errors_are_in_Spanish() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "jordan@example.com");
        await OpenEditProfileAsync(page, "Jordan Lee");

        await page.GetByLabel("Locale").SelectOptionAsync(new SelectOptionValue { Label = "Spanish (United States)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        // No reload: the console speaks Spanish at once.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Editar perfil" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es-US");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Perfil guardado." })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Información de la cuenta" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Idioma y región")).ToHaveValueAsync("es-US");
        await Expect(page.GetByLabel("Nombre")).ToHaveValueAsync("Jordan");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Arrastre su imagen aquí." })).ToBeVisibleAsync();
        await Expect(page.GetByText(new Regex("^Último inicio de sesión: "))).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Pantalla de chat" })).ToBeVisibleAsync();
        await page.EvaluateAsync("scrollTo(0, 0)");
        await ScreenshotAsync(page, "edit-profile-es");

        // A bad field: its error in Spanish, next to it; the other change is not saved either.
        await page.GetByLabel("Nombre").FillAsync("");
        await page.GetByLabel("Apellido").FillAsync("Changed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar" }).ClickAsync();
        await Expect(page.GetByLabel("Nombre")).ToHaveAccessibleDescriptionAsync("Introduzca el nombre.");
        await Expect(page.GetByLabel("Nombre")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasTextString = "No se guardó el perfil." })).ToContainTextAsync("Nombre: Introduzca el nombre.");
        await ScreenshotAsync(page, "edit-profile-es-error");

        await page.ReloadAsync();
        await Expect(page.GetByLabel("Nombre")).ToHaveValueAsync("Jordan");
        await Expect(page.GetByLabel("Apellido")).ToHaveValueAsync("Lee");
        await page.GetByRole(AriaRole.Link, new() { Name = "Pantalla de chat" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pantalla de chat" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Jordan Lee" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Changing_the_timezone_moves_the_local_time_preview_and_the_last_sign_in() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "priya@example.com");
        await OpenEditProfileAsync(page, "Priya Patel");
        var lastSignIn = page.GetByText(new Regex("^Last sign-in: "));
        var localTime = page.GetByText(new Regex("^Local time: "));
        var signedInAt = await LastSignInAtAsync(page);
        await Expect(lastSignIn).ToHaveTextAsync(Formatted("Last sign-in: ", signedInAt, "America/Chicago"));
        var chicagoClock = await localTime.TextContentAsync();

        var zone = page.GetByRole(AriaRole.Combobox, new() { Name = "Timezone" });
        await zone.FillAsync("los angeles");
        await Expect(page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option)).ToHaveTextAsync(["America/Los_Angeles"]);
        await zone.FillAsync("tokyo");
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "Asia/Tokyo" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(zone).ToHaveValueAsync("Asia/Tokyo");
        await Expect(page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
        await Expect(lastSignIn).ToHaveTextAsync(Formatted("Last sign-in: ", signedInAt, "Asia/Tokyo"));
        await Expect(localTime).Not.ToHaveTextAsync(chicagoClock!);
        await Expect(localTime).ToHaveTextAsync(Formatted("Local time: ", DateTimeOffset.UtcNow, "Asia/Tokyo", toleranceMinutes: 2));

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Profile saved." })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(zone).ToHaveValueAsync("Asia/Tokyo");
        await Expect(lastSignIn).ToHaveTextAsync(Formatted("Last sign-in: ", signedInAt, "Asia/Tokyo"));
    });

    [Fact]
    public Task Files_that_cannot_be_a_headshot_get_a_clear_message_in_the_agents_language() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "chris@example.com");
        await OpenEditProfileAsync(page, "Chris Nguyen");
        await page.GetByLabel("Locale").SelectOptionAsync(new SelectOptionValue { Label = "Spanish (United States)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Editar perfil" })).ToBeVisibleAsync();

        // The headshot box's own alert (other parts of the screen have theirs).
        var refusal = page.GetByRole(AriaRole.Alert).And(page.Locator("#headshot-error"));

        // Refused before uploading: the browser knows an SVG is not a JPEG, PNG or WebP.
        await DropFileAsync(page, TestImages.Svg(), "logo.svg", "image/svg+xml", "Arrastre su imagen aquí.");
        await Expect(refusal).ToHaveTextAsync("Este tipo de archivo no se puede usar. Use una imagen JPEG, PNG o WebP.");

        // Refused by the server, which reads the bytes: a PNG signature followed by text.
        byte[] brokenPng = [.. TestImages.RedBlue(SKEncodedImageFormat.Png).Take(8), .. "not an image at all"u8];
        await DropFileAsync(page, brokenPng, "photo.png", "image/png", "Arrastre su imagen aquí.");
        await Expect(refusal).ToHaveTextAsync("El archivo no se pudo leer como imagen. Pruebe con otro archivo.");

        // An animated GIF renamed .png: the server goes by the bytes, not the name.
        await DropFileAsync(page, TestImages.Gif(), "funny.png", "image/png", "Arrastre su imagen aquí.");
        await Expect(refusal).ToHaveTextAsync("Este tipo de archivo no se puede usar. Use una imagen JPEG, PNG o WebP.");

        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Vista previa de la foto" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Banner).Locator("img")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "edit-profile-es-refused-file");
    });

    [Fact]
    public Task The_drop_box_opens_the_file_chooser_from_the_keyboard() => RunAsync(async () =>
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "manager@example.com");
        await OpenEditProfileAsync(page, "Maria Lopez");

        await page.GetByLabel("Email").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        var box = page.GetByRole(AriaRole.Button, new() { Name = "Drag your image here." });
        await Expect(box).ToBeFocusedAsync();
        await Expect(box).ToHaveAccessibleDescriptionAsync(new Regex("Recommended size is 222\\s*x\\s*222px"));

        // Enter on the focused box (pressed through the box: a late re-render of the page may have moved focus meanwhile).
        var chooser = await page.RunAndWaitForFileChooserAsync(() => box.PressAsync("Enter"));
        await chooser.SetFilesAsync(new FilePayload { Name = "maria.jpg", MimeType = "image/jpeg", Buffer = TestImages.RedBlue(SKEncodedImageFormat.Jpeg) });

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Headshot saved." })).ToBeVisibleAsync();
        await Expect(page.GetByText("maria.jpg")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Banner).Locator("img")).ToHaveAttributeAsync("src", HeadshotUrl());
    });

    [Fact]
    public Task Manager_edits_an_agents_time_zone_but_not_their_email_and_a_teammate_only_views() => RunAsync(async () =>
    {
        var chris = await NewPageAsync();
        await SignInAsync(chris, "chris@example.com");
        await Expect(chris.GetByRole(AriaRole.Heading, new() { Name = "Chat Screen" }).Or(chris.GetByRole(AriaRole.Heading, new() { Name = "Pantalla de chat" }))).ToBeVisibleAsync();
        var chrisId = await AgentIdAsync(chris);

        var manager = await NewPageAsync();
        await SignInAsync(manager, "manager@example.com");
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Chat Screen" })).ToBeVisibleAsync();
        await manager.GotoAsync($"/agents/{chrisId}/profile");
        await Expect(manager.GetByText("Profile of Chris Nguyen")).ToBeVisibleAsync();
        await Expect(manager.GetByLabel("Email")).ToHaveAttributeAsync("readonly", "");
        await Expect(manager.GetByLabel("Email")).ToHaveAccessibleDescriptionAsync("Only the agent or an Admin can change the email address.");
        await manager.GetByRole(AriaRole.Combobox, new() { Name = "Timezone" }).FillAsync("denver");
        await manager.GetByRole(AriaRole.Option, new() { Name = "America/Denver" }).ClickAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Profile saved." })).ToBeVisibleAsync();
        // The manager's own header and language are theirs, not the agent's.
        await Expect(manager.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Maria Lopez" })).ToBeVisibleAsync();

        var teammate = await NewPageAsync();
        await SignInAsync(teammate, "priya@example.com");
        await Expect(teammate.GetByRole(AriaRole.Banner)).ToBeVisibleAsync();
        await teammate.GotoAsync($"/agents/{chrisId}/profile");
        await Expect(teammate.GetByRole(AriaRole.Combobox, new() { Name = "Timezone" })).ToHaveValueAsync("America/Denver");
        // Seen, not editable: the fields are disabled and there is nothing to save.
        await Expect(teammate.GetByText("You can view this profile but not change it.")).ToBeVisibleAsync();
        await Expect(teammate.GetByLabel("First Name")).ToBeDisabledAsync();
        await Expect(teammate.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
    });

    static async Task<string> AgentIdAsync(IPage page)
    {
        var me = await page.APIRequest.GetAsync("/api/me");
        using var json = JsonDocument.Parse(await me.TextAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }

    static async Task OpenEditProfileAsync(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = name }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Edit Profile" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit Profile" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/profile$"));
    }

    /// <summary>A real drop: a DataTransfer holding a File made in the page, dispatched on the box as a browser does.</summary>
    static async Task DropFileAsync(IPage page, byte[] bytes, string fileName, string type, string box = "Drag your image here.")
    {
        var dataTransfer = await page.EvaluateHandleAsync(
            """
            ([base64, name, type]) => {
              const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
              const transfer = new DataTransfer();
              transfer.items.add(new File([bytes], name, { type }));
              return transfer;
            }
            """,
            new[] { Convert.ToBase64String(bytes), fileName, type });
        var target = page.GetByRole(AriaRole.Button, new() { Name = box });
        foreach (var eventName in DropEvents)
        {
            await target.DispatchEventAsync(eventName, new { dataTransfer });
        }
    }

    static Regex HeadshotUrl() => new("^/media/headshots/[0-9a-f-]{36}/[0-9a-f]{16}-(222|444)\\.jpg$");

    static async Task<DateTimeOffset> LastSignInAtAsync(IPage page)
    {
        var me = await page.APIRequest.GetAsync("/api/me");
        using var json = JsonDocument.Parse(await me.TextAsync());
        return json.RootElement.GetProperty("lastSignInAt").GetDateTimeOffset();
    }

    /// <summary>
    /// The text the console shows for an instant in a zone (en-US, "Jan 15, 2025, 12:30 PM"), as a
    /// pattern; with a tolerance, any of the minutes around it (for a ticking clock).
    /// </summary>
    static Regex Formatted(string prefix, DateTimeOffset instant, string zone, int toleranceMinutes = 0)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var options = Enumerable.Range(-toleranceMinutes, 2 * toleranceMinutes + 1).Select(m =>
        {
            var local = TimeZoneInfo.ConvertTime(instant.AddMinutes(m), tz);
            var text = local.ToString("MMM d, yyyy, h:mm tt", CultureInfo.InvariantCulture);
            // ICU puts a narrow no-break space before AM/PM: accept any space.
            return Regex.Escape(text).Replace("\\ ", "\\s", StringComparison.Ordinal);
        });
        return new Regex($"^{Regex.Escape(prefix)}({string.Join('|', options)})$");
    }
}
