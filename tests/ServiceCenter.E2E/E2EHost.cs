using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ServiceCenter.E2E;

/// <summary>
/// The real host on a free 127.0.0.1 port (Kestrel) over a fresh SQLite file, and Debian's
/// Chromium driven by Playwright. One per test class.
/// </summary>
public sealed class E2EHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@e2e.local";
    public const string AdminPassword = "Admin-e2e-1";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "sc-e2e", Guid.NewGuid().ToString("N"));
    private readonly string _profileDirectory = Path.Combine(Path.GetTempPath(), "sc-e2e-profile", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public E2EHost() => UseKestrel(0);

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowserContext Browser { get; private set; } = default!;

    /// <summary>Where screenshots of the journeys go (looked at by people, kept out of git).</summary>
    public static string ScreenshotDirectory
    {
        get
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("DataDirectory", _dataDirectory);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("RateLimiting:AuthPermitsPerMinute", "1000");
        builder.UseSetting("RateLimiting:StatusPermitsPerMinute", "1000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public async Task InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Directory.CreateDirectory(_profileDirectory);
        Browser = await _playwright.Chromium.LaunchPersistentContextAsync(_profileDirectory, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Locale = "ru-RU",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage",
                // A synthetic camera that needs no permission prompt (DESIGN §6): the photo journeys use it.
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
            ],
        });
        Browser.SetDefaultTimeout(20_000);

        // A full page load (a save that navigates, a link to a card) renders the page on the server first; with the whole
        // suite's browsers, hosts and databases on two cores that has taken more than 20 s in clean-clone runs.
        Browser.SetDefaultNavigationTimeout(60_000);
    }

    /// <summary>Opens a page and waits until the Blazor circuit is interactive (clicks before that do nothing).</summary>
    public async Task<IPage> OpenAsync(string path, IPage? page = null)
    {
        page ??= await Browser.NewPageAsync();
        await page.GotoAsync(BaseUrl + path);
        return page;
    }

    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("#interactive-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Closes an open MudSelect/MudMenu popover (Escape, then a click on its overlay) until <paramref name="insidePopover"/> is gone.
    /// Each try waits up to 3 s for the server to close it: a second key or click sent while a loaded server is still closing
    /// the popover reaches the dialog behind it and closes that instead.
    /// </summary>
    public static async Task ClosePopoverAsync(IPage page, ILocator insidePopover)
    {
        for (var attempt = 0; attempt < 5 && await insidePopover.IsVisibleAsync(); attempt++)
        {
            if (attempt % 2 == 0)
            {
                await page.Keyboard.PressAsync("Escape");
            }
            else
            {
                await page.Mouse.ClickAsync(5, 880);
            }

            try
            {
                await insidePopover.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden, Timeout = 3_000 });
            }
            catch (TimeoutException)
            {
                // Still open: the next try uses the other way.
            }
        }

        await insidePopover.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
    }

    /// <summary>The API with the administrator's bearer token, to arrange what a journey starts from.</summary>
    public async Task<HttpClient> ApiAsync()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = AdminEmail, password = AdminPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        return client;
    }

    public async Task<IPage> SignInAsync(string email = AdminEmail, string password = AdminPassword)
    {
        var page = await OpenAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Пароль").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await WaitInteractiveAsync(page);
        return page;
    }

    public new async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        TryDelete(_dataDirectory);
        TryDelete(_profileDirectory);
    }

    private static void TryDelete(string path)
    {
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
