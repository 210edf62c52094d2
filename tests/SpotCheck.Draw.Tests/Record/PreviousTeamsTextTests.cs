using System.Globalization;
using SpotCheck.Draw.Record;

namespace SpotCheck.Draw.Tests.Record;

public sealed class PreviousTeamsTextTests
{
    static Dictionary<string, IReadOnlyList<string>> Teams(int count) => Enumerable.Range(0, count).ToDictionary(
        i => (i % 3 == 0 ? "b" : "A") + i.ToString(CultureInfo.InvariantCulture),
        i => (IReadOnlyList<string>)(i % 2 == 0 ? ["INS-9", "INS-10"] : ["INS-" + (i % 7).ToString(CultureInfo.InvariantCulture)]),
        StringComparer.Ordinal);

    static PreviousTeamsText Parsed(string text)
    {
        Assert.Null(PreviousTeamsText.TryParse(text, out var teams));
        return teams;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2_000)]
    public void Built_in_any_order_the_text_is_the_snapshot_file_and_every_team_is_found(int count)
    {
        var teams = Teams(count);
        var expected = SnapshotFiles.PreviousTeamsTsv(teams);

        var inOrder = teams.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, (IReadOnlyList<string>)[.. t.Value.Order(StringComparer.Ordinal)]));
        var shuffled = teams.Reverse().Select(t => (t.Key, t.Value));

        foreach (var built in new[] { Written(inOrder, expected.Length), Written(shuffled, expected.Length), Parsed(expected) })
        {
            Assert.Equal(expected, built.Text);
            Assert.Equal(SnapshotFiles.PreviousTeamsTsv(built), expected);
            Assert.Equal(teams.Count, built.Count);
            foreach (var (target, team) in teams)
                Assert.Equal(team.Order(StringComparer.Ordinal), Assert.Contains(target, (IReadOnlyDictionary<string, IReadOnlyList<string>>)built));
            Assert.False(built.ContainsKey("A"));
            Assert.False(built.ContainsKey("zz"));
            Assert.Equal(teams.Keys.Order(StringComparer.Ordinal), built.Keys);
        }
    }

    /// <summary>The text written straight into a string of its known length, the teams in the order given.</summary>
    static PreviousTeamsText Written(IEnumerable<(string Target, IReadOnlyList<string> Team)> teams, int length)
    {
        var all = teams.ToList();
        return PreviousTeamsText.Write(length, all.Count, all, static (rows, ref lines) =>
        {
            foreach (var (target, team) in rows) lines.Add(target, [.. team]);
        });
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void Writing_other_than_the_announced_length_is_refused(int difference)
    {
        var teams = Teams(20);
        var length = SnapshotFiles.PreviousTeamsTsv(teams).Length + difference;

        var refused = Assert.Throws<InvalidOperationException>(() => Written(teams.Select(t => (t.Key, t.Value)), length));

        Assert.Contains(difference < 0 ? "more text written than announced" : "characters written where", refused.Message);
    }

    [Fact]
    public void A_target_that_prefixes_another_is_told_apart_from_it()
    {
        var teams = Parsed("A1\tINS-1\nA1\tINS-2\nA10\tINS-3\nA1B\tINS-4\n");

        Assert.Equal(["INS-1", "INS-2"], teams["A1"]);
        Assert.Equal(["INS-3"], teams["A10"]);
        Assert.Equal(["INS-4"], teams["A1B"]);
        Assert.False(teams.TryGetValue("A", out var none));
        Assert.Empty(none);
    }

    [Theory]
    [InlineData("A1\tINS-1", "last line is not terminated by LF")]
    [InlineData("A1\tINS-1\tX\n", "line 1 has 3 fields, expected 2")]
    [InlineData("A1\n", "line 1 has 1 fields, expected 2")]
    [InlineData("A1\tINS-1\nA 2\tINS-1\n", "line 2: \"A 2\" is not a valid id")]
    [InlineData("A1\tINS 1\n", "line 1: \"INS 1\" is not a valid id")]
    [InlineData("A2\tINS-1\nA1\tINS-1\n", "line 2 is out of order or repeated")]
    [InlineData("A1\tINS-1\nA1\tINS-1\n", "line 2 is out of order or repeated")]
    public void A_damaged_text_is_refused_naming_the_line(string text, string problem)
    {
        Assert.StartsWith(problem, PreviousTeamsText.TryParse(text, out var teams));
        Assert.Empty(teams);
    }

    [Fact]
    public void A_repeated_target_member_pair_cannot_be_built()
    {
        (string, IReadOnlyList<string>)[] repeated = [("A2", ["INS-1"]), ("A1", ["INS-1"]), ("A2", ["INS-1"])];

        Assert.Contains("line 3 is out of order or repeated",
            Assert.Throws<InvalidOperationException>(() => Written(repeated, 3 * "A2\tINS-1\n".Length)).Message);
    }
}
