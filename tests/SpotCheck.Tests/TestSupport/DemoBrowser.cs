using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SpotCheck.Core.Identity;

namespace SpotCheck.Tests.TestSupport;

/// <summary>
/// The demo bureau on a real port (SQLite) with some users, and the Debian Chromium signing them in: a page per user
/// that collects the console errors the page itself caused (the browser's own favicon request is not the page's doing).
/// </summary>
public sealed class DemoBrowser : IAsyncDisposable
{
    TestStorage _storage = null!;
    SpotCheckFactory _factory = null!;
    IPlaywright _playwright = null!;
    IBrowser? _browser;
    string _baseUrl = "";

    /// <param name="users">User name and role of each user to create.</param>
    public static async Task<DemoBrowser> StartAsync(params (string Name, string Role)[] users)
    {
        var demo = new DemoBrowser { _storage = (await TestStorage.CreateAsync(DbProvider.Sqlite))! };
        demo._factory = new SpotCheckFactory(demo._storage, demo: true);
        demo._baseUrl = demo._factory.StartOnPort();
        await using (var scope = demo._factory.Services.CreateAsyncScope())
            foreach (var (name, role) in users)
            {
                var created = await scope.ServiceProvider.GetRequiredService<CreateUser.Handler>()
                    .HandleAsync(new CreateUser.Command(name, role, TestHost.Password, "test"), CancellationToken.None);
                Assert.True(created.IsSuccess, created.Error?.Message);
            }
        demo._playwright = await Playwright.CreateAsync();
        return demo;
    }

    /// <summary>Signs the user in on a new browser context <paramref name="width"/> px wide (downloads accepted).</summary>
    public async Task<(IPage Page, List<string> Errors)> SignInAsync(string user, int width)
    {
        _browser ??= await RequiredTools.LaunchChromiumAsync(_playwright);
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _baseUrl, Locale = "zh-CN", AcceptDownloads = true, ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error" && !m.Location.Contains("/favicon.ico", StringComparison.Ordinal)) errors.Add(m.Location + ": " + m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_UserName", user);
        await page.FillAsync("#Input_Password", TestHost.Password);
        await page.ClickAsync("#login-submit");
        await page.ArrivedAtAsync("**/Staff");
        return (page, errors);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
        await _storage.DisposeAsync();
    }
}
