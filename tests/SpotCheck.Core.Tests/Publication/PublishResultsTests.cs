using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;
using SpotCheck.Core.Publication;
using SpotCheck.Core.Tasks;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.Tasks;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Publication;

/// <summary>公示 (issue 10): batches carry the audit head, published rows are frozen public fields, corrections are versions.</summary>
public sealed class PublishResultsTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_batch_freezes_the_public_fields_and_carries_the_audit_head_of_its_moment(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var first = await PublicationKit.ApprovedAsync(kit, new DateOnly(2026, 11, 20));
        var second = await PublicationKit.ApprovedAsync(kit, new DateOnly(2026, 11, 23), "PROBLEM_PENDING;COAL_NOT_FILED", "GUIDANCE");

        var outcome = await new PublishResults.Handler(store.Db, store.Audit, store.Clock).HandleAsync([second, first], TaskKit.Reviewer);

        Assert.True(outcome.IsSuccess, outcome.Error?.Message);
        Assert.Equal(("2026-001", 2, 0), (outcome.Value.Number, outcome.Value.Count, outcome.Value.Late));
        await using var fresh = store.Fresh();
        var entry = await fresh.AuditEntries.SingleAsync(e => e.Type == "RESULTS_PUBLISHED");
        Assert.Equal((entry.Seq - 1, entry.Prev), (outcome.Value.HeadSeq, outcome.Value.HeadHash));
        var head = JsonNode.Parse(entry.Payload)!["head"]!;
        Assert.Equal((entry.Seq - 1, entry.Prev), (head["seq"]!.GetValue<long>(), head["hash"]!.GetValue<string>()));
        var batch = await fresh.PublicationBatches.SingleAsync();
        Assert.Equal((entry.Prev, 2), (batch.HeadHash, batch.ResultCount));
        Assert.All(await fresh.InspectionTasks.Where(t => t.Id == first || t.Id == second).ToListAsync(), t => Assert.Equal(TaskState.Published, t.State));

        var row = await fresh.PublishedResults.Include(r => r.Items).Include(r => r.Departments).SingleAsync(r => r.TaskId == second);
        Assert.Equal((kit.Enterprise.Name, kit.Enterprise.Uscc, "煤炭经营", "西平县市场监督管理局", "检查", new DateOnly(2026, 11, 23)),
            (row.EnterpriseName, row.Uscc, row.ItemNames, row.DepartmentNames, row.CheckType, row.InspectedOn));
        Assert.Equal(("发现问题待后续处理；未备案/变更未告知", "教育提醒、行政指导", new DateOnly(2026, 11, 26), 1),
            (row.ResultText, row.FollowUpText, row.PublishedOn, row.Version));
        Assert.Equal(["T-COAL"], row.Items.Select(i => i.ItemCode));

        var search = new PublicResults.Handler(fresh);
        Assert.Equal(2, (await search.SearchAsync(new(Q: kit.Enterprise.Uscc))).Total);
        Assert.Equal(2, (await search.SearchAsync(new(Q: "示例煤业"))).Total);
        Assert.Equal(1, (await search.SearchAsync(new(Result: "COAL_NOT_FILED"))).Total);
        Assert.Equal(0, (await search.SearchAsync(new(Year: 2025))).Total);
        Assert.Equal(2, (await search.SearchAsync(new(Item: "T-COAL", Department: "XPSCJ", Year: 2026))).Total);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Only_approved_results_are_published_and_never_twice(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var approved = await PublicationKit.ApprovedAsync(kit, new DateOnly(2026, 11, 20));
        var open = await kit.ComplaintTaskAsync(0, 1);
        var publish = new PublishResults.Handler(store.Db, store.Audit, store.Clock);

        var refused = await publish.HandleAsync([approved, open], TaskKit.Reviewer);
        Assert.Equal(("publication.not_approved", ErrorKind.Conflict), (refused.Error?.Code, refused.Error?.Kind));
        store.Db.ChangeTracker.Clear();
        Assert.True((await publish.HandleAsync([approved], TaskKit.Reviewer)).IsSuccess);
        Assert.Equal("publication.not_approved", (await publish.HandleAsync([approved], TaskKit.Reviewer)).Error?.Code);
        Assert.Equal("task.not_found", (await publish.HandleAsync([999_999], TaskKit.Reviewer)).Error?.Code);
        Assert.Equal("publication.empty", (await publish.HandleAsync([], TaskKit.Reviewer)).Error?.Code);
        await using var fresh = store.Fresh();
        Assert.Equal(1, await fresh.PublishedResults.CountAsync());
        Assert.Equal(1, await fresh.AuditEntries.CountAsync(e => e.Type == "RESULTS_PUBLISHED"));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Two_reviewers_publishing_the_same_results_at_once_publish_them_once(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var a = await PublicationKit.ApprovedAsync(kit, new DateOnly(2026, 11, 20));
        var b = await PublicationKit.ApprovedAsync(kit, new DateOnly(2026, 11, 20));

        var results = await Race.RunAsync(database, store.Clock, 3, (_, db, audit) =>
            new PublishResults.Handler(db, audit, store.Clock).HandleAsync([a, b], TaskKit.Reviewer));

        Assert.Single(results, r => r.IsSuccess);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(ErrorKind.Conflict, r.Error!.Kind));
        await using var fresh = store.Fresh();
        Assert.Equal((1, 2), (await fresh.PublicationBatches.CountAsync(), await fresh.PublishedResults.CountAsync()));
        Assert.Equal(1, await fresh.AuditEntries.CountAsync(e => e.Type == "RESULTS_PUBLISHED"));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task The_database_refuses_to_edit_or_delete_published_rows(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var id = await PublicationKit.ApprovedAsync(kit, new DateOnly(2026, 11, 20));
        Assert.True((await new PublishResults.Handler(store.Db, store.Audit, store.Clock).HandleAsync([id], TaskKit.Reviewer)).IsSuccess);
        await using var db = store.Fresh();

        foreach (var sql in new[]
        {
            "UPDATE \"PublishedResults\" SET \"ResultText\" = '未发现问题'",
            "UPDATE \"PublicationBatches\" SET \"HeadHash\" = 'x'",
            "UPDATE \"PublishedResultItems\" SET \"ItemName\" = 'x'",
            "UPDATE \"PublishedResultDepartments\" SET \"DepartmentName\" = 'x'",
            "DELETE FROM \"PublishedResultItems\"",
            "DELETE FROM \"PublishedResults\"",
            "DELETE FROM \"PublicationBatches\"",
        })
        {
            var e = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(sql));
            Assert.Contains(PublicationTriggers.Message, e.Message);
        }
        Assert.Equal("未发现问题", (await db.PublishedResults.SingleAsync()).ResultText);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_correction_is_a_new_version_and_the_portal_shows_the_current_one(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var id = await PublicationKit.ApprovedAsync(kit, new DateOnly(2026, 11, 20), "PROBLEM_PENDING;COAL_NOT_FILED", "GUIDANCE");
        Assert.True((await new PublishResults.Handler(store.Db, store.Audit, store.Clock).HandleAsync([id], TaskKit.Reviewer)).IsSuccess);
        store.Clock.Advance(TimeSpan.FromDays(3));
        var correct = new CorrectResult.Handler(store.Db, store.Audit, store.Clock);

        Assert.Equal("Reason", (await correct.HandleAsync(id, new() { Results = ["NO_PROBLEM"], FollowUps = ["NONE_REQUIRED"] }, TaskKit.Reviewer)).Error?.Field);
        var corrected = await correct.HandleAsync(id, new()
        {
            Results = ["NO_PROBLEM"], FollowUps = ["NONE_REQUIRED"], Reason = "企业提出异议，经复核已于检查前完成备案，异议成立（条例第十二条）",
        }, TaskKit.Reviewer);
        Assert.Equal(2, corrected.Value);
        Assert.Equal("correction.unchanged", (await correct.HandleAsync(id, new()
        {
            Results = ["NO_PROBLEM"], FollowUps = ["NONE_REQUIRED"], Reason = "重复",
        }, TaskKit.Reviewer)).Error?.Code);

        await using var fresh = store.Fresh();
        var results = new PublicResults.Handler(fresh);
        var current = Assert.Single((await results.SearchAsync(new(Q: kit.Enterprise.Uscc))).Items);
        Assert.Equal((2, "未发现问题", true, new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 29)),
            (current.Version, current.ResultText, current.IsCorrected, current.PublishedOn, current.VersionOn));
        var versions = await results.VersionsAsync(id);
        Assert.Equal([(1, "发现问题待后续处理；未备案/变更未告知", (string?)null), (2, "未发现问题", "企业提出异议，经复核已于检查前完成备案，异议成立（条例第十二条）")],
            versions.Select(v => (v.Version, v.ResultText, v.CorrectionReason)));
        Assert.Equal(1, await fresh.AuditEntries.CountAsync(e => e.Type == "RESULT_CORRECTED"));
    }
}
