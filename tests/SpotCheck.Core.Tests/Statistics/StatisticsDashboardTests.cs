using SpotCheck.Core.Statistics;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Statistics;

/// <summary>Every statistic against the hand-counted <see cref="StatisticsFixture"/>, on both providers.</summary>
public sealed class StatisticsDashboardTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task The_demo_year_2025_counts_as_drawn_inspected_reviewed_and_published(DbProvider provider)
    {
        await using var world = await StatisticsWorld.CreateAsync(provider);
        var (db, store) = (world.Db, world.Store);

        var d = await new StatisticsDashboard.Handler(db, store.Clock).HandleAsync(new StatisticsFilter(2025));

        // 200 demo enterprises, 192 of them 存续: A 57, B 95, C 30, D 10; one drawn target per ⌈N × ratio⌉.
        Assert.Equal([("A", 57, 2), ("B", 95, 5), ("C", 30, 3), ("D", 10, 2)], d.Coverage.Select(c => (c.RiskClass, c.InDirectory, c.Checked)));
        Assert.Equal([3.5m, 5.3m, 10.0m, 20.0m], d.Coverage.Select(c => c.Rate!.Value));
        Assert.Equal([("A", 30_000L, 57, 2, 2), ("B", 50_000L, 95, 5, 5), ("C", 100_000L, 30, 3, 3), ("D", 200_000L, 10, 2, 2)],
            d.Strata.Select(s => (s.Stratum, s.RatioPpm, s.FrameSize, s.Implied, s.Drawn)));
        Assert.Equal([(12, 12, 12, 12, 0), (1, 1, 1, 1, 0)], d.Progress.Select(p => (p.Tasks, p.Inspected, p.Reviewed, p.Published, p.Overdue)));
        Assert.Null(d.Progress[1].PlanId);
        // Each visit covers both demo items (进一次门查多项事): 13 reviewed per item, the one finding counts for each.
        Assert.Equal([("DEMO-AUTO", 13, 1), ("DEMO-COAL", 13, 1)], d.ItemProblems.Select(i => (i.ItemCode, i.Reviewed, i.WithProblem)));
        Assert.Equal(7.7m, d.ItemProblems[0].Rate);
        Assert.Equal([("NO_PROBLEM", 12, false), ("PROBLEM_PENDING", 1, true), ("COAL_NOT_FILED", 1, true)],
            d.ResultCodes.Select(r => (r.Code, r.Count, r.IsProblem)));
        Assert.Equal([("RECTIFY", 1, 0, 0, 1, 1)], d.FollowUps.Select(f => (f.Code, f.Total, f.Open, f.Overdue, f.Rechecked, f.Closed)));
        Assert.Equal(new PublicationRow(13, 13, 0, 0, 0), d.Publication);
        Assert.Equal(100.0m, d.Publication.OnTimeRate);
        Assert.Equal([("XP-OFF-01", 13, 0), ("XP-OFF-02", 13, 0)], d.Workload.Select(w => (w.Code, w.Tasks, w.Open)));
        Assert.Equal([new TrendRow(2025, 13, 12, 13, 1), new TrendRow(2026, 2, 0, 0, 0)], d.Trend);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Complaint_checks_of_2026_show_as_unplanned_work_with_one_overdue_publication(DbProvider provider)
    {
        await using var world = await StatisticsWorld.CreateAsync(provider);
        var (db, store) = (world.Db, world.Store);

        var d = await new StatisticsDashboard.Handler(db, store.Clock).HandleAsync(new StatisticsFilter(2026));

        Assert.Equal([(0, 0, 0, 0, 0), (2, 1, 0, 0, 1)], d.Progress.Select(p => (p.Tasks, p.Inspected, p.Reviewed, p.Published, p.Overdue)));
        Assert.Equal(new PublicationRow(0, 0, 0, 0, 1), d.Publication);
        Assert.Equal(0.0m, d.Publication.OnTimeRate);
        Assert.Empty(d.Strata);
        Assert.Equal(1, d.Coverage.Sum(c => c.Checked));
        Assert.Equal([("XP-OFF-01", 2, 2), ("XP-OFF-02", 2, 2)], d.Workload.Select(w => (w.Code, w.Tasks, w.Open)));
        Assert.Empty(d.ItemProblems);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Filters_by_plan_item_and_department_narrow_every_count(DbProvider provider)
    {
        await using var world = await StatisticsWorld.CreateAsync(provider);
        var (db, store) = (world.Db, world.Store);
        var handler = new StatisticsDashboard.Handler(db, store.Clock);
        var planId = (await handler.HandleAsync(new StatisticsFilter(2025))).Plans.Single().Id;

        var byPlan = await handler.HandleAsync(new StatisticsFilter(2025, PlanId: planId));
        Assert.Equal([(planId, 12)], byPlan.Progress.Select(p => (p.PlanId!.Value, p.Tasks)));
        Assert.Equal(12, byPlan.Publication.Published);

        var coal2026 = await handler.HandleAsync(new StatisticsFilter(2026, ItemCode: "DEMO-COAL"));
        Assert.Equal(2, coal2026.Progress.Sum(p => p.Tasks));
        var auto2026 = await handler.HandleAsync(new StatisticsFilter(2026, ItemCode: "DEMO-AUTO"));
        Assert.Equal(0, auto2026.Progress.Sum(p => p.Tasks));
        Assert.Empty(auto2026.Workload);

        var bureau = await handler.HandleAsync(new StatisticsFilter(2025, Department: "XPKGJ"));
        Assert.Equal(13, bureau.Progress.Sum(p => p.Tasks));
        var nobody = await handler.HandleAsync(new StatisticsFilter(2025, Department: "NO-SUCH"));
        Assert.Equal(0, nobody.Progress.Sum(p => p.Tasks));
        Assert.Equal(0, nobody.Publication.Published);
    }
}
