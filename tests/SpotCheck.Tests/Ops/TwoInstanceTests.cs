using System.Net;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Demo;

using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Ops;

/// <summary>
/// Several `spotcheck serve` processes on one database behave as one system: they start with --demo at the same time,
/// share the Data Protection key ring (a cookie and an antiforgery token from one are good on the other) and, with one
/// evidence root, serve each other's evidence; an instance with its own root says the file is not available here.
/// </summary>
[Trait("Category", "Crash")]
public sealed class TwoInstanceTests
{
    [SkippableFact]
    public async Task Instances_on_one_PostgreSQL_share_demo_data_sign_in_antiforgery_and_evidence()
    {
        await using var storage = await TestStorage.CreateAsync(DbProvider.Postgres);
        Skip.If(storage is null, "PostgreSQL is not configured (TEST_PG_CONNECTION)");
        var shared = Path.Combine(storage.DataDir, "shared-evidence");
        var own = Path.Combine(storage.DataDir, "own-evidence");
        await using var a = new CrashServer(storage);
        await using var b = new CrashServer(storage);
        await using var c = new CrashServer(storage);

        await Task.WhenAll(a.StartAsync(demo: true, $"--SpotCheck:EvidenceRoot={shared}"), b.StartAsync(demo: true, $"--SpotCheck:EvidenceRoot={shared}"));

        Assert.Equal(DemoData.EnterpriseCount, await OpsKit.CountAsync(storage, db => db.Enterprises.CountAsync(e => e.IsDemo)));
        Assert.StartsWith("OK ", await OpsKit.ExportAndVerifyAsync(storage), StringComparison.Ordinal);

        var admin = "admin-" + Guid.NewGuid().ToString("N")[..8];
        await SpotcheckCli.SucceedAsync(TestHost.Password, ["users", "add", admin, "--role", "Admin", "--password-stdin", .. SpotcheckCli.StorageArgs(storage)]);
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false });
        var token = await TestHost.AntiforgeryTokenAsync(browser, new Uri(a.BaseAddress, "/Account/Login").ToString());
        var login = await browser.PostAsync(new Uri(b.BaseAddress, "/Account/Login"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = admin, ["Input.Password"] = TestHost.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode); // A's antiforgery token accepted by B
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri(a.BaseAddress, "/Staff"))).StatusCode); // B's cookie accepted by A

        var (taskId, bearer) = await OpsKit.OfficerTaskAsync(storage);
        var evidenceId = await OpsKit.UploadAsync(a.Client(bearer), taskId, OpsKit.Pdf);
        var onB = await b.Client(bearer).GetAsync($"/api/v1/tasks/evidence/{evidenceId}");
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Equal(OpsKit.Pdf, await onB.Content.ReadAsByteArrayAsync());

        await c.StartAsync(false, $"--SpotCheck:EvidenceRoot={own}");
        var entries = await OpsKit.CountAsync(storage, db => db.AuditEntries.CountAsync());
        var onC = await c.Client(bearer).GetAsync($"/api/v1/tasks/evidence/{evidenceId}");
        Assert.Equal(HttpStatusCode.NotFound, onC.StatusCode);
        var problem = await OpsKit.ProblemAsync(onC);
        Assert.Equal("evidence.unavailable", problem.GetProperty("code").GetString());
        Assert.Contains("在本实例上不可用", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(entries, await OpsKit.CountAsync(storage, db => db.AuditEntries.CountAsync()));
        Assert.Equal(0, await OpsKit.CountAsync(storage, db => db.AuditEntries.CountAsync(e => e.Type == "EVIDENCE_INTEGRITY_FAILED")));
    }

    [Fact]
    public async Task Two_instances_started_with_demo_at_once_on_one_SQLite_data_dir_both_run()
    {
        await using var storage = (await TestStorage.CreateAsync(DbProvider.Sqlite))!;
        await using var a = new CrashServer(storage);
        await using var b = new CrashServer(storage);

        await Task.WhenAll(a.StartAsync(demo: true), b.StartAsync(demo: true));

        Assert.Equal(DemoData.EnterpriseCount, await OpsKit.CountAsync(storage, db => db.Enterprises.CountAsync(e => e.IsDemo)));
        Assert.Equal(0, await OpsKit.CountAsync(storage, db => db.Plans.GroupBy(p => p.Name).CountAsync(g => g.Count() > 1)));
        Assert.Equal(1, await OpsKit.CountAsync(storage, db => db.Plans.CountAsync(p => p.Year == 2026)));
        Assert.StartsWith("OK ", await OpsKit.ExportAndVerifyAsync(storage), StringComparison.Ordinal);
    }
}
