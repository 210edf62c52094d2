using SpotCheck.Core.Statistics;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Statistics;

public sealed class FairnessTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    static readonly OfficerFairness.Officer[] Five =
        [.. Enumerable.Range(1, 5).Select(i => new OfficerFairness.Officer($"O{i}", "检查员" + i, "D1"))];

    static Dictionary<string, int> Counts(params int[] n) => Five.Select((o, i) => (o.Code, n[i])).ToDictionary(x => x.Code, x => x.Item2);

    [Fact]
    public void A_biased_assignment_is_flagged_and_names_the_favoured_officer()
    {
        // 100 targets, teams of 2 from 5 interchangeable officers: 40 each expected; O1 sits on 90 teams.
        var verdict = OfficerFairness.Evaluate(100, Five, Counts(90, 30, 30, 30, 20));
        Assert.False(verdict.Passed);
        Assert.Contains("检查员1（90次", verdict.Verdict);
        Assert.True(verdict.Officers.Single(o => o.Code == "O1").Flagged);
        Assert.Equal(40m, verdict.Officers[0].Expected);
    }

    [Fact]
    public void Ordinary_chance_variation_passes()
    {
        var verdict = OfficerFairness.Evaluate(100, Five, Counts(46, 35, 41, 38, 40));
        Assert.True(verdict.Passed, verdict.Verdict);
        Assert.StartsWith("未发现偏向", verdict.Verdict);
    }

    [Fact]
    public void The_exact_binomial_tail_matches_a_hand_computed_value()
    {
        // n = 10, p = 0.5, x = 9: P(X ≥ 9) = 11/1024, two-sided 22/1024.
        Assert.Equal(22.0 / 1024, BinomialTest.TwoSidedP(10, 9, 0.5), 12);
        Assert.Equal(1.0, BinomialTest.TwoSidedP(10, 5, 0.5), 12);
    }

    [Fact]
    public void One_set_of_tails_answers_every_officer_of_a_department()
    {
        // n = 20, p = 0.5: P(X ≥ 15) = P(X ≤ 5) = 21,700 / 2²⁰ (sum of C(20, k) for k = 15 … 20).
        var tails = new BinomialTails(20, 0.5);
        Assert.Equal(2 * 21_700.0 / 1_048_576, tails.TwoSidedP(15), 12);
        Assert.Equal(tails.TwoSidedP(15), tails.TwoSidedP(5), 12);
        Assert.Equal(1.0, tails.TwoSidedP(10), 12);
        Assert.Equal(0.0, tails.TwoSidedP(21));
        // 100,000 targets: a count 5 σ off is flagged, one on the mean is not.
        var large = new BinomialTails(100_000, 0.001);
        Assert.True(large.TwoSidedP(100 + 50) < 1e-5);
        Assert.Equal(1.0, large.TwoSidedP(100), 6);
    }

    [Fact]
    public void A_stratum_drawn_off_its_ratio_is_flagged()
    {
        StratumRow Row(string s, int n, long ppm, int drawn) => new("D-1", 1, "计划", s, ppm, n, StrataReport.Implied(n, ppm), drawn, 0);
        Assert.Equal([4, 5, 1, 0, 3], new[] { (50, 80_000L), (51, 80_000L), (3, 80_000L), (9, 0L), (3, 1_000_000L) }.Select(x => StrataReport.Implied(x.Item1, x.Item2)));
        Assert.True(FairnessReport.StrataVerdict([Row("A", 50, 80_000, 4)]).Passed);
        var (passed, text) = FairnessReport.StrataVerdict([Row("A", 50, 80_000, 4), Row("B", 51, 80_000, 7)]);
        Assert.False(passed);
        Assert.Contains("应抽5户、实抽7户", text);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task The_demo_draws_pass(DbProvider provider)
    {
        await using var world = await StatisticsWorld.CreateAsync(provider);
        var (db, store) = (world.Db, world.Store);

        var report = await new FairnessReport.Handler(db).HandleAsync(new StatisticsFilter(2025));

        Assert.True(report.Passed);
        Assert.Equal(4, report.Strata.Count);
        var draw = Assert.Single(report.Officers);
        Assert.Equal((12, 2), (draw.Targets, draw.TeamSize));
        Assert.Equal([("XP-OFF-01", 12), ("XP-OFF-02", 12)], draw.Verdict.Officers.Select(o => (o.Code, o.Assigned)));
        Assert.StartsWith("合格人员人数等于每组人数", draw.Verdict.Verdict);
    }
}
