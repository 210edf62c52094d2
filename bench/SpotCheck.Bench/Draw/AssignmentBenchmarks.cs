using BenchmarkDotNet.Attributes;
using SpotCheck.Draw.Assignment;

namespace SpotCheck.Bench.Draw;

/// <summary>
/// 100,000 targets over 20,000 officers in 100 departments, a joint plan of two departments (400 officers), team of 3,
/// caps that fill up during the run, some conflicts and previous teams.
/// </summary>
[MemoryDiagnoser]
public class AssignmentBenchmarks
{
    AssignmentInput _input = null!;

    [GlobalSetup]
    public void Setup() => _input = Scenario(100_000, 20_000);

    public static AssignmentInput Scenario(int targets, int officers)
    {
        var end = new DateOnly(2026, 12, 31);
        var inspectors = Enumerable.Range(0, officers)
            .Select(i => new Inspector($"OFF-{i:D6}", $"D{i % 100:D3}", i % 23 != 0, end.AddDays(i % 11 - 2), i % 5, 1500)).ToList();
        var ids = Enumerable.Range(0, targets).Select(i => $"91411721XP{i:D8}").ToList();
        var conflicts = Enumerable.Range(0, 5000).Select(i => ($"OFF-{i * 7 % officers:D6}", ids[i * 13 % targets])).Distinct().ToList();
        var previous = Enumerable.Range(0, 20000).ToDictionary(i => ids[i * 3 % targets],
            i => (IReadOnlyList<string>)[$"OFF-{i % officers:D6}", $"OFF-{(i + 100) % officers:D6}"]);
        return new AssignmentInput("0fe3a08fe4ff57157c753b53f7470bb9993fc455a433d9125e87564a53f11fd7", ids, ["D001", "D002"], 3, end,
            inspectors, conflicts, previous);
    }

    [Benchmark]
    public int Assign100kTargets20kOfficers() => Assigner.Assign(_input).Assigned.Count;
}
