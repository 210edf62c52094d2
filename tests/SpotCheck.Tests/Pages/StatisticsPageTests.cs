using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Tasks;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Pages;

/// <summary>Repeat-check alerts on the statistics page and on the enterprise's page, each linking to its tasks.</summary>
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
}
