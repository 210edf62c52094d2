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
    DemoBrowser _demo = null!;

    public async Task InitializeAsync() => _demo = await DemoBrowser.StartAsync(("planner", Roles.Planner));

    public async Task DisposeAsync() => await _demo.DisposeAsync();

    [SkippableFact]
    public async Task The_export_button_shows_progress_then_a_download_of_every_row()
    {
        var (page, errors) = await _demo.SignInAsync("planner", 390);

        await page.GotoAsync("/Staff/Export");
        await page.ClickAsync("[data-export='enterprises-xlsx']");
        await page.ArrivedAtAsync("**/Staff/Export?job=*");
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
