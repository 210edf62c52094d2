using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SpotCheck.Core.Identity;
using SpotCheck.Tests.Portal;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Browser;

/// <summary>
/// Issue 10 part 3 in a real Chromium against the real app on a real port, on the demo data: a visitor finds a result by
/// USCC and by name on a phone-sized screen; a Reviewer publishes a batch and corrects a result on the staff pages, and
/// the portal shows the batch with its audit head and the correction with the earlier version kept. Screenshots at
/// phone and desktop sizes go to artifacts/portal.
/// </summary>
public sealed partial class PortalInBrowserTests(PortalBrowserFixture host) : IClassFixture<PortalBrowserFixture>
{
    [SkippableFact]
    public async Task A_visitor_finds_a_published_result_by_uscc_and_by_name_on_a_phone()
    {
        var target = await host.Kit.InScopeAsync((_, db) => db.PublishedResults.OrderBy(r => r.Id).FirstAsync());
        var page = await host.OpenAsync(390, 844);

        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("跳到主要内容", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await host.ShotAsync(page, "phone-01-home");
        await page.FillAsync("#home-q", target.Uscc);
        await page.PressAsync("#home-q", "Enter");
        await page.ArrivedAtAsync(new Regex("/public/results\\?q="));
        Assert.Contains(target.EnterpriseName, await page.InnerTextAsync("#results"));
        await host.AssertFitsAsync(page);
        await host.ShotAsync(page, "phone-02-results-by-uscc");

        var part = target.EnterpriseName.Substring(3, 4);
        await page.FillAsync("#q", part);
        await page.PressAsync("#q", "Enter");
        await page.ArrivedAtAsync(new Regex("/public/results\\?q=" + Regex.Escape(Uri.EscapeDataString(part)), RegexOptions.IgnoreCase));
        Assert.Contains(target.EnterpriseName, await page.InnerTextAsync("#results"));
        // A click event on the link itself: a pointer click at coordinates taken before a late layout shift (fonts,
        // a long results table on a phone) now and then landed on a neighbouring row's link.
        await page.Locator($"#results a[href='/public/enterprises/{target.Uscc}']").First.DispatchEventAsync("click");
        await page.ArrivedAtAsync($"**/public/enterprises/{target.Uscc}");
        Assert.Equal(target.EnterpriseName, await page.InnerTextAsync("#enterprise-name"));
        await host.AssertFitsAsync(page);
        await host.ShotAsync(page, "phone-03-enterprise");

        foreach (var (url, name) in new[] { ("/public/items", "items"), ("/public/plans", "plans"), ("/public/draws", "draws"), ("/public/audit", "audit") })
        {
            await page.GotoAsync(url);
            await host.AssertFitsAsync(page);
            await host.ShotAsync(page, "phone-04-" + name);
        }

        var desktop = await host.OpenAsync(1280, 900);
        foreach (var (url, name) in new[] { ("/", "home"), ("/public/results", "results"), ($"/public/enterprises/{target.Uscc}", "enterprise") })
        {
            await desktop.GotoAsync(url);
            await host.ShotAsync(desktop, "desktop-" + name);
        }
    }

    [SkippableFact]
    public async Task A_reviewer_publishes_then_corrects_and_the_portal_shows_the_batch_head_and_both_versions()
    {
        var enterprise = await host.Kit.EnterpriseAsync("西平县浏览器公示测试商贸有限公司", 701);
        var first = await host.Kit.OfficerAsync("BRW-OFF-1", "浏览器检查员甲", "豫BRW-CERT-0001");
        var second = await host.Kit.OfficerAsync("BRW-OFF-2", "浏览器检查员乙", "豫BRW-CERT-0002");
        var taskId = await host.Kit.ApprovedAsync(enterprise.Id, first, second,
            new PortalKit.Inspection(host.Kit.Record(2, "门店", "无", "无"), "证据.pdf", PortalKit.Pdf("证据")));
        var staff = await host.SignedInAsync(Roles.Reviewer);

        await staff.GotoAsync("/Staff/Publication");
        Assert.True(await staff.IsCheckedAsync($"#publish-{taskId}"));
        await staff.ClickAsync("#publish-form button[type=submit]");
        var message = await staff.InnerTextAsync("#publish-message");
        var number = BatchNumber().Match(message).Groups[1].Value;
        await host.ShotAsync(staff, "desktop-staff-published");
        var batch = await host.Kit.InScopeAsync((_, db) => db.PublicationBatches.SingleAsync(b => b.Number == number));

        var visitor = await host.OpenAsync(390, 844);
        await visitor.GotoAsync("/");
        Assert.Contains($"抽查结果公告 {number}", await visitor.InnerTextAsync("#latest-batches"));
        await visitor.ClickAsync($"#latest-batches a[href='/public/results/batches/{number}']");
        await visitor.ArrivedAtAsync($"**/public/results/batches/{number}");
        Assert.Equal(batch.HeadHash, await visitor.InnerTextAsync("#batch-head-hash"));
        Assert.Equal(batch.HeadSeq.ToString(System.Globalization.CultureInfo.InvariantCulture), await visitor.InnerTextAsync("#batch-head-seq"));
        Assert.Contains(enterprise.Name, await visitor.InnerTextAsync("#batch-results"));
        await host.AssertFitsAsync(visitor);
        await host.ShotAsync(visitor, "phone-05-batch");

        await staff.GotoAsync($"/Staff/Tasks/Details/{taskId}");
        await staff.ClickAsync("#correction summary");
        await staff.UncheckAsync("#correction input[value=NO_PROBLEM]");
        await staff.CheckAsync("#correction input[value=CORRECTED_AFTER_ORDER]");
        await staff.FillAsync("#Correction_Reason", "异议成立，依据复核材料更正检查结果");
        await staff.ClickAsync("#correction button[type=submit]");
        await staff.WaitForSelectorAsync("text=已更正（第 2 版）");

        await visitor.GotoAsync("/public/results?q=" + enterprise.Uscc);
        var row = await visitor.InnerTextAsync("#results");
        Assert.Contains("已更正", row);
        Assert.Contains("发现问题经责令已改正", row);
        await visitor.ClickAsync("#results a.corrected");
        await visitor.ArrivedAtAsync($"**/public/enterprises/{enterprise.Uscc}#task-{taskId}");
        var versions = await visitor.Locator($"#task-{taskId} table.versions tbody tr").AllInnerTextsAsync();
        Assert.Equal(2, versions.Count);
        Assert.Contains("未发现问题", versions[0]);
        Assert.Contains("首次公示", versions[0]);
        Assert.Contains("第 2 版（当前）", versions[1]);
        Assert.Contains("异议成立，依据复核材料更正检查结果", versions[1]);
        await host.AssertFitsAsync(visitor);
        await host.ShotAsync(visitor, "phone-06-corrected-enterprise");
    }

    [GeneratedRegex("公告编号 ([0-9]{4}-[0-9]{3})")]
    private static partial Regex BatchNumber();
}

public sealed class PortalBrowserFixture : IAsyncLifetime
{
    static readonly string ArtifactsDir = Path.Combine(AppContext.BaseDirectory, "artifacts", "portal");
    TestStorage _storage = null!;
    SpotCheckFactory _factory = null!;
    IPlaywright? _playwright;
    IBrowser? _browser;

    public string BaseUrl { get; private set; } = "";
    internal PortalKit Kit { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _storage = (await TestStorage.CreateAsync(DbProvider.Sqlite))!;
        _factory = new SpotCheckFactory(_storage, demo: true);
        BaseUrl = _factory.StartOnPort();
        Kit = new PortalKit(_factory.Services);
        if (Directory.Exists(ArtifactsDir)) Directory.Delete(ArtifactsDir, recursive: true);
        Directory.CreateDirectory(ArtifactsDir);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
        await _storage.DisposeAsync();
    }

    async Task<IBrowser> BrowserAsync()
    {
        RequiredTools.Chromium();
        _playwright ??= await Playwright.CreateAsync();
        return _browser ??= await RequiredTools.LaunchChromiumAsync(_playwright);
    }

    public async Task<IPage> OpenAsync(int width, int height)
    {
        var context = await (await BrowserAsync()).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    /// <summary>A desktop page signed in as a new user of the role.</summary>
    public async Task<IPage> SignedInAsync(string role)
    {
        var userName = role.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateUser.Handler>()
                .HandleAsync(new CreateUser.Command(userName, role, TestHost.Password, "test"), CancellationToken.None);
            Assert.True(created.IsSuccess, created.Error?.Message);
        }
        return await (await OpenAsync(1280, 900)).SignInAsync(userName);
    }

    public async Task AssertFitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} scrolls sideways");

    public Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDir, name + ".png"), FullPage = true });
}
