using System.Text;
using SpotCheck.Draw.Record;
using SpotCheck.Draw.Selection;

namespace SpotCheck.Draw.Tests.Record;

public sealed class SnapshotFilesTests
{
    static string Expected(IEnumerable<string> lines) => string.Concat(lines.Order(StringComparer.Ordinal).Select(l => l + "\n"));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1_000)]
    [InlineData(300_000)] // several slices sorted on their own cores, then merged
    public void Population_lines_are_in_ordinal_order_whatever_order_the_frame_comes_in(int count)
    {
        // A fixed permutation (multiplicative step), ids of mixed length and case so ordinal order is not numeric order.
        var frame = Enumerable.Range(0, count).Select(i => (int)((long)i * 7_919 % Math.Max(count, 1)))
            .Select(i => new PopulationEntry((i % 3 == 0 ? "b" : "A") + i.ToString(System.Globalization.CultureInfo.InvariantCulture), i % 2 == 0 ? "A" : "B", 1 + i % 4))
            .ToList();
        var expected = Expected(frame.Select(e => $"{e.Id}\t{e.Stratum}\t{e.Weight}"));

        Assert.Equal(expected, SnapshotFiles.PopulationTsv(frame));
        Assert.Equal(expected, SnapshotFiles.PopulationTsv(frame.OrderBy(e => e.Id, StringComparer.Ordinal))); // already sorted: only checked
    }

    [Fact]
    public void Previous_teams_and_conflicts_are_sorted_by_whole_line()
    {
        var teams = new Dictionary<string, IReadOnlyList<string>> { ["T2"] = ["O2", "O1"], ["T1"] = ["O9"], ["T10"] = ["O1"] };
        Assert.Equal("T1\tO9\nT10\tO1\nT2\tO1\nT2\tO2\n", SnapshotFiles.PreviousTeamsTsv(teams));
        Assert.Equal("O1\tT2\nO2\tT1\n", SnapshotFiles.ConflictsTsv([("O2", "T1"), ("O1", "T2")]));
        Assert.Equal(Encoding.UTF8.GetByteCount("中\n"), Encoding.UTF8.GetByteCount(SnapshotFiles.Lines([["中"]])));
    }
}
