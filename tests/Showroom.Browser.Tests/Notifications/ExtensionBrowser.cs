using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Showroom.Browser.Tests.Infrastructure;
using Showroom.Tests.Infrastructure;

namespace Showroom.Browser.Tests.Notifications;

/// <summary>
/// Debian's Chromium with the extension as an agent gets it: downloaded from the server (its manifest made for that
/// server), unzipped, and loaded unpacked into a persistent profile. Chromium's headless mode is the new one (the
/// whole browser without a window), which runs extensions and their service workers.
/// Playwright .NET has no handle on service workers, so the test looks through an extension page of its own (the
/// "probe": offer.html with no offer, which never messages the worker, so it neither wakes nor keeps it): the same
/// chrome.* state the worker writes (its view in storage.session, the token, badge, windows, notifications), and the
/// DevTools protocol's ServiceWorker domain to see the worker run and to stop it.
/// </summary>
sealed class ExtensionBrowser : IAsyncDisposable
{
    readonly IPlaywright _playwright;
    readonly string _profile;
    readonly string _extension;
    readonly ICDPSession _devTools;
    readonly Dictionary<string, string> _workerStatus = [];

    ExtensionBrowser(IPlaywright playwright, IBrowserContext context, string profile, string extension, string id, IPage probe, ICDPSession devTools)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
        _extension = extension;
        Id = id;
        Probe = probe;
        _devTools = devTools;
        devTools.Event("ServiceWorker.workerVersionUpdated").OnEvent += (_, e) =>
        {
            foreach (var version in e?.GetProperty("versions").EnumerateArray() ?? [])
            {
                if (version.GetProperty("scriptURL").GetString() == Url("background.js"))
                {
                    lock (_workerStatus)
                    {
                        _workerStatus[version.GetProperty("versionId").GetString()!] = version.GetProperty("runningStatus").GetString()!;
                    }
                }
            }
        };
    }

    public IBrowserContext Context { get; }

    /// <summary>The extension's id: fixed by the key the server put into its manifest.</summary>
    public string Id { get; }

    /// <summary>An extension page the test reads the extension's state through.</summary>
    public IPage Probe { get; }

    public string Url(string file) => $"chrome-extension://{Id}/{file}";

    /// <summary>The extension's service worker runs (as the DevTools protocol reports it).</summary>
    public bool WorkerRunning
    {
        get
        {
            lock (_workerStatus)
            {
                return _workerStatus.Values.Any(s => s == "running");
            }
        }
    }

    public static async Task<ExtensionBrowser> LaunchAsync(ShowroomApp app)
    {
        var extension = Directory.CreateTempSubdirectory("showroom-extension-").FullName;
        string id;
        await using (var session = await app.SignInAsync("sam@example.com"))
        {
            id = (await session.GetJsonAsync<JsonElement>("/api/extension")).GetProperty("id").GetString()!;
            using var response = await session.Http.GetAsync("/api/extension/download");
            response.EnsureSuccessStatusCode();
            Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
            await using var zip = await response.Content.ReadAsStreamAsync();
            await ZipFile.ExtractToDirectoryAsync(zip, extension);
        }

        var profile = Directory.CreateTempSubdirectory("showroom-profile-").FullName;
        var playwright = await Playwright.CreateAsync();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            BaseURL = app.BaseAddress.ToString(),
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                $"--disable-extensions-except={extension}", $"--load-extension={extension}"],
        });
        context.SetDefaultTimeout(10_000);
        var probe = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        // The id in the server's manifest key is the id Chromium gave the extension: its pages load under it.
        await probe.GotoAsync($"chrome-extension://{id}/offer.html");
        var devTools = await context.NewCDPSessionAsync(probe);
        var browser = new ExtensionBrowser(playwright, context, profile, extension, id, probe, devTools);
        await devTools.SendAsync("ServiceWorker.enable");
        return browser;
    }

    /// <summary>
    /// What the worker last wrote: { connected, paired (a token is stored), offers: [{ id, shopper, receivedAt }], badge }.
    /// receivedAt is the worker's wall clock (Date.now()) when the offer reached it.
    /// </summary>
    public async Task<JsonElement> StateAsync() =>
        await Probe.EvaluateAsync<JsonElement>("""
            async () => {
              const { view } = await chrome.storage.session.get("view");
              const { token } = await chrome.storage.local.get("token");
              return {
                connected: view?.connection === "connected",
                paired: typeof token === "string",
                offers: (view?.offers ?? []).map(w => ({ id: w.offer.id, shopper: w.offer.shopperName, receivedAt: w.receivedAt })),
                badge: await chrome.action.getBadgeText({}),
              };
            }
            """);

    /// <summary>Polls the extension's state until it satisfies the condition; returns that state.</summary>
    public async Task<JsonElement> StateUntilAsync(Func<JsonElement, bool> condition, string what, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(10);
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var state = await StateAsync();
            if (condition(state))
            {
                return state;
            }
            if (stopwatch.Elapsed > limit)
            {
                throw new TimeoutException($"Not true within {limit.TotalSeconds} s: {what}; last state {state}");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>The offer ids of the extension's pop-up windows, read from their tabs (offer.html?id=…).</summary>
    public async Task<string[]> PopUpOffersAsync() =>
        (await Probe.EvaluateAsync<JsonElement>("""
            async () => (await chrome.windows.getAll({ windowTypes: ["popup"], populate: true }))
              .flatMap(w => w.tabs ?? []).map(t => new URL(t.url).searchParams.get("id"))
            """)).EnumerateArray().Select(e => e.GetString()!).ToArray();

    public async Task<string[]> NotificationIdsAsync() =>
        (await Probe.EvaluateAsync<JsonElement>("async () => Object.keys(await chrome.notifications.getAll())"))
            .EnumerateArray().Select(e => e.GetString()!).ToArray();

    /// <summary>Stops the extension's service worker through the DevTools protocol, as Chrome stops an idle one.</summary>
    public async Task StopWorkerAsync()
    {
        await Eventually.TrueAsync(() => WorkerRunning, "the worker runs");
        await _devTools.SendAsync("ServiceWorker.stopAllWorkers");
        await Eventually.TrueAsync(() => !WorkerRunning, "the worker stopped");
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        _playwright.Dispose();
        foreach (var directory in new[] { _profile, _extension })
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold a file for a moment; the temp cleaner takes it.
            }
        }
    }
}
