using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using MiniExcelLibs;
using SpotCheck.Core.Identity;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Browser;

/// <summary>
/// Issue 13 in a real Chromium on the demo's 2025: every chart is drawn (a canvas beside each table, no console
/// errors), the page fits 390 px, each table's xlsx export holds the numbers on the screen, and the printable view
/// prints to an A4 PDF whose text keeps its Chinese. Screenshots and the PDF go to artifacts/statistics.
/// </summary>
public sealed class StatisticsInBrowserTests : IAsyncLifetime
{
    static readonly string ArtifactsDir = Path.Combine(AppContext.BaseDirectory, "artifacts", "statistics");
    DemoBrowser _demo = null!;

    public async Task InitializeAsync()
    {
        _demo = await DemoBrowser.StartAsync(("supervisor", Roles.Supervisor));
        Directory.CreateDirectory(ArtifactsDir);
    }

    public async Task DisposeAsync() => await _demo.DisposeAsync();

    [SkippableFact]
    public async Task The_2025_dashboard_draws_every_chart_and_its_xlsx_exports_match_the_screen()
    {
        var (page, errors) = await _demo.SignInAsync("supervisor", 390);
        await page.GotoAsync("/Staff/Statistics?year=2025");
        await WaitForChartsAsync(page);

        Assert.Equal("13", await page.InnerTextAsync("#card-tasks"));
        Assert.Equal("100.0%", await page.InnerTextAsync("#card-on-time"));
        Assert.Equal("未发现偏向", await page.InnerTextAsync("#card-fairness"));
        Assert.Equal("0", await page.InnerTextAsync("#card-alerts"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390 px");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDir, "01-dashboard-390.png"), FullPage = true });

        var tableIds = await page.EvalOnSelectorAllAsync<string[]>("table.stat-table", "ts => ts.map(t => t.id.substring(6))");
        Assert.Contains("coverage", tableIds);
        Assert.Contains("officers-2025-P1-01", tableIds);
        foreach (var id in tableIds)
        {
            var screen = await page.EvalOnSelectorAsync<string[][]>($"#table-{id}",
                "t => Array.from(t.tBodies[0].rows, r => Array.from(r.cells, c => c.textContent.trim()))");
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync($"#section-{id} a.stat-export"));
            var path = Path.Combine(ArtifactsDir, $"{id}.xlsx");
            await download.SaveAsAsync(path);
            var sheet = MiniExcel.Query(path).Cast<IDictionary<string, object?>>()
                .Select(r => r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToArray()).ToList();
            // Title, period, header, then the rows exactly as on the screen (numbers compared as numbers).
            var rows = sheet.Skip(3).Take(screen.Length).ToList();
            Assert.Equal(screen.Length, rows.Count);
            for (var r = 0; r < screen.Length; r++)
                for (var c = 0; c < screen[r].Length; c++)
                    Assert.True(SameValue(screen[r][c], rows[r][c]), $"{id} row {r} column {c}: screen \"{screen[r][c]}\", xlsx \"{rows[r][c]}\"");
        }
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task The_printable_view_prints_to_an_A4_pdf_with_its_chinese_intact()
    {
        var (page, errors) = await _demo.SignInAsync("supervisor", 1280);
        await page.GotoAsync("/Staff/Statistics?year=2025");
        await page.ClickAsync("#print-link");
        await page.ArrivedAtAsync("**/Staff/Statistics/Print?year=2025");
        await WaitForChartsAsync(page);
        Assert.Contains("西平县科技和工业信息化局", await page.InnerTextAsync("#print-title"));
        Assert.Contains("2025年度", await page.InnerTextAsync("#print-period"));
        Assert.Matches(@"生成时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}", await page.InnerTextAsync("#print-generated"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDir, "02-print.png"), FullPage = true });

        var pdf = Path.Combine(ArtifactsDir, "statistics-2025.pdf");
        await page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4", PrintBackground = true });
        Skip.IfNot(File.Exists("/usr/bin/pdftotext") || RequiredTools.InCi, "pdftotext (poppler-utils) is not installed");
        var text = await RunAsync("/usr/bin/pdftotext", "-layout", pdf, "-");
        Assert.Contains("双随机、一公开", text);
        Assert.Contains("公平性结论", text);
        Assert.Contains("各层抽取数均等于按计划比例计算的应抽数", text.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
        Assert.Empty(errors);
    }

    static bool SameValue(string screen, string xlsx) =>
        screen == xlsx || (decimal.TryParse(screen, CultureInfo.InvariantCulture, out var a) && decimal.TryParse(xlsx, CultureInfo.InvariantCulture, out var b) && a == b);

    static async Task WaitForChartsAsync(IPage page)
    {
        var charts = await page.Locator("[data-chart-for]").CountAsync();
        Assert.True(charts >= 8, $"only {charts} charts");
        await page.WaitForFunctionAsync($"document.querySelectorAll('[data-chart-for] canvas').length >= {charts}");
    }

    static async Task<string> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
