using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Notices;
using SpotCheck.Core.Tasks;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.Tasks;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Notices;

/// <summary>文号: one series per department, kind and year; a notice keeps its number; concurrent issuers never collide.</summary>
public sealed class NoticeNumberingTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Numbers_run_per_year_and_kind_and_an_unchanged_notice_keeps_its_number(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await NoticeKit.CreateAsync(store);
        var tasks = new[] { await kit.Tasks.ComplaintTaskAsync(0, 1), await kit.Tasks.ComplaintTaskAsync(1, 2), await kit.Tasks.ComplaintTaskAsync(2, 3) };
        List<string> numbers = [];
        foreach (var id in tasks) numbers.Add((await kit.IssueAsync(id, NoticeKind.Inspection)).Number);
        Assert.Equal(["西市监检通〔2026〕1号", "西市监检通〔2026〕2号", "西市监检通〔2026〕3号"], numbers);

        // Issuing again and downloading again give the same notice.
        var again = await kit.Issuer().HandleAsync(tasks[0], NoticeKind.Inspection, TaskKit.Planner);
        Assert.Equal(("西市监检通〔2026〕1号", false), (again.Value.Notice.Number, again.Value.IsNew));
        using (var first = new Docx((await kit.DownloadAsync(tasks[0], NoticeKind.Inspection)).Bytes))
        using (var second = new Docx((await kit.DownloadAsync(tasks[0], NoticeKind.Inspection)).Bytes))
            Assert.Equal(first.Text, second.Text);

        // A team change makes the issued notice out of date: re-issuing takes the next number, the old one stays.
        var withdrawn = await new WithdrawMember.Handler(store.Db, store.Audit, store.Clock)
            .HandleAsync(tasks[0], kit.Tasks.Officers[1].Id, "与企业负责人系近亲属", isConflict: true, kit.Tasks.OfficerViewer(1));
        Assert.True(withdrawn.IsSuccess, withdrawn.Error?.Message);
        var status = (await new NoticeStatus.Handler(store.Db, store.Clock).HandleAsync(tasks[0], TaskKit.Planner)).Value;
        Assert.True(status.Single(s => s.Kind == NoticeKind.Inspection).Changed);
        var reissued = await kit.IssueAsync(tasks[0], NoticeKind.Inspection);
        Assert.Equal(("西市监检通〔2026〕4号", 2), (reissued.Number, reissued.Revision));
        using (var doc = new Docx((await kit.DownloadAsync(tasks[0], NoticeKind.Inspection)).Bytes))
        {
            Assert.Contains("西市监检通〔2026〕4号", doc.Text);
            Assert.DoesNotContain("检查员2（执法证号：CERT2）", doc.Text);
        }

        // A new contact changes what would be printed; in a new year the series starts at 1.
        store.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero)); // 2027-01-01 00:30 in China
        Assert.True((await new SaveNoticeSettings.Handler(store.Db, store.Audit, store.Clock).HandleAsync(kit.Tasks.Dept.Id, NoticeKit.Settings("李芳"), "admin")).IsSuccess);
        Assert.Equal("西市监检通〔2027〕1号", (await kit.IssueAsync(tasks[1], NoticeKind.Inspection)).Number);

        await using var fresh = store.Fresh();
        var stored = await fresh.IssuedNotices.OrderBy(n => n.Id).ToListAsync();
        Assert.Equal([1, 2, 3, 4, 1], stored.Select(n => n.Seq));
        Assert.Equal([2026, 2026, 2026, 2026, 2027], stored.Select(n => n.Year));
        var entries = await fresh.AuditEntries.Where(e => e.Type == "NOTICE_ISSUED").OrderBy(e => e.Seq).ToListAsync();
        Assert.Equal(5, entries.Count);
        Assert.Contains("\"number\":\"西市监检通〔2026〕4号\"", entries[3].Payload);
        Assert.Contains("\"supersedes\":\"西市监检通〔2026〕1号\"", entries[3].Payload);
        Assert.Contains($"\"contentSha256\":\"{stored[3].ContentSha256}\"", entries[3].Payload);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Concurrent_issuers_never_share_or_skip_a_number(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        const int taskCount = 8, sameTaskIssuers = 4;
        int[] tasks;
        NoticeKit kit;
        await using (var store = new Store(database))
        {
            kit = await NoticeKit.CreateAsync(store);
            tasks = new int[taskCount];
            for (var i = 0; i < taskCount; i++) tasks[i] = await kit.Tasks.ComplaintTaskAsync(i % 3, i % 3 + 1);
        }

        // One context per issuer (as one request each); all are released at the same moment.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var issuers = tasks.Select(id => (TaskId: id, Db: database.CreateContext()))
            .Concat(Enumerable.Range(0, sameTaskIssuers).Select(_ => (TaskId: tasks[0], Db: database.CreateContext()))).ToList();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Store.Now);
        var running = issuers.Select(x => Task.Run(async () =>
        {
            await gate.Task;
            return await new IssueNotice.Handler(x.Db, new AuditLog(x.Db, clock), clock).HandleAsync(x.TaskId, NoticeKind.Inspection, TaskKit.Planner);
        })).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(running);
        foreach (var x in issuers) await x.Db.DisposeAsync();

        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.Message));
        await using var fresh = database.CreateContext();
        var stored = await fresh.IssuedNotices.ToListAsync();
        Assert.Equal(taskCount, stored.Count); // one notice for the task that five issuers asked for
        Assert.Equal(Enumerable.Range(1, taskCount), stored.Select(n => n.Seq).Order());
        Assert.Equal(stored.Select(n => n.Number).Order(), Enumerable.Range(1, taskCount).Select(i => $"西市监检通〔2026〕{i}号").Order());
        var firstTask = stored.Single(n => n.TaskId == tasks[0]).Number;
        Assert.All(results.Where((_, i) => issuers[i].TaskId == tasks[0]), r => Assert.Equal(firstTask, r.Value.Notice.Number));
        Assert.Equal(taskCount, await fresh.AuditEntries.CountAsync(e => e.Type == "NOTICE_ISSUED"));
        Assert.Null((await AuditChainVerifier.VerifyAsync(fresh, CancellationToken.None)).Break);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Notices_name_only_valid_full_teams_and_only_visible_tasks(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await NoticeKit.CreateAsync(store, officers: 2);
        var id = await kit.Tasks.ComplaintTaskAsync(0, 1);

        Assert.Equal("task.not_found", (await kit.Issuer().HandleAsync(id, NoticeKind.Inspection, new TaskViewer("other", 999, false))).Error!.Code);
        Assert.Equal("notice.not_issued", (await new DownloadNotice.Handler(store.Db).HandleAsync(id, NoticeKind.Inspection, TaskKit.Planner)).Error!.Code);
        Assert.Equal("notice.not_approved", (await kit.Issuer().HandleAsync(id, NoticeKind.Result, kit.Tasks.OfficerViewer(0))).Error!.Code);

        // With no officer left to substitute, the team falls to one: no notice may name a team of one.
        var other = await kit.Tasks.ComplaintTaskAsync(0, 1);
        Assert.True((await new WithdrawMember.Handler(store.Db, store.Audit, store.Clock)
            .HandleAsync(other, kit.Tasks.Officers[1].Id, "病假", isConflict: false, kit.Tasks.OfficerViewer(1))).IsSuccess);
        Assert.Equal("notice.short_staffed", (await kit.Issuer().HandleAsync(other, NoticeKind.Inspection, kit.Tasks.OfficerViewer(0))).Error!.Code);

        // Certificates must be valid on the day of issue (检查员 certificates run to 2030-12-31).
        store.Clock.SetUtcNow(new DateTimeOffset(2031, 1, 2, 2, 0, 0, TimeSpan.Zero));
        var expired = await kit.Issuer().HandleAsync(id, NoticeKind.Inspection, kit.Tasks.OfficerViewer(0));
        Assert.Equal("notice.certificate_expired", expired.Error!.Code);
        Assert.Contains("检查员1的执法证（CERT1）已于2030年12月31日到期", expired.Error.Message);
        Assert.False(await store.Fresh().IssuedNotices.AnyAsync());
    }
}
