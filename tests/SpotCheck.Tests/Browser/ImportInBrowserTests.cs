using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SpotCheck.Core.Data;
using SpotCheck.Core.Demo;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Transfer;
using SpotCheck.TestFiles;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Browser;

/// <summary>
/// The foundation's acceptance path in a real Chromium against the real app on a real port: sign in, see the demo
/// lists, upload an xlsx with bad rows (error report, nothing imported), upload the fixed file (imported).
/// </summary>
public sealed class ImportInBrowserTests
{
    static readonly string ArtifactsDir = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    [SkippableFact]
    public async Task Admin_signs_in_sees_the_demo_lists_and_imports_an_xlsx_all_or_nothing()
    {
        RequiredTools.Chromium();
        await using var storage = (await TestStorage.CreateAsync(DbProvider.Sqlite))!;
        await using var factory = new SpotCheckFactory(storage, demo: true);
        var baseUrl = factory.StartOnPort();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateUser.Handler>()
                .HandleAsync(new CreateUser.Command("admin", Roles.Admin, TestHost.Password, "test"), CancellationToken.None);
            Assert.True(created.IsSuccess, created.Error?.Message);
        }
        var badFile = WriteEnterprises("enterprises-bad.xlsx", withErrors: true);
        var goodFile = WriteEnterprises("enterprises-fixed.xlsx", withErrors: false);
        var before = await CountEnterprisesAsync(factory);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await RequiredTools.LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = baseUrl, Locale = "zh-CN" });
        Directory.CreateDirectory(ArtifactsDir);

        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_UserName", "admin");
        await page.FillAsync("#Input_Password", TestHost.Password);
        await page.ClickAsync("#login-submit");
        await page.ArrivedAtAsync("**/Staff");
        Assert.Equal("admin", await page.InnerTextAsync("#current-user"));
        await ShotAsync(page, "01-workbench");

        await page.GotoAsync("/Staff/Items");
        Assert.Contains("汽车产品生产销售", await page.InnerTextAsync("#items"));
        Assert.Contains("示例数据", await page.InnerTextAsync("#items"));
        await ShotAsync(page, "02-items");

        await page.GotoAsync("/Staff/Enterprises");
        Assert.Equal(DemoData.EnterpriseCount.ToString(), await page.InnerTextAsync("#enterprise-total"));
        await ShotAsync(page, "03-enterprises");

        await page.GotoAsync("/Staff/Officers");
        var officers = await page.InnerTextAsync("#officers");
        Assert.Contains("张明", officers);
        Assert.Contains("李华", officers);
        await ShotAsync(page, "04-officers");

        await page.GotoAsync("/Staff/Import?kind=enterprises");
        await page.SetInputFilesAsync("#Upload", badFile);
        await page.ClickAsync("#import-submit");
        await page.WaitForSelectorAsync("#error-report");
        var reportRows = await page.Locator("#error-report tbody tr").AllInnerTextsAsync();
        Assert.Equal(2, reportRows.Count);
        Assert.StartsWith("3", reportRows[0]); // row 3: the USCC with a wrong check character
        Assert.Contains("统一社会信用代码", reportRows[0]);
        Assert.StartsWith("4", reportRows[1]); // row 4: risk class E
        Assert.Contains("未导入任何数据", await page.InnerTextAsync("#import-failed"));
        await ShotAsync(page, "05-import-errors");
        Assert.Equal(before, await CountEnterprisesAsync(factory));

        await page.SetInputFilesAsync("#Upload", goodFile);
        await page.ClickAsync("#import-submit");
        await page.WaitForSelectorAsync("#import-success");
        Assert.Equal("3", await page.InnerTextAsync("#imported-count"));
        await ShotAsync(page, "06-import-success");
        Assert.Equal(before + 3, await CountEnterprisesAsync(factory));

        await page.GotoAsync("/Staff/Enterprises?name=" + Uri.EscapeDataString("浏览器测试"));
        Assert.Equal("3", await page.InnerTextAsync("#enterprise-total"));
        await ShotAsync(page, "07-imported-enterprises");

        // Excel's csv from Chinese Windows, on a phone: GB18030, a title line, a full-width USCC, an extra column.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/Staff/Import?kind=enterprises");
        var uscc = DemoData.UsccFor(9004).Value;
        var gb = ClerkFiles.Gb18030Csv(Path.Combine(Path.GetDirectoryName(badFile)!, "enterprises-gb18030.csv"),
        [
            ["西平县检查对象名录（补充）"],
            [.. EnterpriseLayout.Headers.Take(11), "备注"],
            [string.Concat(uscc.Select(c => (char)(c + 0xFEE0))), "浏览器测试企业9004", "411721", "西平县测试路4号", "煤炭经营", "A", "否", "否", "存续", "王五", "0396-0000000", "新登记"],
        ]);
        await page.SetInputFilesAsync("#Upload", gb);
        await page.ClickAsync("#import-submit");
        await page.WaitForSelectorAsync("#import-success");
        Assert.Contains("GB18030", await page.InnerTextAsync("#import-encoding"));
        Assert.Contains("“备注”不是导入格式中的列", await page.InnerTextAsync("#import-warnings"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the import page scrolls sideways at 390 px");
        await ShotAsync(page, "08-import-gb18030-csv-phone");
        Assert.Equal(before + 4, await CountEnterprisesAsync(factory));
    }

    /// <summary>Three new enterprises; with errors, row 3 has a wrong check character and row 4 risk class E.</summary>
    static string WriteEnterprises(string name, bool withErrors)
    {
        string?[] Row(int serial, string risk, bool corruptCheck)
        {
            var uscc = DemoData.UsccFor(serial).Value;
            if (corruptCheck) uscc = uscc[..17] + (uscc[17] == '0' ? '1' : '0');
            return [uscc, $"浏览器测试企业{serial}", "411721", "西平县测试路1号", "煤炭经营", risk, "否", "否", "存续", "王五", "0396-0000000"];
        }
        var rows = new[] { Row(9001, "A", false), Row(9002, "B", withErrors), Row(9003, withErrors ? "E" : "C", false) };
        var path = Path.Combine(ArtifactsDir, "..", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = File.Create(path)) TabularFile.Write(file, TabularFormat.Xlsx, TransferLists.Layout(ListKind.Enterprises), rows);
        return Path.GetFullPath(path);
    }

    static async Task<int> CountEnterprisesAsync(SpotCheckFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Enterprises.CountAsync();
    }

    static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDir, name + ".png"), FullPage = true });
}
