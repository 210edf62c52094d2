using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Tasks;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Browser;

/// <summary>
/// Issue 5's acceptance walk for the demo bureau, in a real Chromium against the real app on a real port, one browser
/// context per person: plan → publish → ceremony by organiser and supervisor with dice → tasks for 张明 and 李华 →
/// a finding with a photo → the other officer confirms → reviewer approves → 整改 re-check task → 诚信档案; the
/// downloaded draw record passes the real <c>spotcheck draw verify</c>. Screenshots of each step go to
/// artifacts/whole-year.
/// </summary>
public sealed class WholeYearWalkTests : IAsyncLifetime
{
    static readonly string ArtifactsDir = Path.Combine(AppContext.BaseDirectory, "artifacts", "whole-year");
    const string Dice = "dice:31415926535897932384";

    TestStorage _storage = null!;
    SpotCheckFactory _factory = null!;
    IPlaywright _playwright = null!;
    IBrowser? _browser;
    string _baseUrl = "";
    int _shot;

    public async Task InitializeAsync()
    {
        _storage = (await TestStorage.CreateAsync(DbProvider.Sqlite))!;
        _factory = new SpotCheckFactory(_storage, demo: true);
        _baseUrl = _factory.StartOnPort();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var create = scope.ServiceProvider.GetRequiredService<CreateUser.Handler>();
            foreach (var (name, role, officer) in new[]
                     {
                         ("planner", Roles.Planner, (string?)null), ("supervisor", Roles.Supervisor, null),
                         ("zhangming", Roles.Officer, "XP-OFF-01"), ("lihua", Roles.Officer, "XP-OFF-02"), ("reviewer", Roles.Reviewer, null),
                     })
            {
                var created = await create.HandleAsync(new CreateUser.Command(name, role, TestHost.Password, "test", OfficerCode: officer), CancellationToken.None);
                Assert.True(created.IsSuccess, created.Error?.Message);
            }
        }
        _playwright = await Playwright.CreateAsync();
        if (Directory.Exists(ArtifactsDir)) Directory.Delete(ArtifactsDir, recursive: true);
        Directory.CreateDirectory(ArtifactsDir);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
        await _storage.DisposeAsync();
    }

    [SkippableFact]
    public async Task The_demo_bureau_walks_a_whole_year_from_plan_to_credit_record()
    {
        _browser = await RequiredTools.LaunchChromiumAsync(_playwright);
        var planner = await SignInAsync("planner");
        var supervisor = await SignInAsync("supervisor");

        // 1. Plan: both items, the bureau alone, small ratios so two officers can staff every target.
        await planner.GotoAsync("/Staff/Plans/Edit");
        await planner.FillAsync("#Input_Name", "2026年度工业和信息化领域双随机抽查");
        foreach (var box in await planner.Locator("input[name='Input.ItemIds']").AllAsync()) await box.CheckAsync();
        await planner.CheckAsync("#dept-XPKGJ");
        foreach (var (risk, pct) in new[] { ("A", "1"), ("B", "1"), ("C", "2"), ("D", "5") }) await planner.FillAsync($"#pct-{risk}", pct);
        await planner.FillAsync("#Input_TeamSize", "2");
        // Both officers staffed the demo's 2025 targets; drawn again they could not be staffed (REPEAT_PREVIOUS).
        await planner.FillAsync("#Input_WindowDays", "730");
        await ShotAsync(planner, "plan-form");
        await planner.ClickAsync("button:has-text('保存草稿')");
        await planner.ArrivedAtAsync("**/Staff/Plans");
        var row = planner.Locator("#plans tbody tr", new() { HasText = "2026年度工业和信息化领域双随机抽查" });
        await row.Locator("button:has-text('发布')").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("已发布");
        await ShotAsync(planner, "plan-published");
        var publicPlans = await planner.APIRequest.GetAsync("/api/v1/public/plans");
        Assert.Contains("2026年度工业和信息化领域双随机抽查", await publicPlans.TextAsync());

        // 2. Freeze the frame with the randomness source declared in advance.
        await row.Locator("a:has-text('抽取')").ClickAsync();
        await planner.SelectOptionAsync("#source-kind", "dice");
        await planner.FillAsync("#source", "组织方与监督方在抽取现场各掷骰子，依次记录");
        await ShotAsync(planner, "freeze-form");
        await planner.ClickAsync("button:has-text('冻结并开始')");
        await planner.ArrivedAtAsync("**/Staff/Draws/Details?drawId=*");
        var drawUrl = planner.Url;
        var drawId = new Uri(drawUrl).Query.Split('=')[1];
        Assert.Matches("^[0-9a-f]{64}$", await planner.InnerTextAsync("#inputs-hash"));
        await ShotAsync(planner, "frozen");

        // 3. Commitments: the organiser's secret generated in the browser, the supervisor's by the server (shown once).
        await planner.ClickAsync("button:has-text('浏览器生成')");
        var organiserSecret = await planner.InputValueAsync("#secret");
        Assert.Matches("^[0-9a-f]{64}$", organiserSecret);
        await planner.ClickAsync("button:has-text('提交承诺')");
        await Assertions.Expect(planner.Locator("#draw-notice")).ToContainTextAsync("已提交承诺值");
        await ShotAsync(planner, "organiser-committed");
        await supervisor.GotoAsync(drawUrl);
        await supervisor.ClickAsync("button:has-text('提交承诺')");
        var supervisorSecret = (await supervisor.InnerTextAsync("#shown-secret code")).Trim();
        Assert.Matches("^[0-9a-f]{64}$", supervisorSecret);
        await ShotAsync(supervisor, "supervisor-committed");

        // 4. The dice digits, keyed in by both independently; a value of another kind is refused.
        await planner.GotoAsync(drawUrl);
        await planner.FillAsync("input[name='Value']", "drand:quicknet:1:" + new string('0', 64));
        await planner.ClickAsync("button:has-text('录入')");
        await Assertions.Expect(planner.Locator("#draw-error")).ToContainTextAsync("不一致");
        await planner.FillAsync("input[name='Value']", Dice);
        await planner.ClickAsync("button:has-text('录入')");
        await Assertions.Expect(planner.Locator("#draw-notice")).ToContainTextAsync("等待另一人");
        await supervisor.GotoAsync(drawUrl);
        await supervisor.FillAsync("input[name='Value']", Dice);
        await supervisor.ClickAsync("button:has-text('录入')");
        await Assertions.Expect(supervisor.Locator("#draw-notice")).ToContainTextAsync("两次录入一致");
        await ShotAsync(supervisor, "randomness-confirmed");

        // 5. Reveal both secrets, then run and publish.
        await supervisor.FillAsync("input[name='Secret']", supervisorSecret);
        await supervisor.ClickAsync("button:has-text('揭示')");
        await Assertions.Expect(supervisor.Locator("#draw-notice")).ToContainTextAsync("已揭示");
        await planner.GotoAsync(drawUrl);
        await planner.FillAsync("input[name='Secret']", organiserSecret);
        await planner.ClickAsync("button:has-text('揭示')");
        await Assertions.Expect(planner.Locator("#draw-notice")).ToContainTextAsync("已揭示");
        await planner.ClickAsync("button:has-text('第5步')");
        await Assertions.Expect(planner.Locator("#draw-notice")).ToContainTextAsync("抽取与配员已完成");
        var selected = await planner.Locator("#selections tbody tr").CountAsync();
        Assert.True(selected >= 4, $"one target per risk class at least, got {selected}");
        await AssertReadableAloudAsync(planner.Locator("#selections tbody tr"));
        await ShotAsync(planner, "drawn");
        await planner.ClickAsync("button:has-text('公示')");
        await Assertions.Expect(planner.Locator("#draw-notice")).ToContainTextAsync("已公示");
        await ShotAsync(planner, "draw-published");

        // 6. The downloaded record verifies with the real CLI.
        var download = await planner.RunAndWaitForDownloadAsync(() => planner.ClickAsync("a:has-text('下载抽取记录')"));
        var recordPath = Path.Combine(ArtifactsDir, $"draw-record-{drawId}.json");
        await download.SaveAsAsync(recordPath);
        var verify = await SpotcheckAsync("draw", "verify", recordPath);
        Assert.True(verify.ExitCode == 0, verify.Stderr);
        Assert.StartsWith("OK", verify.Stdout);

        // 7. Tasks appear for both officers; 张明 records a finding with a photo.
        var zhang = await SignInAsync("zhangming");
        var li = await SignInAsync("lihua");
        await zhang.GotoAsync("/Staff/Tasks");
        var zhangOpen = zhang.Locator("#tasks tbody tr", new() { HasText = "检查中" }); // the demo's 2025 tasks are all 已审核
        Assert.Equal(selected, await zhangOpen.CountAsync());
        await ShotAsync(zhang, "zhang-tasks");
        await li.GotoAsync("/Staff/Tasks");
        Assert.Equal(selected, await li.Locator("#tasks tbody tr", new() { HasText = "检查中" }).CountAsync());
        var taskLink = zhangOpen.Locator("a").First;
        var taskPath = await taskLink.GetAttributeAsync("href");
        await taskLink.ClickAsync();
        await Assertions.Expect(zhang.Locator("#task-source")).ToContainTextAsync("双随机");
        await zhang.FillAsync("#Form_InspectedOn", "2026-11-25");
        await zhang.FillAsync("#Form_Place", "企业生产经营场所");
        await zhang.CheckAsync("input[name='Form.Methods'][value='ONSITE']");
        await zhang.CheckAsync("input[name='Form.Methods'][value='DOCUMENT']");
        var compliant = zhang.Locator("input[name='Form.CompliantItemIds']");
        await compliant.First.CheckAsync();
        await zhang.Locator("input[name='Form.Notes']").Last.FillAsync("煤炭经营告知性备案变更后未告知");
        await zhang.FillAsync("#Form_Findings", "现场检查发现企业变更经营地址后未办理煤炭经营备案变更。");
        await zhang.CheckAsync("input[name='Form.Results'][value='PROBLEM_PENDING']");
        await zhang.CheckAsync("input[name='Form.Results'][value='COAL_NOT_FILED']");
        await zhang.CheckAsync("input[name='Form.FollowUps'][value='RECTIFY']");
        await zhang.CheckAsync("input[name='Form.FollowUps'][value='CREDIT_RECORD']");
        await zhang.FillAsync("#Form_RectifyDueDate", "2026-12-15");
        await zhang.ClickAsync("button:has-text('保存检查记录')");
        await Assertions.Expect(zhang.Locator(".alert-success")).ToBeVisibleAsync();
        await zhang.SetInputFilesAsync("input[name='file']", WritePhoto());
        await zhang.ClickAsync("button:has-text('上传证据')");
        await Assertions.Expect(zhang.Locator("#evidence img")).ToHaveCountAsync(1);
        Assert.Contains("拍摄", await zhang.InnerTextAsync("#evidence"));
        await zhang.ClickAsync("button:has-text('我已核对')");
        await Assertions.Expect(zhang.Locator("#team")).ToContainTextAsync("已确认");
        await ShotAsync(zhang, "zhang-recorded");

        // 8. 李华 reviews the same record, confirms and submits.
        await li.GotoAsync(taskPath!);
        await li.ClickAsync("button:has-text('我已核对')");
        await li.ClickAsync("button:has-text('提交审核')");
        await Assertions.Expect(li.Locator("h1 .badge")).ToContainTextAsync("待审核");
        await ShotAsync(li, "li-confirmed-submitted");

        // 9. The reviewer approves: a re-check task and a credit record follow.
        var reviewer = await SignInAsync("reviewer");
        await reviewer.GotoAsync("/Staff/Reviews");
        await ShotAsync(reviewer, "review-queue");
        await reviewer.Locator("#review-queue tbody tr a").First.ClickAsync();
        Assert.Contains("备案", await reviewer.InnerTextAsync("#record"));
        await reviewer.ClickAsync("button:has-text('审核通过')");
        await reviewer.ArrivedAtAsync("**/Staff/Tasks/Details/**");
        await Assertions.Expect(reviewer.Locator("#follow-ups")).ToContainTextAsync("复查任务");
        await ShotAsync(reviewer, "approved-follow-ups");
        await reviewer.Locator("#follow-ups a:has-text('复查任务')").ClickAsync();
        await Assertions.Expect(reviewer.Locator("#task-source")).ToContainTextAsync("非随机");
        await ShotAsync(reviewer, "recheck-task");

        var enterpriseId = await EnterpriseOfAsync(int.Parse(taskPath!.Split('/').Last()));
        await planner.GotoAsync($"/Staff/Enterprises/Details/{enterpriseId}");
        var credit = await planner.InnerTextAsync("#credit-records");
        Assert.Contains("备案", credit);
        Assert.Contains("→", credit);
        await ShotAsync(planner, "credit-record");

        // 10. The public sees the published draw and its record.
        var anonymous = await _browser!.NewPageAsync(new BrowserNewPageOptions { BaseURL = _baseUrl, Locale = "zh-CN" });
        var publicRecord = await anonymous.APIRequest.GetAsync($"/api/v1/public/draws/{drawId}/record");
        Assert.Equal(200, publicRecord.Status);
        Assert.Contains(drawId, await publicRecord.TextAsync());
    }

    async Task<IPage> SignInAsync(string userName)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = _baseUrl, Locale = "zh-CN", AcceptDownloads = true });
        return await (await context.NewPageAsync()).SignInAsync(userName);
    }

    /// <summary>Each drawn row can be read aloud at the ceremony: a company name, a stratum in words, officers by name.</summary>
    static async Task AssertReadableAloudAsync(ILocator rows)
    {
        var teamNames = new[] { "张明（XP-OFF-01）", "李华（XP-OFF-02）" };
        foreach (var row in await rows.AllAsync())
        {
            var cells = await row.Locator("td").AllInnerTextsAsync();
            var enterprise = cells[1].Split('\n')[0].Trim();
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}{2,}", enterprise);
            Assert.Matches(@"^([ABCD]类（.*风险.*）|重点监管对象)$", cells[2].Trim());
            Assert.True(cells[3].Contains("无法配员", StringComparison.Ordinal) || teamNames.Any(n => cells[3].Contains(n, StringComparison.Ordinal)),
                $"officers by name: {cells[3]}");
            Assert.DoesNotMatch("FLAGGED|XP-OFF-0[12](?!）)", cells[2] + cells[3]);
        }
    }

    async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDir, $"{++_shot:D2}-{name}.png"), FullPage = true });

    async Task<int> EnterpriseOfAsync(int taskId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.InspectionTasks.Where(t => t.Id == taskId).Select(t => t.EnterpriseId).SingleAsync();
    }

    /// <summary>A site photo with EXIF time and GPS, as a phone would take it.</summary>
    static string WritePhoto()
    {
        var path = Path.Combine(ArtifactsDir, "site-photo.jpg");
        using var image = new Image<Rgb24>(640, 480, new Rgb24(70, 110, 160));
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.DateTimeOriginal, "2026:11:25 10:30:00");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(33, 1), new Rational(22, 1), new Rational(30, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(114, 1), new Rational(1, 1), new Rational(12, 1)]);
        image.Metadata.ExifProfile = exif;
        image.SaveAsJpeg(path);
        return path;
    }


    static Task<SpotcheckCli.Run> SpotcheckAsync(params string[] args) => SpotcheckCli.RunAsync(null, args);
}
