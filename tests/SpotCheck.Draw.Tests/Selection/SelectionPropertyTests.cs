using System.Text;
using CsCheck;
using SpotCheck.Draw.Requests;
using SpotCheck.Draw.Selection;

namespace SpotCheck.Draw.Tests.Selection;

/// <summary>The informative properties of draw-spec §3, checked on generated frames.</summary>
public sealed class SelectionPropertyTests
{
    static readonly Gen<string> Seed = Gen.Byte.Array[32].Select(b => Hex.Lower(b));
    static readonly Gen<string> Id = Gen.String[Gen.Char["0123456789ABCDEFGHJKLMNPQRTUWXYZabcxyz_.-"], 1, 64];
    static readonly Gen<string> Stratum = Gen.Int[0, 4].Select(i => new[] { "A", "B", "C", "D", "_" }[i]);

    static Gen<List<PopulationEntry>> Frame(int maxWeight) =>
        Gen.Select(Id, Stratum, Gen.Int[1, maxWeight]).Select((id, s, w) => new PopulationEntry(id, s, w)).List[0, 60]
            .Select(list => list.DistinctBy(e => e.Id).ToList());

    static IReadOnlyList<string> Ids(SelectionResult r) => r.Selected.Select(s => s.Id).ToList();

    [Fact]
    public void Result_depends_on_the_set_not_on_listing_order()
    {
        Gen.Select(Seed, Frame(5), Gen.Int[0, 70], Gen.Int).Sample((seed, frame, k, shuffleSeed) =>
        {
            var p = new SelectionParams(SelectionMode.Weighted, K: k);
            var shuffled = frame.OrderBy(e => Hex.Lower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(e.Id + shuffleSeed)))).ToList();
            Assert.Equal(ResultJson.ToString(Selector.Select(seed, frame, p)), ResultJson.ToString(Selector.Select(seed, shuffled, p)));
        }, iter: 200);
    }

    [Fact]
    public void Removing_an_id_never_reorders_the_others()
    {
        Gen.Select(Seed, Frame(3).Where(f => f.Count > 0), Gen.Int).Sample((seed, frame, pick) =>
        {
            var removed = frame[Math.Abs(pick % frame.Count)].Id;
            var full = Ranking.RankAll(seed, frame).Select(r => r.Id).Where(id => id != removed);
            var reduced = Ranking.RankAll(seed, frame.Where(e => e.Id != removed)).Select(r => r.Id);
            Assert.Equal(full, reduced);
        }, iter: 200);
    }

    [Fact]
    public void K_at_least_N_returns_a_permutation_of_the_frame()
    {
        Gen.Select(Seed, Frame(1), Gen.Int[0, 10]).Sample((seed, frame, extra) =>
        {
            var result = Selector.Select(seed, frame, new SelectionParams(SelectionMode.Srs, K: frame.Count + extra));
            Assert.Equal(frame.Select(e => e.Id).Order(StringComparer.Ordinal), Ids(result).Order(StringComparer.Ordinal));
            Assert.Equal(Enumerable.Range(1, frame.Count), result.Selected.Select(r => r.Rank));
        }, iter: 200);
    }

    [Fact]
    public void Weighted_with_all_weights_one_equals_srs()
    {
        Gen.Select(Seed, Frame(1), Gen.Int[0, 70]).Sample((seed, frame, k) =>
            Assert.Equal(ResultJson.ToString(Selector.Select(seed, frame, new SelectionParams(SelectionMode.Srs, K: k))),
                ResultJson.ToString(Selector.Select(seed, frame, new SelectionParams(SelectionMode.Weighted, K: k)))), iter: 200);
    }

    [Fact]
    public void Stratum_quotas_are_exact_and_each_stratum_takes_its_lowest_keys()
    {
        var ppm = Gen.Int[0, 1_000_000].Select(v => (long)v);
        Gen.Select(Seed, Frame(4), ppm, ppm, ppm).Sample((seed, frame, a, b, c) =>
        {
            var ratios = new Dictionary<string, long> { ["A"] = a, ["B"] = b, ["C"] = c, ["D"] = 1_000_000, ["_"] = 0, ["Z"] = a };
            var result = Selector.Select(seed, frame, new SelectionParams(SelectionMode.Stratified, RatioPpm: ratios));
            foreach (var s in result.Strata)
            {
                var members = frame.Where(e => e.Stratum == s.Stratum).ToList();
                Assert.Equal(members.Count, s.N);
                Assert.Equal(Math.Min(s.N, (s.N * ratios[s.Stratum] + 999_999) / 1_000_000), s.K);
                var chosen = result.Selected.Where(r => r.Stratum == s.Stratum).ToList();
                Assert.Equal(s.K, chosen.Count);
                Assert.Equal(Ranking.RankAll(seed, members).Take((int)s.K).Select(r => r.Id), chosen.Select(r => r.Id));
                Assert.Equal(Enumerable.Range(1, chosen.Count), chosen.Select(r => r.StratumRank));
            }
            Assert.Equal(result.Selected.OrderBy(r => r.Key).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Id), Ids(result));
        }, iter: 200);
    }

    [Fact]
    public void Tsv_selector_equals_in_memory_selector_including_long_ids_weights_and_exclusions()
    {
        var asOf = new DateOnly(2026, 12, 1);
        Gen.Select(Seed, Frame(100), Gen.Int[0, 40], Gen.Int[1, 3], Gen.Int[0, 400]).Sample((seed, frame, k, parallelism, window) =>
        {
            var last = frame.Where((_, i) => i % 3 == 0)
                .ToDictionary(e => e.Id, e => asOf.AddDays(-(e.Id.Length * 37 % 500)), StringComparer.Ordinal);
            foreach (var p in new[]
                     {
                         new SelectionParams(SelectionMode.Weighted, K: k),
                         new SelectionParams(SelectionMode.Stratified,
                             KByStratum: new Dictionary<string, long> { ["A"] = k, ["B"] = 1, ["C"] = 0, ["D"] = 100, ["_"] = 3 },
                             Exclusion: new ExclusionWindow(asOf, window, last)),
                     })
            {
                var tsv = Encoding.ASCII.GetBytes(string.Concat(frame.Select(e => $"{e.Id}\t{e.Stratum}\t{e.Weight}\n")));
                Assert.Equal(ResultJson.ToString(Selector.Select(seed, frame, p)),
                    ResultJson.ToString(TsvSelector.Select(seed, tsv, p, parallelism)));
            }
        }, iter: 100);
    }
}
