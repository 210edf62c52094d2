using System.Globalization;

namespace SpotCheck.Load;

/// <summary>One timed request, and the lines the load modes print: requests/s, statuses, percentiles overall and per kind.</summary>
sealed record Sample(string Kind, int Status, long Micros, long Bytes);

static class LatencyReport
{
    /// <summary>Prints the report; returns the count of 5xx answers and transport errors.</summary>
    public static int Print(List<Sample> all, double elapsedSeconds)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"requests {all.Count} in {elapsedSeconds:F1} s: {all.Count / elapsedSeconds:F0}/s, {all.Sum(s => s.Bytes) / 1048576.0:F1} MiB received"));
        Console.WriteLine("status " + string.Join(", ", all.GroupBy(s => s.Status).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{(g.Key == 0 ? "transport-error" : g.Key.ToString(CultureInfo.InvariantCulture))}×{g.Count()}"))));
        Console.WriteLine(Line("all", all));
        foreach (var g in all.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)) Console.WriteLine(Line(g.Key, [.. g]));
        var errors = all.Count(s => s.Status is >= 500 or 0);
        Console.WriteLine($"5xx or transport errors: {errors}");
        return errors;
    }

    static string Line(string label, List<Sample> set)
    {
        var sorted = set.Select(s => s.Micros).Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"  {label,-22} n={sorted.Length,7}  p50 {P(sorted, 50),7} ms  p95 {P(sorted, 95),7} ms  p99 {P(sorted, 99),7} ms  max {sorted[^1] / 1000.0,8:F1} ms");
    }

    static string P(long[] sorted, int percentile) =>
        (sorted[Math.Min(sorted.Length - 1, (int)((long)sorted.Length * percentile / 100))] / 1000.0).ToString("F1", CultureInfo.InvariantCulture);
}
