using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Statistics;

namespace SpotCheck.Bench.Workflow;

/// <summary>
/// Issue 13 "every dashboard answers in &lt; 1 s on 1,000,000 enterprises and 100,000 tasks": builds the data with
/// <see cref="PlanDrawBench"/> (a real draw of N × PPM targets, one task each, two officers per team), then times the
/// statistics dashboard, the fairness report and the repeat-check alerts through their handlers, cold and warm.
/// Run by bench/statistics-1m.sh.
/// </summary>
static class StatisticsBench
{
    public const string Usage = "statistics ENTERPRISES.csv DATA_DIR [PPM=100000] [OFFICERS=2000]";

    public static async Task<int> RunAsync(string enterprisesCsv, string dataDir, long ppm, int officers)
    {
        // A kept SQLite dataset (bench/statistics-1m.sh with KEEP=DIR) is timed again without the minutes of setup;
        // with BENCH_PG the database "spotcheck_bench" is built afresh and left on the server.
        if (BenchDatabase.IsPostgres || !File.Exists(Path.Combine(dataDir, "spotcheck.db")))
        {
            var code = await PlanDrawBench.RunAsync(enterprisesCsv, dataDir, ppm, officers);
            if (code != 0) return code;
        }
        var builder = BenchDatabase.Builder(dataDir);
        // SQL_LOG=1 prints every statement with its time ("Executed DbCommand (N ms)"): where a dashboard spends it.
        if (Environment.GetEnvironmentVariable("SQL_LOG") == "1")
            builder.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]);
        var options = (DbContextOptions<AppDbContext>)builder.Options;
        if (BenchDatabase.IsPostgres)
        {
            // The data were written a moment ago; autovacuum analyses them within a minute or so, and until it has, the
            // planner guesses. Timed as a database that has settled, as it has long before anyone opens a dashboard.
            var analyze = System.Diagnostics.Stopwatch.StartNew();
            await using (var db = new AppDbContext(options)) await db.Database.ExecuteSqlRawAsync("ANALYZE");
            Console.WriteLine($"ANALYZE (what autovacuum does shortly after bulk writes): {analyze.Elapsed.TotalSeconds:F2} s");
        }
        await using (var db = new AppDbContext(options))
            Console.WriteLine($"data: {await db.Enterprises.CountAsync():N0} enterprises, {await db.InspectionTasks.CountAsync():N0} tasks, {await db.TaskMembers.CountAsync():N0} team seats");
        var filter = new StatisticsFilter(2026);
        for (var run = 1; run <= 3; run++)
        {
            await using var db = new AppDbContext(options);
            var clock = TimeProvider.System;
            StatisticsDashboard.Dashboard? d = null;
            var dashboard = await TimeAsync(async () => d = await new StatisticsDashboard.Handler(db, clock).HandleAsync(filter));
            var fairness = await TimeAsync(() => new FairnessReport.Handler(db).HandleAsync(filter, d!.Strata));
            var alerts = await TimeAsync(() => new RepeatChecks.Handler(db).HandleAsync(filter, 1));
            var byItem = await TimeAsync(() => new StatisticsDashboard.Handler(db, clock).HandleAsync(filter with { ItemCode = "BENCH-ITEM" }));
            Console.WriteLine($"run {run}: dashboard {dashboard:F3} s ({d!.Progress.Sum(p => p.Tasks):N0} tasks), fairness {fairness:F3} s, "
                + $"alerts {alerts:F3} s, dashboard filtered by item {byItem:F3} s");
        }
        return 0;
    }

    static async Task<double> TimeAsync(Func<Task> step)
    {
        var watch = Stopwatch.StartNew();
        await step();
        return watch.Elapsed.TotalSeconds;
    }
}
