using SpotCheck.Draw.Assignment;

namespace SpotCheck.Draw.Tests.Assignment;

public sealed class AssignmentTests
{
    const string Seed = "e0ae4d7e30d50d15894b238eb3ab840ab2dc87be9ece3c53843009e46bc302fa";
    static readonly DateOnly End = new(2026, 12, 31);

    static Inspector Officer(string id, string dept, int load = 0, int cap = 5) => new(id, dept, true, End.AddYears(1), load, cap);

    static AssignmentInput Input(IReadOnlyList<Inspector> inspectors, IReadOnlyList<string> departments, int teamSize = 2,
        IReadOnlyList<(string, string)>? conflicts = null, string[]? targets = null) =>
        new(Seed, targets ?? ["T1"], departments, teamSize, End, inspectors, conflicts ?? [], new Dictionary<string, IReadOnlyList<string>>());

    [Theory]
    [InlineData(1, "teamSize: 1 is below the minimum 2")]
    [InlineData(2, "teamSize: 2 is below the minimum 3")]
    public void Team_smaller_than_two_or_than_the_departments_is_rejected(int size, string message)
    {
        var depts = size == 1 ? new[] { "A" } : ["A", "B", "C"];
        var e = Assert.Throws<DrawInputException>(() => Assigner.Assign(Input([Officer("O1", "A")], depts, size)));
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void Duplicate_officer_is_rejected() =>
        Assert.Equal("inspectors[1].id: duplicate id O1",
            Assert.Throws<DrawInputException>(() => Assigner.Assign(Input([Officer("O1", "A"), Officer("O1", "A")], ["A"]))).Message);

    [Fact]
    public void Withdrawn_officer_is_replaced_by_the_next_eligible_by_ticket_from_his_department_when_its_seat_would_be_lost()
    {
        Inspector[] pool = [Officer("A1", "A"), Officer("A2", "A"), Officer("A3", "A"), Officer("B1", "B"), Officer("B2", "B"), Officer("B3", "B")];
        var first = Assigner.Assign(Input(pool, ["A", "B"], teamSize: 3));
        var team = first.Assigned.Single().Team;
        var loads = first.FinalLoads;
        var current = pool.Select(o => o with { Load = loads[o.Id] }).ToList();

        foreach (var withdrawn in team)
        {
            var dept = withdrawn[0].ToString();
            var keepsSeat = team.Count(m => m[0].ToString() == dept) == 1;
            var input = Input(current, ["A", "B"], 3, conflicts: [(withdrawn, "T1")]);
            var replacement = Assigner.Replace(input, "T1", team, withdrawn);
            Assert.NotNull(replacement);
            Assert.DoesNotContain(replacement.OfficerId, team);
            var expected = pool.Where(o => !team.Contains(o.Id) && (!keepsSeat || o.Dept == dept))
                .OrderBy(o => DrawHash.TicketHex(Seed, 'A', "T1", o.Id), StringComparer.Ordinal).First().Id;
            Assert.Equal(expected, replacement.OfficerId);
            Assert.Equal(DrawHash.TicketHex(Seed, 'A', "T1", expected), replacement.Ticket.ToHex());
        }
    }

    [Fact]
    public void Replacement_is_null_when_nobody_is_left()
    {
        Inspector[] pool = [Officer("A1", "A"), Officer("A2", "A")];
        var team = Assigner.Assign(Input(pool, ["A"])).Assigned.Single().Team;
        Assert.Null(Assigner.Replace(Input(pool, ["A"], conflicts: [(team[0], "T1")]), "T1", team, team[0]));
    }

    [Fact]
    public void Large_run_uses_the_prefiltered_pool_and_matches_the_literal_reading()
    {
        var inspectors = Enumerable.Range(0, 2000).Select(i => new Inspector($"O{i:D5}", $"D{i % 50:D2}", i % 17 != 0, End.AddDays(i % 13 - 3), i % 3, 2 + i % 4)).ToList();
        var targets = Enumerable.Range(0, 300).Select(i => $"T{i:D5}").ToArray();
        var conflicts = Enumerable.Range(0, 200).Select(i => ($"O{i * 7 % 2000:D5}", $"T{i % 300:D5}")).Distinct().ToList();
        var input = new AssignmentInput(Seed, targets, ["D01", "D02", "D03"], 4, End, inspectors, conflicts,
            new Dictionary<string, IReadOnlyList<string>> { ["T00001"] = ["O00001", "O00051"] });
        var fast = Assigner.Assign(input);
        var (assigned, infeasible) = NaiveAssigner.Run(input);
        Assert.Equal(assigned.Select(a => string.Join(',', a.Team)), fast.Assigned.Select(a => string.Join(',', a.Team)));
        Assert.Equal(infeasible.Select(f => f.Target), fast.Infeasible.Select(f => f.Target));
        Assert.NotEmpty(fast.Assigned);
        Assert.NotEmpty(fast.Infeasible);
    }

    /// <summary>
    /// Officers reach their cap inside a batch, so a target's set-aside lowest tickets often lose members between the
    /// parallel and the sequential step: the shortlist may decide a team only when what is left still decides it.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Shortlists_emptied_by_caps_during_a_batch_still_give_the_literal_teams(int shortlist)
    {
        var inspectors = Enumerable.Range(0, 30).Select(i => new Inspector($"O{i:D3}", $"D{i % 3}", true, End, 0, 2 + i % 3)).ToList();
        var targets = Enumerable.Range(0, 40).Select(i => $"T{i:D3}").ToArray();
        foreach (var seed in new[] { Seed, new string('a', 64), "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" })
        {
            var input = new AssignmentInput(seed, targets, ["D0", "D1"], 3, End, inspectors, [], new Dictionary<string, IReadOnlyList<string>>());
            var fast = Assigner.Assign(input, 2, shortlist);
            var (assigned, infeasible) = NaiveAssigner.Run(input);
            Assert.Equal(assigned.Select(a => $"{a.Target}:{string.Join(',', a.Team)}"), fast.Assigned.Select(a => $"{a.Target}:{string.Join(',', a.Team)}"));
            Assert.Equal(infeasible.Select(f => f.Target), fast.Infeasible.Select(f => f.Target));
            Assert.NotEmpty(fast.Infeasible); // the caps run out: late targets are staffed from what is left
        }
    }
}
