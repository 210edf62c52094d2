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

    [Theory]
    [InlineData(0)]
    [InlineData(1_000)]
    [InlineData(300_000)] // sorted in slices with their rows, then merged
    public void A_frame_gathered_in_columns_writes_the_same_text_as_its_entries(int count)
    {
        var columns = new PopulationColumns();
        for (var i = 0; i < count; i++)
        {
            var n = (int)((long)i * 7_919 % Math.Max(count, 1));
            columns.Add((n % 3 == 0 ? "b" : "A") + n.ToString(System.Globalization.CultureInfo.InvariantCulture), n % 2 == 0 ? "A" : "FLAGGED", 1 + n % 100);
        }
        var entries = columns.ToList();

        Assert.Equal(SnapshotFiles.PopulationTsv(entries), SnapshotFiles.PopulationTsv(columns));
        Assert.Equal(count, entries.Count);
        Assert.Equal(entries.GroupBy(e => e.Stratum).ToDictionary(g => g.Key, g => g.Count()), columns.StratumSizes());
    }

    [Theory]
    [InlineData(1, false, "")]
    [InlineData(1_000, false, "")]
    [InlineData(300_001, false, "")] // packed ids of 18 characters in two words, two halves sorted at once, then merged
    [InlineData(1_000, true, "")] // one id outside ASCII: the string sort
    [InlineData(30_001, false, "~~~~~~~~~")] // ids of 27 characters: three words
    [InlineData(30_001, false, "~~~~~~~~~~")] // ids of 28 characters: the string sort
    public void Ids_of_one_length_come_out_in_ordinal_order(int count, bool oneNonAscii, string prefix)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXYabz-";
        var ids = Enumerable.Range(0, count).Select(i =>
        {
            var n = (long)i * 2_654_435_761 % 4_294_967_296;
            var tail = string.Concat(Enumerable.Range(0, 7).Select(k => alphabet[(int)(n >> (4 * k) & 31)]));
            return prefix + "91411721" + (i % 2 == 0 ? "MA" : "M9") + tail + alphabet[i % alphabet.Length];
        }).ToList();
        if (oneNonAscii) ids[count / 2] = prefix + "91411721MA企业00001X";
        var columns = new PopulationColumns();
        foreach (var id in ids) columns.Add(id, "B");

        var order = columns.IdOrder();
        Assert.Equal(ids.Order(StringComparer.Ordinal), order.Select(r => ids[r]));
        Assert.Equal(Expected(ids.Select(id => $"{id}\tB\t1")), SnapshotFiles.PopulationTsv(columns));
    }

    [Theory]
    [InlineData("T1", "T1\u0001")] // a prefix followed by a character below TAB: line order is not id order
    [InlineData("T1", "T1")] // a repeated id
    [InlineData("T1", "T10")]
    public void Ids_whose_line_order_differs_from_their_order_still_give_the_rows_text(string first, string second)
    {
        var columns = new PopulationColumns();
        columns.Add(second, "B", 2);
        columns.Add(first, "A", 1);
        Assert.Equal(Expected([$"{first}\tA\t1", $"{second}\tB\t2"]), SnapshotFiles.PopulationTsv(columns));
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
