using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Statistics;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Statistics;

/// <summary>
/// Region and risk-class filters (issue 13) against the hand-counted <see cref="StatisticsFixture"/>. The 2025 targets
/// by class: A 2 (one of them, enterprise E, found with a problem, 整改 and re-checked: 3 tasks), B 5, C 3, D 2; all 200
/// demo enterprises are in 411721 until a test moves E, three unchecked 存续 A-class enterprises and one not 存续 to 411722.
/// </summary>
public sealed class StatisticsDirectoryFilterTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Risk_class_D_keeps_the_two_D_targets_their_stratum_and_their_officers(DbProvider provider)
    {
        await using var world = await StatisticsWorld.CreateAsync(provider);
        var filter = new StatisticsFilter(2025, Risk: "D");

        var d = await new StatisticsDashboard.Handler(world.Db, world.Store.Clock).HandleAsync(filter);

        Assert.Equal([("D", 10, 2)], d.Coverage.Select(c => (c.RiskClass, c.InDirectory, c.Checked)));
        Assert.Equal([("D", 200_000L, 10, 2, 2)], d.Strata.Select(s => (s.Stratum, s.RatioPpm, s.FrameSize, s.Implied, s.Drawn)));
        Assert.Equal([(2, 2, 2, 2, 0), (0, 0, 0, 0, 0)], d.Progress.Select(p => (p.Tasks, p.Inspected, p.Reviewed, p.Published, p.Overdue)));
        Assert.Equal(new ProblemSummary(2, 0), d.Problems);
        Assert.Empty(d.FollowUps);
        Assert.Equal(new PublicationRow(2, 2, 0, 0, 0), d.Publication);
        Assert.Equal([("XP-OFF-01", 2), ("XP-OFF-02", 2)], d.Workload.Select(w => (w.Code, w.Tasks)));
        Assert.Equal([new TrendRow(2025, 2, 2, 2, 0), new TrendRow(2026, 0, 0, 0, 0)], d.Trend);
        var fairness = await new FairnessReport.Handler(world.Db).HandleAsync(filter, d.Strata);
        Assert.Equal([2], fairness.Officers.Select(o => o.Targets));
        Assert.True(fairness.Passed);

        var a = await new StatisticsDashboard.Handler(world.Db, world.Store.Clock).HandleAsync(filter with { Risk = "A" });
        Assert.Equal([("A", 57, 2)], a.Coverage.Select(c => (c.RiskClass, c.InDirectory, c.Checked)));
        Assert.Equal([(2, 2, 2, 2, 0), (1, 1, 1, 1, 0)], a.Progress.Select(p => (p.Tasks, p.Inspected, p.Reviewed, p.Published, p.Overdue)));
        Assert.Equal(new ProblemSummary(3, 1), a.Problems);
        Assert.Equal([("RECTIFY", 1, 1)], a.FollowUps.Select(f => (f.Code, f.Total, f.Closed)));
        Assert.Equal([new TrendRow(2025, 3, 2, 3, 1), new TrendRow(2026, 2, 0, 0, 0)], a.Trend);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Region_prefixes_select_by_province_city_and_county_and_keep_only_whole_strata(DbProvider provider)
    {
        await using var world = await StatisticsWorld.CreateAsync(provider);
        var db = world.Db;
        var e = world.Fixture.EnterpriseId;
        var idle = await db.Enterprises.Where(x => x.RiskClass == RiskClass.A && x.Status == EnterpriseStatus.Active
                && !db.InspectionTasks.Any(t => t.EnterpriseId == x.Id)).OrderBy(x => x.Id).Select(x => x.Id).Take(3).ToListAsync();
        var inactive = await db.Enterprises.Where(x => x.Status != EnterpriseStatus.Active).OrderBy(x => x.Id).Select(x => x.Id).FirstAsync();
        List<int> moved = [e, .. idle, inactive];
        Assert.Equal(5, await db.Enterprises.Where(x => moved.Contains(x.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.RegionCode, "411722")));
        var handler = new StatisticsDashboard.Handler(db, world.Store.Clock);
        Assert.Equal(["411721", "411722"], await DirectoryRegions.ListAsync(db, CancellationToken.None));

        var shangcai = await handler.HandleAsync(new StatisticsFilter(2025, Region: "411722"));
        // E and the three unchecked A (the enterprise not 存续 is not in the directory); E's annual task and re-check.
        Assert.Equal([("A", 4, 1), ("B", 0, 0), ("C", 0, 0), ("D", 0, 0)], shangcai.Coverage.Select(c => (c.RiskClass, c.InDirectory, c.Checked)));
        Assert.Equal([(1, 1, 1, 1, 0), (1, 1, 1, 1, 0)], shangcai.Progress.Select(p => (p.Tasks, p.Inspected, p.Reviewed, p.Published, p.Overdue)));
        Assert.Equal(new ProblemSummary(2, 1), shangcai.Problems);
        Assert.Equal(new PublicationRow(2, 2, 0, 0, 0), shangcai.Publication);
        Assert.Empty(shangcai.Strata); // every 2025 stratum has targets left in 411721
        var fairness = await new FairnessReport.Handler(db).HandleAsync(new StatisticsFilter(2025, Region: "411722"), shangcai.Strata);
        Assert.Equal([1], fairness.Officers.Select(o => o.Targets));
        Assert.StartsWith("筛选范围内没有可整层核对的抽取层", fairness.StrataVerdict);

        var xiping = await handler.HandleAsync(new StatisticsFilter(2025, Region: "411721"));
        Assert.Equal([("A", 53, 1), ("B", 95, 5), ("C", 30, 3), ("D", 10, 2)], xiping.Coverage.Select(c => (c.RiskClass, c.InDirectory, c.Checked)));
        Assert.Equal([11, 0], xiping.Progress.Select(p => p.Tasks));
        Assert.Equal(["B", "C", "D"], xiping.Strata.Select(s => s.Stratum)); // A lost E and three more to 411722

        foreach (var prefix in new[] { "4117", "41" })
        {
            var all = await handler.HandleAsync(new StatisticsFilter(2025, Region: prefix));
            Assert.Equal([57, 95, 30, 10], all.Coverage.Select(c => c.InDirectory));
            Assert.Equal([12, 1], all.Progress.Select(p => p.Tasks));
            Assert.Equal(["A", "B", "C", "D"], all.Strata.Select(s => s.Stratum));
        }
        var elsewhere = await handler.HandleAsync(new StatisticsFilter(2025, Region: "4118"));
        Assert.Equal(0, elsewhere.Coverage.Sum(c => c.InDirectory));
        Assert.Equal(0, elsewhere.Progress.Sum(p => p.Tasks));

        var xipingA = await handler.HandleAsync(new StatisticsFilter(2025, Region: "411721", Risk: "A"));
        Assert.Equal([("A", 53, 1)], xipingA.Coverage.Select(c => (c.RiskClass, c.InDirectory, c.Checked)));
        Assert.Equal([1, 0], xipingA.Progress.Select(p => p.Tasks));
        Assert.Empty(xipingA.Strata);
    }
}
