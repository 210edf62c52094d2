using CsCheck;
using SpotCheck.Draw.Assignment;

namespace SpotCheck.Draw.Tests.Assignment;

public sealed class AssignmentPropertyTests
{
    static readonly string[] AllDepts = ["D1", "D2", "D3", "D4"];
    static readonly DateOnly PlanEnd = new(2026, 12, 31);

    internal static readonly Gen<AssignmentInput> Input =
        from seed in Gen.Byte.Array[32].Select(b => Hex.Lower(b))
        from targetCount in Gen.Int[0, 25]
        from officers in Gen.Select(Gen.Int[0, 3], Gen.Bool, Gen.Int[-30, 30], Gen.Int[0, 3], Gen.Int[0, 4])
            .Select((d, active, certDays, load, cap) => (d, active: active || certDays % 4 != 0, certDays, load, cap)).List[0, 14]
        from deptCount in Gen.Int[1, 3]
        from extraSeats in Gen.Int[0, 2]
        from conflictPicks in Gen.Select(Gen.Int[0, 13], Gen.Int[0, 24]).List[0, 12]
        from previousPicks in Gen.Select(Gen.Int[0, 24], Gen.Int[0, 13]).List[0, 12]
        select Build(seed, targetCount, officers, deptCount, extraSeats, conflictPicks, previousPicks);

    static AssignmentInput Build(string seed, int targetCount, List<(int d, bool active, int certDays, int load, int cap)> officers,
        int deptCount, int extraSeats, List<(int, int)> conflictPicks, List<(int, int)> previousPicks)
    {
        var targets = Enumerable.Range(0, targetCount).Select(i => $"T{i:D3}").ToList();
        var inspectors = officers.Select((o, i) => new Inspector($"OFF-{i:D2}", AllDepts[o.d], o.active, PlanEnd.AddDays(o.certDays), o.load, o.cap)).ToList();
        var departments = AllDepts.Take(deptCount).Reverse().ToList();
        var conflicts = conflictPicks.Where(p => p.Item1 < inspectors.Count && p.Item2 < targets.Count)
            .Select(p => (inspectors[p.Item1].Id, targets[p.Item2])).Distinct().ToList();
        var previous = previousPicks.Where(p => p.Item1 < targets.Count && p.Item2 < inspectors.Count)
            .GroupBy(p => targets[p.Item1]).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => inspectors[p.Item2].Id).Distinct().ToList());
        return new AssignmentInput(seed, targets, departments, Math.Max(2, deptCount) + extraSeats, PlanEnd, inspectors, conflicts, previous);
    }

    [Fact]
    public void Optimised_assignment_equals_the_literal_reading_of_the_spec()
    {
        // Shortlists of 0–3 make the staffing fall back to every ticket often; 4 stands for the default length.
        Gen.Select(Input, Gen.Int[1, 3], Gen.Int[0, 4]).Sample((input, parallelism, shortlist) =>
        {
            var fast = Assigner.Assign(input, parallelism, shortlist == 4 ? null : shortlist);
            var (assigned, infeasible) = NaiveAssigner.Run(input);
            Assert.Equal(assigned.Select(a => $"{a.Target}:{string.Join(',', a.Team)}:{string.Join(',', a.Tickets)}"),
                fast.Assigned.Select(a => $"{a.Target}:{string.Join(',', a.Team)}:{string.Join(',', a.Tickets.Select(t => t.ToHex()))}"));
            Assert.Equal(infeasible.Select(Describe), fast.Infeasible.Select(Describe));
        }, iter: 1000);
    }

    static string Describe(Infeasibility f) =>
        $"{f.Target}:{f.Reason}:{string.Join(',', f.MissingDepts)}:{f.Needed}:{f.Eligible}:{f.PoolSize}:{string.Join(',', f.Rejected)}";

    [Fact]
    public void Assignment_never_breaks_a_rule()
    {
        Input.Sample(input =>
        {
            var result = Assigner.Assign(input);
            var loads = input.Inspectors.ToDictionary(o => o.Id, o => o.Load);
            var byId = input.Inspectors.ToDictionary(o => o.Id);
            foreach (var a in result.Assigned)
            {
                Assert.Equal(input.TeamSize, a.Team.Count);
                Assert.Equal(a.Team.Count, a.Team.Distinct().Count());
                foreach (var id in a.Team)
                {
                    var o = byId[id];
                    Assert.True(o.Active);
                    Assert.True(o.CertValidTo >= input.PlanEndDate);
                    Assert.Contains(o.Dept, input.Departments);
                    Assert.DoesNotContain((id, a.Target), input.Conflicts);
                    Assert.False(input.PreviousTeams.TryGetValue(a.Target, out var prev) && prev.Contains(id));
                    Assert.True(loads[id] < o.Cap);
                }
                foreach (var id in a.Team) loads[id]++;
                foreach (var d in input.Departments) Assert.Contains(a.Team, id => byId[id].Dept == d);
                Assert.Equal(a.Tickets.OrderBy(t => t), a.Tickets);
            }
            Assert.Equal(input.Targets.Count, result.Assigned.Count + result.Infeasible.Count);
            foreach (var f in result.Infeasible) Assert.Equal(f.PoolSize - f.Eligible, f.Rejected.Sum());
            Assert.Equal(loads, result.FinalLoads);
        }, iter: 300);
    }
}
