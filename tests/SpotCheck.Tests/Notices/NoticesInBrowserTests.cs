using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Tasks;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Notices;

/// <summary>
/// The demo bureau in a real Chromium at phone size (390×844): 张明 issues the 检查结果告知书 of one of his approved
/// tasks and downloads it; the Admin's notice settings pages fit the screen. Screenshots go to artifacts/notices.
/// </summary>
public sealed class NoticesInBrowserTests
{
    static readonly string ArtifactsDir = Path.Combine(AppContext.BaseDirectory, "artifacts", "notices");

    [SkippableFact]
    public async Task An_officer_issues_a_result_notice_on_the_phone_and_the_admin_settings_fit_it()
    {
        await using var storage = (await TestStorage.CreateAsync(DbProvider.Sqlite))!;
        await using var factory = new SpotCheckFactory(storage, demo: true);
        var baseUrl = factory.StartOnPort();
        int taskId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var create = scope.ServiceProvider.GetRequiredService<CreateUser.Handler>();
            Assert.True((await create.HandleAsync(new CreateUser.Command("zhangming", Roles.Officer, TestHost.Password, "test", OfficerCode: "XP-OFF-01"), CancellationToken.None)).IsSuccess);
            Assert.True((await create.HandleAsync(new CreateUser.Command("admin", Roles.Admin, TestHost.Password, "test"), CancellationToken.None)).IsSuccess);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var zhang = await db.Officers.SingleAsync(o => o.Code == "XP-OFF-01");
            taskId = await db.InspectionTasks.Where(t => (t.State == TaskState.Approved || t.State == TaskState.Published) && t.Members.Any(m => m.IsActive && m.OfficerId == zhang.Id))
                .OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await RequiredTools.LaunchChromiumAsync(playwright);
        Directory.CreateDirectory(ArtifactsDir);
        var phone = new BrowserNewContextOptions
        {
            BaseURL = baseUrl, Locale = "zh-CN", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
            DeviceScaleFactor = 2, AcceptDownloads = true,
        };

        await using var officer = await browser.NewContextAsync(phone);
        var page = await officer.NewPageAsync();
        await SignInAsync(page, "zhangming");
        await page.GotoAsync($"/Staff/Tasks/Details/{taskId}");
        Assert.Contains("尚未签发", await page.InnerTextAsync("#notice-result"));
        await page.ClickAsync("#notice-result button");
        await page.WaitForSelectorAsync("#notice-result a");
        var year = DateTime.UtcNow.AddHours(8).Year.ToString(CultureInfo.InvariantCulture);
        var number = $"西科工检告〔{year}〕1号";
        Assert.Contains(number, await page.InnerTextAsync("#notice-result"));
        Assert.Contains("张明", await page.InnerTextAsync("#notice-result")); // the issuer by name, not the login
        var block = (await page.Locator("#notices").BoundingBoxAsync())!;
        Assert.True(block.X + block.Width <= 390, $"the notices block is {block.X + block.Width} px wide");
        await page.Locator("#notices").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDir, "phone-task-notices.png") });

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#notice-result a"));
        Assert.Equal($"检查结果告知书-{number}.docx", download.SuggestedFilename);
        var file = Path.Combine(ArtifactsDir, "downloaded-result-notice.docx");
        await download.SaveAsAsync(file);
        using (var doc = WordprocessingDocument.Open(file, false))
        {
            var text = doc.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("西平县科技和工业信息化局", text);
            Assert.Contains(number, text);
            Assert.Contains("联系人：示例联系人", text);
            Assert.Contains("送达回证", text);
        }

        await using var adminContext = await browser.NewContextAsync(phone);
        var admin = await adminContext.NewPageAsync();
        await SignInAsync(admin, "admin");
        await admin.GotoAsync("/Admin/Notices");
        Assert.Contains("西科工检通〔{year}〕{seq}号", await admin.InnerTextAsync("#notice-settings"));
        await AssertFitsAsync(admin, "phone-admin-notice-settings");
        await admin.ClickAsync("#notice-settings a >> nth=0");
        await admin.ArrivedAtAsync("**/Admin/Notices/Edit/*");
        await admin.FillAsync("#Input_ContactPhone", "0396-7777777");
        await AssertFitsAsync(admin, "phone-admin-notice-settings-edit");
        await admin.ClickAsync("#notice-settings-save");
        await admin.ArrivedAtAsync("**/Admin/Notices");
        Assert.Contains("已保存", await admin.InnerTextAsync("#notice-settings-message"));
    }

    static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_UserName", user);
        await page.FillAsync("#Input_Password", TestHost.Password);
        await page.ClickAsync("#login-submit");
        await page.ArrivedAtAsync("**/Staff");
    }

    static async Task AssertFitsAsync(IPage page, string shot)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDir, shot + ".png"), FullPage = true });
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"{shot}: the page is {width} px wide at 390 px");
    }
}
