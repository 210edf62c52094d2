using Microsoft.Playwright;
using SpotCheck.Core.Plans;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Browser;

/// <summary>
/// Issue 12 §1 in a real Chromium: the planners of two county bureaus each sign in and see only their own plans and
/// officers; the city bureau's planner sees both counties' plans, marked read-only, and a county's draw without any
/// ceremony step to take. Screenshots in artifacts/department-scopes.
/// </summary>
public sealed class DepartmentScopesInBrowserTests
{
    static readonly string ArtifactsDir = Path.Combine(AppContext.BaseDirectory, "artifacts", "department-scopes");

    [SkippableFact]
    public async Task Two_county_planners_see_only_their_own_work_and_the_city_sees_both_read_only()
    {
        RequiredTools.Chromium();
        await using var storage = (await TestStorage.CreateAsync(DbProvider.Sqlite))!;
        await using var factory = new SpotCheckFactory(storage, demo: true);
        var baseUrl = factory.StartOnPort();
        var clock = (TimeProvider)factory.Services.GetService(typeof(TimeProvider))!;
        var w = await TwoDepartments.CreateAsync(factory.Services, DrawClock.Today(clock.GetUtcNow()));
        Directory.CreateDirectory(ArtifactsDir);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await RequiredTools.LaunchChromiumAsync(playwright);

        var xiping = await SignInAsync(browser, baseUrl, TwoDepartments.PlannerA);
        await xiping.GotoAsync("/Staff/Plans");
        var plansA = await xiping.InnerTextAsync("#plans");
        Assert.Contains("西平县科技和工业信息化局", plansA);
        Assert.DoesNotContain(TwoDepartments.PlanBName, plansA);
        Assert.Equal(0, await xiping.Locator("#plans .read-only").CountAsync());
        await ShotAsync(xiping, "01-xiping-plans");
        await xiping.GotoAsync("/Staff/Officers");
        Assert.Contains("张明", await xiping.InnerTextAsync("#officers"));
        Assert.DoesNotContain("王强", await xiping.InnerTextAsync("#officers"));

        var shangcai = await SignInAsync(browser, baseUrl, TwoDepartments.PlannerB);
        await shangcai.GotoAsync("/Staff/Plans");
        var plansB = await shangcai.InnerTextAsync("#plans");
        Assert.Contains(TwoDepartments.PlanBName, plansB);
        Assert.DoesNotContain("西平县科技和工业信息化局", plansB);
        await ShotAsync(shangcai, "02-shangcai-plans");
        await shangcai.GotoAsync("/Staff/Officers");
        Assert.Contains("王强", await shangcai.InnerTextAsync("#officers"));
        Assert.DoesNotContain("张明", await shangcai.InnerTextAsync("#officers"));
        var denied = await shangcai.GotoAsync($"/Staff/Draws/Details?drawId={w.DrawA}");
        Assert.Equal(404, denied!.Status);

        var city = await SignInAsync(browser, baseUrl, TwoDepartments.CityPlanner);
        await city.GotoAsync("/Staff/Plans");
        var plansCity = await city.InnerTextAsync("#plans");
        Assert.Contains(TwoDepartments.PlanBName, plansCity);
        Assert.Contains("西平县科技和工业信息化局", plansCity);
        var rows = await city.Locator("#plans tbody tr").CountAsync();
        Assert.Equal(rows, await city.Locator("#plans .read-only").CountAsync());
        await ShotAsync(city, "03-city-plans-read-only");
        await city.GotoAsync($"/Staff/Draws/Details?drawId={w.DrawA}");
        Assert.Contains("只能查看", await city.InnerTextAsync("#read-only"));
        Assert.Equal(0, await city.Locator("form[method='post']:not([action*='Logout'])").CountAsync());
        await ShotAsync(city, "04-city-draw-read-only");
    }

    static async Task<IPage> SignInAsync(IBrowser browser, string baseUrl, string userName)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "zh-CN" });
        return await (await context.NewPageAsync()).SignInAsync(userName);
    }

    static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDir, name + ".png"), FullPage = true });
}
