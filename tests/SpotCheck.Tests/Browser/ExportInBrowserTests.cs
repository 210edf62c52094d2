using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using SpotCheck.Core.Identity;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Browser;

/// <summary>
/// A clerk exports the enterprise directory on a phone-sized screen in Chromium: the button starts the background
/// export, the progress panel (polled by htmx under the page's Content-Security-Policy) turns into a download link, and
/// the downloaded xlsx holds every row the panel counted.
/// </summary>
public sealed class ExportInBrowserTests : IAsyncLifetime
{
    TestStorage _storage = null!;
    SpotCheckFactory _factory = null!;
    IPlaywright _playwright = null!;
    IBrowser? _browser;
    string _baseUrl = "";

    public async Task InitializeAsync()
    {
        _storage = (await TestStorage.CreateAsync(DbProvider.Sqlite))!;
        _factory = new SpotCheckFactory(_storage, demo: true);
        _baseUrl = _factory.StartOnPort();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateUser.Handler>()
                .HandleAsync(new CreateUser.Command("planner", Roles.Planner, TestHost.Password, "test"), CancellationToken.None);
            Assert.True(created.IsSuccess, created.Error?.Message);
        }
        _playwright = await Playwright.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
        await _storage.DisposeAsync();
    }

    [SkippableFact]
    public async Task The_export_button_shows_progress_then_a_download_of_every_row()
    {
        _browser = await RequiredTools.LaunchChromiumAsync(_playwright);
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _baseUrl, Locale = "zh-CN", AcceptDownloads = true, ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error" && !m.Location.Contains("/favicon.ico", StringComparison.Ordinal)) errors.Add(m.Location + ": " + m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_UserName", "planner");
        await page.FillAsync("#Input_Password", TestHost.Password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync("**/Staff");

        await page.GotoAsync("/Staff/Export");
        await page.ClickAsync("[data-export='enterprises-xlsx']");
        await page.WaitForURLAsync("**/Staff/Export?job=*");
        await page.Locator("#export-file").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var status = await page.InnerTextAsync("#export-status");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-file"));
        var path = Path.Combine(Path.GetTempPath(), "spotcheck-export-" + Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(path);

        try
        {
            Assert.Equal("检查对象名录库.xlsx", download.SuggestedFilename);
            var rows = MiniExcel.Query(path, useHeaderRow: true).Count();
            Assert.True(rows > 0);
            Assert.Contains("共 " + rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " 行", status);
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390 px");
            Assert.Empty(errors);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
