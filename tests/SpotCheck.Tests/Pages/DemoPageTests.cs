using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Pages;

/// <summary>The 示例数据 admin page: counts, and removal of the whole dataset by an Admin only, with confirmation.</summary>
public sealed class DemoPageTests
{
    public static TheoryData<DbProvider> Providers => [DbProvider.Sqlite, DbProvider.Postgres];

    static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Admin_removes_the_whole_demo_dataset_and_a_planner_may_not(DbProvider provider)
    {
        await using var host = await TestHost.StartOrSkipAsync(provider, demo: true);
        var planner = await host.SignedInClientAsync(Roles.Planner);
        var admin = await host.SignedInClientAsync(Roles.Admin);

        var denied = await planner.GetAsync("/Admin/Demo");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await planner.GetAsync(denied.Headers.Location)).StatusCode);
        var html = await admin.GetStringAsync("/Admin/Demo");
        Assert.Contains("删除全部示例数据", html);
        Assert.Contains("<th class=\"text-end\" id=\"demo-total\">", html);
        var token = await TestHost.AntiforgeryTokenAsync(admin, "/Admin/Demo");

        var plannerPost = await planner.PostAsync("/Admin/Demo?handler=Remove", Form(token, ("Confirmed", "true")));
        var withoutToken = await admin.PostAsync("/Admin/Demo?handler=Remove",
            new FormUrlEncodedContent([KeyValuePair.Create("Confirmed", "true")]));
        var unconfirmed = await admin.PostAsync("/Admin/Demo?handler=Remove", Form(token, ("Confirmed", "false")));
        Assert.Equal(HttpStatusCode.Redirect, plannerPost.StatusCode);
        Assert.Contains("/Account/AccessDenied", plannerPost.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Contains("请勾选确认", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Equal(200, await DemoEnterprisesAsync(host));
        Assert.Contains("西平县2025年度双随机抽查计划（示例数据）", await host.Client().GetStringAsync("/api/v1/public/plans"));

        var removed = await admin.PostAsync("/Admin/Demo?handler=Remove", Form(token, ("Confirmed", "true")));

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var after = await admin.GetStringAsync("/Admin/Demo");
        Assert.Contains("已删除全部示例数据", after);
        Assert.Contains("当前没有示例数据", after);
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await DemoEnterprisesAsync(host));
        Assert.False(await db.Officers.AnyAsync(o => o.IsDemo));
        Assert.False(await db.InspectionItems.AnyAsync(i => i.IsDemo));
        Assert.False(await db.Departments.AnyAsync(d => d.IsDemo));
        Assert.False(await db.Plans.AnyAsync());
        Assert.False(await db.InspectionTasks.AnyAsync());
        Assert.Equal("DEMO_REMOVED", await db.AuditEntries.OrderByDescending(e => e.Seq).Select(e => e.Type).FirstAsync());
        Assert.Null((await AuditChainVerifier.VerifyAsync(db, CancellationToken.None)).Break);
        Assert.DoesNotContain("示例数据", await host.Client().GetStringAsync("/api/v1/public/plans"));
    }

    static async Task<int> DemoEnterprisesAsync(TestHost host)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Enterprises.CountAsync(e => e.IsDemo);
    }
}
