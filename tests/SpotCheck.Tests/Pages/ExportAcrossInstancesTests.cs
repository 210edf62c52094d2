using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Transfer;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Pages;

/// <summary>
/// Two instances on one database and one export folder, as behind a round-robin load balancer: an export started on
/// one is followed, downloaded and cancelled on the other; one user has one running export whichever instance is asked;
/// an export whose instance fell silent shows as failed instead of running for ever.
/// </summary>
public sealed class ExportAcrossInstancesTests
{
    public static TheoryData<DbProvider> Providers => [DbProvider.Sqlite, DbProvider.Postgres];

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task An_export_is_followed_downloaded_and_cancelled_on_any_instance(DbProvider provider)
    {
        await using var first = await TestHost.StartOrSkipAsync(provider);
        await using var second = new SpotCheckFactory(first.Storage, demo: false);
        var user = "planner-" + Guid.NewGuid().ToString("N")[..8];
        await first.CreateUserAsync(user, Roles.Planner);
        var onFirst = first.Client();
        var onSecond = second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await TestHost.PostLoginAsync(onFirst, user, TestHost.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TestHost.PostLoginAsync(onSecond, user, TestHost.Password)).StatusCode);

        var job = await ExportJobTests.StartAsync(onFirst, "items", "csv");
        var panel = await ExportJobTests.FinishedPanelAsync(onSecond, job);
        var file = await onSecond.GetAsync($"/Staff/Export?handler=File&job={job}");

        Assert.Contains("导出完成", panel);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Contains("检查事项清单", file.Content.Headers.ContentDisposition!.FileNameStar);

        // A job still running (as another instance would be writing it): a second start anywhere returns it, a cancel
        // anywhere is recorded for its writer, and the database refuses a second running job for the user outright.
        var running = new ExportJob(new string('f', 32), user, ListKind.Enterprises, TabularFormat.Xlsx, first.UtcNow);
        await using (var scope = first.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ExportJobs.Add(running);
            await db.SaveChangesAsync();
            db.ExportJobs.Add(new ExportJob(new string('e', 32), user, ListKind.Items, TabularFormat.Csv, first.UtcNow));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        var again = await StartResponseAsync(onSecond);
        var notice = await onSecond.GetStringAsync(again.Headers.Location!.OriginalString); // before the next page takes the message
        var cancel = await PostAsync(onFirst, $"/Staff/Export?handler=Cancel&job={running.Id}");
        var cancelAgain = await PostAsync(onSecond, $"/Staff/Export?handler=Cancel&job={running.Id}");

        Assert.Contains($"job={running.Id}", again.Headers.Location!.OriginalString);
        Assert.Contains("尚未完成", notice);
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, cancelAgain.StatusCode);
        Assert.True((await StoredAsync(first, running.Id)).CancelRequested);
        // One audit entry per started export and one for the cancel, however often it was asked.
        Assert.Equal(["LIST_EXPORT_STARTED", "LIST_EXPORT_CANCELLED"], await AuditTypesAsync(first, user));

        // Its writer falls silent for longer than LostAfter: it shows as failed, and the user may export again.
        await using (var scope = first.Factory.Services.CreateAsyncScope())
        {
            var silentSince = first.UtcNow - SpotCheck.Pages.Staff.Export.ExportJobs.LostAfter - TimeSpan.FromSeconds(5);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().ExportJobs.Where(j => j.Id == running.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.HeartbeatAtUtc, silentSince));
        }
        var lost = await onSecond.GetStringAsync($"/Staff/Export?handler=Status&job={running.Id}");
        var next = await ExportJobTests.StartAsync(onSecond, "items", "xlsx");

        Assert.Contains("导出失败", lost);
        Assert.DoesNotContain("hx-trigger", lost);
        Assert.Equal(ExportState.Failed, (await StoredAsync(first, running.Id)).State);
        var ended = await ExportJobTests.EndedEntryAsync(first, running.Id);
        Assert.Equal(("failed", "lost", user), ((string)ended["state"]!, (string)ended["reason"]!, (string)ended["user"]!));
        Assert.NotEqual(running.Id, next);
        Assert.Contains("导出完成", await ExportJobTests.FinishedPanelAsync(onFirst, next));
    }

    [Fact]
    public async Task An_export_cut_short_by_its_host_stopping_is_recorded_failed_at_once_and_the_user_may_export_again()
    {
        await using var first = await TestHost.StartOrSkipAsync(DbProvider.Sqlite);
        var second = new SpotCheckFactory(first.Storage, demo: false);
        await ManyEnterprises.ImportAsync(first, 100_000, "西平县导出示例有限公司");
        var user = "planner-" + Guid.NewGuid().ToString("N")[..8];
        await first.CreateUserAsync(user, Roles.Planner);
        var onSecond = second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await TestHost.PostLoginAsync(onSecond, user, TestHost.Password)).StatusCode);

        var job = await ExportJobTests.StartAsync(onSecond, "enterprises", "xlsx");
        // Stopped once its writer has reported rows, well before a hundred thousand are written.
        for (var polls = 0; (await StoredAsync(first, job)) is { State: ExportState.Running, Rows: 0 }; polls++)
        {
            Assert.True(polls < 600, "the export reported no rows in 60 s");
            await Task.Delay(100);
        }
        var beforeStop = await StoredAsync(first, job);
        await second.DisposeAsync();
        var stored = await StoredAsync(first, job);

        Assert.Equal(ExportState.Running, beforeStop.State);
        Assert.Equal(ExportState.Failed, stored.State);
        Assert.NotNull(stored.EndedAtUtc);
        Assert.InRange(stored.Rows, 1, stored.Total - 1);
        Assert.False(stored.CancelRequested);
        var ended = await ExportJobTests.EndedEntryAsync(first, job);
        Assert.Equal(("failed", "stopped", stored.Rows), ((string)ended["state"]!, (string)ended["reason"]!, (int)ended["rows"]!));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(first.Storage.DataDir, "exports"), job + "*"));
        var onFirst = first.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await TestHost.PostLoginAsync(onFirst, user, TestHost.Password)).StatusCode);
        Assert.Contains("导出失败", await onFirst.GetStringAsync($"/Staff/Export?handler=Status&job={job}"));
        var next = await ExportJobTests.StartAsync(onFirst, "items", "csv");
        Assert.NotEqual(job, next);
        Assert.Contains("导出完成", await ExportJobTests.FinishedPanelAsync(onFirst, next));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_lost_export_seen_on_two_instances_at_the_same_moment_ends_once(DbProvider provider)
    {
        await using var first = await TestHost.StartOrSkipAsync(provider);
        await using var second = new SpotCheckFactory(first.Storage, demo: false);
        var user = "planner-" + Guid.NewGuid().ToString("N")[..8];
        await first.CreateUserAsync(user, Roles.Planner);
        var onFirst = first.Client();
        var onSecond = second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await TestHost.PostLoginAsync(onFirst, user, TestHost.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TestHost.PostLoginAsync(onSecond, user, TestHost.Password)).StatusCode);
        var lost = new ExportJob(new string('d', 32), user, ListKind.Enterprises, TabularFormat.Csv, first.UtcNow - TimeSpan.FromMinutes(5));
        await using (var scope = first.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ExportJobs.Add(lost);
            await db.SaveChangesAsync();
        }

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var polls = new[] { onFirst, onSecond, onFirst, onSecond }.Select(async client =>
        {
            await go.Task;
            return await client.GetStringAsync($"/Staff/Export?handler=Status&job={lost.Id}");
        }).ToList();
        go.SetResult();
        var panels = await Task.WhenAll(polls);

        Assert.All(panels, panel => Assert.Contains("导出失败", panel));
        Assert.Equal(ExportState.Failed, (await StoredAsync(first, lost.Id)).State);
        var ended = await ExportJobTests.EndedEntryAsync(first, lost.Id); // exactly one
        Assert.Equal("lost", (string)ended["reason"]!);
    }

    [Fact]
    public async Task An_export_cancelled_by_its_user_stops_leaves_no_file_and_its_end_is_in_the_audit_log()
    {
        await using var host = await TestHost.StartOrSkipAsync(DbProvider.Sqlite);
        await ManyEnterprises.ImportAsync(host, 100_000, "西平县取消导出示例有限公司");
        var user = "planner-" + Guid.NewGuid().ToString("N")[..8];
        await host.CreateUserAsync(user, Roles.Planner);
        var client = host.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await TestHost.PostLoginAsync(client, user, TestHost.Password)).StatusCode);

        var job = await ExportJobTests.StartAsync(client, "enterprises", "xlsx");
        for (var polls = 0; (await StoredAsync(host, job)) is { State: ExportState.Running, Rows: 0 }; polls++)
        {
            Assert.True(polls < 600, "the export reported no rows in 60 s");
            await Task.Delay(100);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"/Staff/Export?handler=Cancel&job={job}")).StatusCode);
        var panel = await ExportJobTests.FinishedPanelAsync(client, job);
        var stored = await StoredAsync(host, job);

        Assert.Contains("导出已取消", panel);
        Assert.Equal(ExportState.Cancelled, stored.State);
        Assert.InRange(stored.Rows, 1, stored.Total - 1);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(host.Storage.DataDir, "exports"), job + "*"));
        Assert.Equal(["LIST_EXPORT_STARTED", "LIST_EXPORT_CANCELLED"], await AuditTypesAsync(host, user));
        var ended = await ExportJobTests.EndedEntryAsync(host, job);
        Assert.Equal(("cancelled", stored.Rows, user), ((string)ended["state"]!, (int)ended["rows"]!, (string)ended["user"]!));
        Assert.False(ended.ContainsKey("reason"));
    }

    static async Task<List<string>> AuditTypesAsync(TestHost host, string user)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Actor == user).OrderBy(e => e.Seq).Select(e => e.Type).ToListAsync();
    }

    static async Task<ExportJob> StoredAsync(TestHost host, string id)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ExportJobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    static async Task<HttpResponseMessage> StartResponseAsync(HttpClient client)
    {
        var token = await TestHost.AntiforgeryTokenAsync(client, "/Staff/Export");
        var response = await client.PostAsync("/Staff/Export?handler=Start", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["kind"] = "officers", ["format"] = "csv", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches(new Regex("job=[0-9a-f]{32}"), response.Headers.Location!.OriginalString);
        return response;
    }

    static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url)
    {
        var token = await TestHost.AntiforgeryTokenAsync(client, "/Staff/Export");
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }
}
