using System.Net;
using System.Net.Http.Json;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Security;

/// <summary>
/// Issue 12 §1 through the real routes, on both providers: a planner of one county bureau cannot read or change the
/// other's plan, draw, task or officer by id (404, as if it did not exist); the city bureau reads both and changes
/// neither (403 with the reason); each planner still reaches their own work.
/// </summary>
public sealed class DepartmentScopeTests
{
    public static TheoryData<DbProvider> Providers => [DbProvider.Sqlite, DbProvider.Postgres];

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_planner_reaches_only_their_departments_work_by_id_and_the_city_only_reads(DbProvider provider)
    {
        await using var host = await TestHost.StartOrSkipAsync(provider, demo: true);
        var w = await TwoDepartments.CreateAsync(host);
        var a = host.BearerClient(await host.IssueTokenAsync(TwoDepartments.PlannerA));
        var b = host.BearerClient(await host.IssueTokenAsync(TwoDepartments.PlannerB));
        var city = host.BearerClient(await host.IssueTokenAsync(TwoDepartments.CityPlanner));

        string[] ofA = [$"/api/v1/plans/{w.PlanA}", $"/api/v1/draws/{w.DrawA}", $"/api/v1/tasks/{w.TaskA}", $"/api/v1/tasks/{w.TaskA}/record"];
        string[] ofB = [$"/api/v1/plans/{w.PlanB}", $"/api/v1/tasks/{w.TaskB}"];
        foreach (var url in ofA)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await a.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await city.GetAsync(url)).StatusCode);
        }
        foreach (var url in ofB)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await b.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await city.GetAsync(url)).StatusCode);
        }

        // Lists hold only the department's own work.
        var plansOfA = await a.GetStringAsync("/api/v1/plans/?pageSize=100");
        Assert.DoesNotContain(TwoDepartments.PlanBName, plansOfA);
        Assert.Contains(TwoDepartments.PlanBName, await b.GetStringAsync("/api/v1/plans/?pageSize=100"));
        Assert.Contains(TwoDepartments.PlanBName, await city.GetStringAsync("/api/v1/plans/?pageSize=100"));
        Assert.DoesNotContain("SC-OFF-01", await a.GetStringAsync("/api/v1/officers/?pageSize=100"));
        Assert.DoesNotContain("XP-OFF-01", await b.GetStringAsync("/api/v1/officers/?pageSize=100"));

        // Changes: the other county's work is not found; the city's read-only view is refused with the reason.
        Assert.Equal(HttpStatusCode.NotFound, (await a.PostAsync($"/api/v1/plans/{w.PlanB}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsync($"/api/v1/draws/{w.DrawA}/void", JsonContent.Create(new { reason = "越权作废" }))).StatusCode);
        var refused = await city.PostAsync($"/api/v1/plans/{w.PlanB}/close", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("上级部门只能查看", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await b.PostAsync($"/api/v1/plans/{w.PlanB}/close", null)).StatusCode);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Staff_pages_of_the_other_department_answer_not_found(DbProvider provider)
    {
        await using var host = await TestHost.StartOrSkipAsync(provider, demo: true);
        var w = await TwoDepartments.CreateAsync(host);
        var b = await SignInAsync(host, TwoDepartments.PlannerB);
        var a = await SignInAsync(host, TwoDepartments.PlannerA);

        foreach (var url in new[] { $"/Staff/Draws/Details?drawId={w.DrawA}", $"/Staff/Tasks/Details/{w.TaskA}", $"/Staff/Officers/Details/{w.OfficerA}",
                     $"/Staff/Officers/Edit/{w.OfficerA}", $"/Staff/Plans/Edit?id={w.PlanA}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await a.GetAsync(url)).StatusCode);
        }
        foreach (var url in new[] { $"/Staff/Tasks/Details/{w.TaskB}", $"/Staff/Officers/Details/{w.OfficerB}" })
            Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync(url)).StatusCode);
        Assert.DoesNotContain(TwoDepartments.PlanBName, await a.GetStringAsync("/Staff/Plans"));
        Assert.Contains(TwoDepartments.PlanBName, await b.GetStringAsync("/Staff/Plans"));

        // Statistics load their reports in parallel on contexts of their own: each still under the user's scope.
        var statisticsOfA = await a.GetStringAsync($"/Staff/Statistics?year={host.Today.Year}");
        Assert.DoesNotContain(TwoDepartments.PlanBName, statisticsOfA);
        var statisticsOfB = await b.GetStringAsync($"/Staff/Statistics?year={host.Today.Year}");
        Assert.Contains(TwoDepartments.PlanBName, statisticsOfB);
        // The complaint task counts in its due date's year, with its officers in the workload table.
        var dueYear = host.Today.AddDays(30).Year;
        var workloadOfB = await b.GetStringAsync($"/Staff/Statistics?year={dueYear}");
        Assert.Contains("王强", workloadOfB);
        Assert.DoesNotContain("张明", workloadOfB);
        Assert.DoesNotContain("王强", await a.GetStringAsync($"/Staff/Statistics?year={dueYear}"));
    }

    static async Task<HttpClient> SignInAsync(TestHost host, string userName)
    {
        var client = host.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await TestHost.PostLoginAsync(client, userName, TestHost.Password)).StatusCode);
        return client;
    }
}
