using SpotCheck.Core.Statistics;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Statistics;

public sealed class RepeatChecksTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Two_complaint_checks_in_a_year_exceed_the_cap_and_repeat_both_officers_while_the_demo_year_is_clean(DbProvider provider)
    {
        await using var world = await StatisticsWorld.CreateAsync(provider);
        var (db, store) = (world.Db, world.Store);
        var f = world.Fixture;
        var handler = new RepeatChecks.Handler(db);

        // 2025: a draw check plus its 整改复查 is one check; every officer saw each enterprise once; 12 drawn of 12 implied.
        var clean = await handler.HandleAsync(new StatisticsFilter(2025), yearlyCap: 1);
        Assert.Equal(0, clean.Count);

        var alerts = await handler.HandleAsync(new StatisticsFilter(2026), yearlyCap: 1);
        var enterprise = Assert.Single(alerts.Enterprises);
        Assert.Equal((f.EnterpriseId, 2, 1), (enterprise.EnterpriseId, enterprise.Checks, enterprise.Cap));
        Assert.Equal([f.FirstComplaint, f.SecondComplaint], enterprise.TaskIds);
        Assert.Equal([(f.Officer1, 2), (f.Officer2, 2)], alerts.Officers.Select(o => (o.OfficerId, o.Visits)).Order());
        Assert.All(alerts.Officers, o => Assert.Equal([f.FirstComplaint, f.SecondComplaint], o.TaskIds));
        Assert.Empty(alerts.Departments);

        Assert.Empty((await handler.HandleAsync(new StatisticsFilter(2026), yearlyCap: 2)).Enterprises);
        var mine = await handler.HandleAsync(new StatisticsFilter(2026), 1, enterpriseId: f.EnterpriseId);
        Assert.Equal(3, mine.Count);
        Assert.Equal(0, (await handler.HandleAsync(new StatisticsFilter(2026), 1, enterpriseId: f.EnterpriseId + 1)).Count);
        Assert.Equal([(2026, 3)], (await handler.ForEnterpriseAsync(f.EnterpriseId, 1)).Select(a => (a.Year, a.Count)));
    }
}
