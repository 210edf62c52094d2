using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Demo;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Plans;
using SpotCheck.Core.Reviews;
using SpotCheck.Core.Tasks;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.Draws;
using SpotCheck.Core.Tests.TestSupport;
using SpotCheck.Draw.Record;

namespace SpotCheck.Core.Tests.Demo;

/// <summary>The demo's completed 2025 and its open 2026 plan, produced through the use cases (SPEC §5 "Demo data").</summary>
public sealed class DemoHistoryTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task The_previous_year_is_drawn_inspected_and_approved_its_record_verifies_and_seeding_again_adds_nothing(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        Assert.True(await DemoData.SeedAsync(store.Db, store.Audit, store.Clock) > 208);
        var before = await CountsAsync(store);
        Assert.Equal(0, await DemoData.SeedAsync(store.Db, store.Audit, store.Clock));
        await using (var again = store.Fresh()) Assert.Equal(0, await DemoData.SeedAsync(again, new AuditLog(again, store.Clock), store.Clock));
        Assert.Equal(before, await CountsAsync(store));

        await using var db = store.Fresh();
        var plan = await db.Plans.SingleAsync(p => p.Year == 2025);
        Assert.Equal(PlanState.Closed, plan.State);
        Assert.Equal(new DateOnly(2025, 2, 17), DateOnly.FromDateTime(plan.PublishedAtUtc!.Value));
        var draw = await db.DrawSessions.SingleAsync(d => d.PlanId == plan.Id);
        Assert.Equal((DrawStatus.Drawn, new DateOnly(2025, 3, 10)), (draw.Status, draw.AsOf));
        Assert.NotNull(draw.PublishedAtUtc);
        Assert.StartsWith("dice:", draw.PublicRandomness);

        var record = (await new DrawRecords.Handler(db).HandleAsync(draw.DrawId, includePrivateFiles: false)).Value;
        var verified = DrawRecordVerifier.Verify(record);
        Assert.True(verified.IsValid, verified.Discrepancy);
        Assert.Null((await AuditChainVerifier.VerifyAsync(db, CancellationToken.None)).Break);
        var log = await db.AuditEntries.Where(e => e.DrawId == draw.DrawId).ToListAsync();
        Assert.Equal(2, log.Where(e => e.Type == "COMMIT").Select(e => e.Actor).Distinct().Count());
        Assert.NotEqual(log.Single(e => e.Type == "PUBLIC_RANDOMNESS_FIRST_ENTRY").Actor, log.Single(e => e.Type == "PUBLIC_RANDOMNESS").Actor);

        var tasks = await db.InspectionTasks.Include(t => t.Members).Where(t => t.DrawId == draw.DrawId).ToListAsync();
        Assert.Equal(draw.SelectedCount, tasks.Count);
        Assert.InRange(tasks.Count, 8, 20);
        var recheck = await db.InspectionTasks.Include(t => t.Members).SingleAsync(t => t.RecheckOfTaskId != null);
        var all = tasks.Append(recheck).ToList();
        Assert.All(all, t => Assert.Equal(TaskState.Published, t.State));
        Assert.All(all.SelectMany(t => t.Members), m => Assert.NotNull(m.ConfirmedAtUtc));
        Assert.All(all, t => Assert.Equal(2, t.Members.Count));

        var records = await db.InspectionRecords.ToListAsync();
        Assert.Equal(all.Count, records.Count);
        Assert.All(records, r => Assert.Equal((2025, 2025), (r.InspectedOn.Year, r.ConclusionDate.Year)));
        Assert.All(records, r => Assert.Equal(DemoValuesReviewer, r.ReviewedBy));
        var finding = Assert.Single(records, r => r.Results != RecordCodes.NoProblem);
        Assert.Equal("COAL_NOT_FILED;PROBLEM_PENDING", finding.Results);
        Assert.Equal(RecordCodes.Rectify, finding.FollowUps);
        Assert.Equal(recheck.Id, finding.RecheckTaskId);
        Assert.Equal(recheck.RecheckOfTaskId, finding.TaskId);
        Assert.Contains("煤炭经营", await db.EnterpriseTags.Where(t => t.EnterpriseId == recheck.EnterpriseId).Select(t => t.Tag).ToListAsync());
        var rectify = await db.FollowUpActions.SingleAsync();
        Assert.Equal((RecordCodes.Rectify, FollowUpState.Closed, recheck.Id), (rectify.Code, rectify.State, rectify.RecheckTaskId));
        Assert.True(rectify.ClosedOn!.Value.Year == 2025 && rectify.DueDate!.Value.Year == 2025);

        // 公示 through the product's own path: in batches, each on time and carrying the audit head of its moment.
        var published = await db.PublishedResults.ToListAsync();
        Assert.Equal(all.Select(t => t.Id).Order(), published.Select(r => r.TaskId).Order());
        Assert.All(published, r => Assert.True(r.Deadline is DateOnly d && r.PublishedOn <= d && r.PublishedOn.Year == 2025 && r.IsDemo));
        var batches = await db.PublicationBatches.ToListAsync();
        Assert.InRange(batches.Count, 2, 5);
        var entries = await db.AuditEntries.Where(e => e.Type == "RESULTS_PUBLISHED").ToListAsync();
        Assert.Equal(batches.Select(b => (b.HeadSeq, b.HeadHash)).Order(), entries.Select(e => (e.Seq - 1, e.Prev)).Order());
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task The_current_year_plan_is_published_and_a_full_ceremony_staffs_every_target(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        await DemoData.SeedAsync(store.Db, store.Audit, store.Clock);
        var plan = await store.Db.Plans.AsNoTracking().SingleAsync(p => p.Year == 2026);
        Assert.Equal(PlanState.Published, plan.State);
        Assert.Equal(FlagPolicy.SeparateStratum, plan.FlagPolicy);
        Assert.Equal((30_000, 50_000, 250_000, 600_000, 1_000_000),
            (plan.RatioPpmA, plan.RatioPpmB, plan.RatioPpmC, plan.RatioPpmD, plan.FlaggedRatioPpm));
        Assert.False(await store.Db.DrawSessions.AnyAsync(d => d.PlanId == plan.Id));

        var (drawId, outcome) = await new DrawKit(store).FullDrawAsync(plan.Id);

        Assert.Empty(outcome.Infeasible);
        Assert.InRange(outcome.Selected, 21, DemoData.BureauWorkloadCap); // beyond the usual cap of 20, within the demo officers' cap
        Assert.Equal(outcome.Selected, outcome.Teams);
        await using var fresh = store.Fresh();
        var draw = await fresh.DrawSessions.SingleAsync(d => d.DrawId == drawId);
        Assert.Equal(DrawStatus.Drawn, draw.Status);
        var blacklisted = await fresh.Enterprises.Where(e => e.IsDemo && e.SeriousViolation && e.Status == EnterpriseStatus.Active)
            .Select(e => e.Uscc).ToListAsync();
        var selected = await fresh.DrawSelections.Where(s => s.DrawId == drawId).Select(s => s.Uscc).ToListAsync();
        Assert.NotEmpty(blacklisted);
        Assert.All(blacklisted, u => Assert.True(selected.Contains(u) || draw.ExcludedTsv.Contains(u), u));
        var previousTargets = await fresh.DrawSelections.Where(s => s.DrawId != drawId).Select(s => s.Uscc).ToListAsync();
        Assert.Empty(selected.Intersect(previousTargets));
    }

    const string DemoValuesReviewer = "示例数据/审核员";

    static async Task<string> CountsAsync(Store store)
    {
        await using var db = store.Fresh();
        return string.Join(',', await db.AuditEntries.CountAsync(), await db.Plans.CountAsync(), await db.DrawSessions.CountAsync(),
            await db.DrawSelections.CountAsync(), await db.InspectionTasks.CountAsync(), await db.TaskMembers.CountAsync(),
            await db.InspectionRecords.CountAsync(), await db.FollowUpActions.CountAsync(), await db.Officers.CountAsync(),
            await db.Enterprises.CountAsync(), await db.InspectionItems.CountAsync(), await db.Departments.CountAsync());
    }
}
