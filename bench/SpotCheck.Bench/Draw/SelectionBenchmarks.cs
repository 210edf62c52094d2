using System.Text;
using BenchmarkDotNet.Attributes;
using SpotCheck.Draw.Selection;

namespace SpotCheck.Bench.Draw;

/// <summary>Selection from an in-memory population TSV (parse, validate, hash, rank, duplicate check); bench/draw-select.sh times the CLI.</summary>
[MemoryDiagnoser]
public class SelectionBenchmarks
{
    const string Seed = "0fe3a08fe4ff57157c753b53f7470bb9993fc455a433d9125e87564a53f11fd7";
    byte[] _tsv = [];

    [Params(1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder();
        string[] strata = ["A", "B", "C", "D"];
        for (var i = 0; i < N; i++) sb.Append("91411721XP").Append(i.ToString("D8")).Append('\t').Append(strata[i % 4]).Append('\n');
        _tsv = Encoding.ASCII.GetBytes(sb.ToString());
    }

    [Benchmark]
    public int Srs1000() => TsvSelector.Select(Seed, _tsv, new SelectionParams(SelectionMode.Srs, K: 1000)).Selected.Count;

    [Benchmark]
    public int StratifiedPpm() => TsvSelector.Select(Seed, _tsv, new SelectionParams(SelectionMode.Stratified,
        RatioPpm: new Dictionary<string, long> { ["A"] = 10000, ["B"] = 30000, ["C"] = 50000, ["D"] = 100000 })).Selected.Count;
}
