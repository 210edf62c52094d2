using System.Globalization;
using System.Net;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Tasks;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Pages;

/// <summary>
/// Repeat-check alerts on the statistics page and on the enterprise's page, each linking to its tasks; the region and
/// risk-class filters narrowing the page, the print and the xlsx alike.
/// </summary>
public sealed class StatisticsPageTests
{
    public static TheoryData<DbProvider> Providers => [DbProvider.Sqlite, DbProvider.Postgres];

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Two_complaint_checks_in_a_year_raise_an_alert_on_the_dashboard_and_the_enterprise_page(DbProvider provider)
    {
        await using var host = await TestHost.StartOrSkipAsync(provider, demo: true);
        var due = host.Today.AddDays(30);
        int enterpriseId;
        var taskIds = new List<int>();
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var target = await db.InspectionTasks.Where(t => t.Source == TaskSource.AnnualPlan).OrderBy(t => t.Id).FirstAsync();
            enterpriseId = target.EnterpriseId;
            var officers = await db.Officers.Where(o => o.Code == "XP-OFF-01" || o.Code == "XP-OFF-02").Select(o => o.Id).ToListAsync();
            foreach (var number in new[] { "JB-1", "JB-2" })
            {
                var created = await scope.ServiceProvider.GetRequiredService<CreateTask.Handler>().HandleAsync(new CreateTask.Command
                {
                    Source = "COMPLAINT", EnterpriseId = enterpriseId, ItemIds = [.. target.ItemIdList], DueDate = due,
                    Basis = "举报编号 " + number, OfficerIds = officers,
                }, "planner");
                Assert.True(created.IsSuccess, created.Error?.Message);
                taskIds.Add(created.Value);
            }
        }
        var officer = await host.SignedInClientAsync(Roles.Officer);

        var page = await officer.GetStringAsync($"/Staff/Statistics?year={due.Year}");
        Assert.Contains("id=\"table-alert-enterprises\"", page);
        Assert.Matches($"href=\"/Staff/Tasks/Details/{taskIds[0]}\">#{taskIds[0]}</a>\\s*、\\s*<a href=\"/Staff/Tasks/Details/{taskIds[1]}\"", page);
        Assert.Contains("id=\"card-alerts\">3<", page);

        var details = await officer.GetStringAsync($"/Staff/Enterprises/Details/{enterpriseId}");
        Assert.Contains($"{due.Year}年共检查2次，超过年度上限1次", details);
        Assert.Contains($"href=\"/Staff/Tasks/Details/{taskIds[1]}\"", details);
        Assert.Contains("检查人员张明检查本企业2次", details);

        var xlsx = await officer.GetAsync($"/Staff/Statistics?handler=Xlsx&table=alert-enterprises&year={due.Year}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/Staff/Statistics?handler=Xlsx&table=nope")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/Staff/Statistics?year=abc&plan=x")).StatusCode);

        var other = await officer.GetStringAsync($"/Staff/Enterprises/Details/{enterpriseId + 1}");
        Assert.Contains("id=\"repeat-alerts-none\"", other);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Region_and_risk_filters_narrow_the_numbers_on_the_page_the_print_and_the_xlsx(DbProvider provider)
    {
        await using var host = await TestHost.StartOrSkipAsync(provider, demo: true);
        var client = await host.SignedInClientAsync(Roles.Reviewer);

        var all = await client.GetStringAsync("/Staff/Statistics?year=2025");
        Assert.Contains("id=\"card-tasks\">13<", all);
        Assert.Contains("<option value=\"41\">410000 河南省</option>", all);
        Assert.Contains("<option value=\"4117\">411700 驻马店市</option>", all);
        Assert.Contains("<option value=\"411721\">411721 西平县</option>", all);
        Assert.Contains("<option value=\"D\">D类 信用风险高</option>", all);

        // The demo's 2025 drew two D-class targets, each checked once (StatisticsDashboardTests).
        var risky = await client.GetStringAsync("/Staff/Statistics?year=2025&risk=D&region=4117");
        Assert.Contains("id=\"card-tasks\">2<", risky);
        Assert.Contains("<option value=\"D\" selected=\"selected\">D类 信用风险高</option>", risky);
        Assert.Contains("<option value=\"4117\" selected=\"selected\">411700 驻马店市</option>", risky);
        Assert.Contains("2025年度，区域：411700 驻马店市，风险等级：D类 信用风险高", risky);
        Assert.Contains("href=\"/Staff/Statistics/Print?year=2025&amp;region=4117&amp;risk=D\"", risky);
        Assert.Contains("href=\"/Staff/Statistics?handler=Docx&amp;year=2025&amp;region=4117&amp;risk=D\"", risky);
        Assert.Contains("href=\"?handler=Xlsx&amp;table=coverage&amp;year=2025&amp;region=4117&amp;risk=D\"", risky);

        var print = await client.GetStringAsync("/Staff/Statistics/Print?year=2025&region=4117&risk=D");
        Assert.Matches("<td>D类 信用风险高</td>\\s*<td>10</td>\\s*<td>2</td>\\s*<td>20.0</td>", print);
        Assert.DoesNotContain("A类 信用风险低", print);
        using var xlsx = new MemoryStream(await client.GetByteArrayAsync("/Staff/Statistics?handler=Xlsx&table=progress&year=2025&region=4117&risk=D"));
        var rows = MiniExcel.Query(xlsx).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
        Assert.Equal([2m, 2m, 2m, 2m, 0m], rows[3].Skip(1).Select(v => Convert.ToDecimal(v, CultureInfo.InvariantCulture)));

        var elsewhere = await client.GetStringAsync("/Staff/Statistics?year=2025&region=411722");
        Assert.Contains("id=\"card-tasks\">0<", elsewhere);
        var unreadable = await client.GetStringAsync("/Staff/Statistics?year=2025&region=x1&risk=Z");
        Assert.Contains("id=\"card-tasks\">13<", unreadable);
    }
}
