using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Data;
using SpotCheck.Core.Demo;
using SpotCheck.Core.Identity;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Pages;

/// <summary>The staff pages render with the demo data, and their forms validate inline without saving bad input.</summary>
public sealed class StaffPagesTests(DemoHostFixture fixture) : IClassFixture<DemoHostFixture>
{
    TestHost Host => fixture.Host;

    async Task<(int Enterprise, int Officer, string ItemCode)> DemoIdsAsync()
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(),
            await db.Officers.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(),
            await db.InspectionItems.OrderBy(i => i.Id).Select(i => i.Code).FirstAsync());
    }

    [Fact]
    public async Task Every_staff_page_renders_for_an_admin()
    {
        var admin = await Host.SignedInClientAsync(Roles.Admin);
        var (enterprise, officer, item) = await DemoIdsAsync();
        string[] pages =
        [
            "/Staff", "/Staff/Items", $"/Staff/Items/Details?code={item}", $"/Staff/Items/Edit?code={item}", "/Staff/Items/Edit",
            "/Staff/Enterprises", "/Staff/Enterprises?risk=A&p=2", $"/Staff/Enterprises/Details/{enterprise}",
            $"/Staff/Enterprises/Edit/{enterprise}", "/Staff/Officers", $"/Staff/Officers/Details/{officer}",
            $"/Staff/Officers/Edit/{officer}", "/Staff/Departments", "/Staff/Import?kind=officers", "/Staff/Export",
            "/Admin/Users", "/Admin/Calendar", "/Audit", "/",
        ];
        foreach (var page in pages)
        {
            var response = await admin.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Enterprise_pages_go_on_by_id_after_the_numbered_ones()
    {
        var planner = await Host.SignedInClientAsync(Roles.Planner);
        var (ids, total) = await QueryEnterprisesAsync();

        var byKey = WebUtility.HtmlDecode(await planner.GetStringAsync($"/Staff/Enterprises?after={ids[0]}"));
        var next = System.Text.RegularExpressions.Regex.Match(byKey, "href=\"\\?after=(\\d+)\" id=\"enterprises-next\"").Groups[1].Value;
        var beyond = WebUtility.HtmlDecode(await planner.GetStringAsync("/Staff/Enterprises?p=99999"));

        Assert.DoesNotContain($"/Staff/Enterprises/Details/{ids[0]}\"", byKey);
        Assert.Contains($"/Staff/Enterprises/Details/{ids[1]}\"", byKey);
        Assert.Contains("id=\"enterprises-first\"", byKey);
        Assert.Contains($"，第 {SpotCheck.Pages.Staff.Enterprises.IndexModel.MaxPageNumber} 页之后", byKey);
        Assert.Equal(ids[SpotCheck.Pages.Staff.Enterprises.IndexModel.PageSize].ToString(System.Globalization.CultureInfo.InvariantCulture), next);
        Assert.Contains($"/Staff/Enterprises/Details/{ids[^1]}\"", beyond);
        Assert.Contains($"共 <span id=\"enterprise-total\">{total}</span> 条", beyond);
        Assert.DoesNotContain("id=\"enterprises-next\"", beyond);
    }

    async Task<(List<int> Ids, int Total)> QueryEnterprisesAsync()
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var ids = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Enterprises.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
        return (ids, ids.Count);
    }

    [Fact]
    public async Task Public_item_list_shows_the_published_demo_items_with_their_legal_basis()
    {
        var home = await Host.Client().GetStringAsync("/public/items");

        Assert.Contains("汽车产品生产销售", home);
        Assert.Contains("《道路交通安全法》", home);
        Assert.Contains("示例数据", home);
    }

    [Fact]
    public async Task Enterprise_form_shows_the_check_character_error_inline_and_saves_nothing()
    {
        var planner = await Host.SignedInClientAsync(Roles.Planner);
        var (enterprise, _, _) = await DemoIdsAsync();
        var token = await TestHost.AntiforgeryTokenAsync(planner, $"/Staff/Enterprises/Edit/{enterprise}");
        var valid = DemoData.UsccFor(1).Value;
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');

        var response = await planner.PostAsync($"/Staff/Enterprises/Edit/{enterprise}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "改名测试", ["Input.Uscc"] = wrong, ["Input.RegionCode"] = "411721", ["Input.Address"] = "西平县",
            ["Input.Tags"] = "煤炭经营", ["Input.RiskClass"] = "B", ["Input.Status"] = "存续",
            ["__RequestVerificationToken"] = token,
        }) { Headers = { { "HX-Request", "true" } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"enterprise-form\"", html);
        Assert.DoesNotContain("<html", html); // the htmx fragment, not the whole page
        Assert.Contains("校验码错误", html);
        Assert.DoesNotContain("UsccOverrideReason", html); // a Planner is never offered the override
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Enterprises.SingleAsync(e => e.Id == enterprise);
        Assert.NotEqual("改名测试", stored.Name);
    }

    [Fact]
    public async Task Planner_creates_an_item_in_the_form_publishes_it_and_the_portal_shows_it()
    {
        var planner = await Host.SignedInClientAsync(Roles.Planner);
        int department;
        await using (var scope = Host.Factory.Services.CreateAsyncScope())
            department = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Departments.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        var token = await TestHost.AntiforgeryTokenAsync(planner, "/Staff/Items/Edit");
        var code = "UI-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        FormUrlEncodedContent Form(string legalBasis) => new(new Dictionary<string, string>
        {
            ["Input.Code"] = code, ["Input.Name"] = "界面新建事项" + code, ["Input.EnforcementBody"] = "西平县科技和工业信息化局",
            ["Input.DepartmentId"] = department.ToString(), ["Input.LegalBasis"] = legalBasis, ["Input.Content"] = "检查备案",
            ["Input.TargetType"] = "ENTERPRISE", ["Input.Category"] = "GENERAL", ["Input.EffectiveFrom"] = "2026-01-01",
            ["MethodCodes"] = "ONSITE", ["Input.RatioFrequencyNote"] = "5%", ["__RequestVerificationToken"] = token,
        });

        var invalid = await planner.PostAsync("/Staff/Items/Edit", Form(legalBasis: ""));
        var saved = await planner.PostAsync("/Staff/Items/Edit", Form(legalBasis: "《煤炭法》第一条"));
        var details = await planner.GetStringAsync(saved.Headers.Location!.OriginalString);
        var itemId = System.Text.RegularExpressions.Regex.Match(details, "name=\"id\" value=\"(\\d+)\"").Groups[1].Value;
        var publish = await planner.PostAsync($"/Staff/Items/Details?code={code}&handler=Publish",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = itemId, ["__RequestVerificationToken"] = token }));
        var home = await Host.Client().GetStringAsync("/public/items");

        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("执法依据", await invalid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("草稿", details);
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Contains("界面新建事项" + code, home);
    }

    [Fact]
    public async Task Export_downloads_the_officer_list_in_the_import_layout()
    {
        var planner = await Host.SignedInClientAsync(Roles.Planner);

        var response = await planner.GetAsync("/Staff/Export?handler=Download&kind=officers&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Contains("张明", csv);
        Assert.Contains("XP-OFF-02", csv);
    }

    [Fact]
    public async Task Officer_sees_the_lists_but_not_the_import_page()
    {
        var officer = await Host.SignedInClientAsync(Roles.Officer);

        var list = await officer.GetAsync("/Staff/Enterprises");
        var import = await officer.GetAsync("/Staff/Import");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
        Assert.Contains("/Account/AccessDenied", import.Headers.Location!.OriginalString);
    }
}
