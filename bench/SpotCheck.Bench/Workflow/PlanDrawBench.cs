using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Items;
using SpotCheck.Core.Officers;
using SpotCheck.Core.Plans;
using SpotCheck.Core.Transfer;
using SpotCheck.Draw.Record;
using SpotCheck.Migrations.Sqlite;

namespace SpotCheck.Bench.Workflow;

/// <summary>
/// SPEC §6 "planning a draw over 1 million directory rows in the database (freeze + hash + select + persist)": one
/// full ceremony through the real use-case handlers on a fresh SQLite database, each step timed once (a minutes-long
/// setup does not suit BenchmarkDotNet's repetitions). Run by bench/draw-plan-1m.sh.
/// </summary>
static class PlanDrawBench
{
    const string Actor = "bench";

    /// <summary>Earlier selections per year of seeded history (issue 12: "10 years × 50,000 earlier selections").</summary>
    const int HistoryPerYear = 50_000;

    public static async Task<int> RunAsync(string enterprisesCsv, string dataDir, long ppm, int officers, int historyYears = 0)
    {
        Directory.CreateDirectory(dataDir);
        // As `spotcheck serve` does after its start (DrawWarmUp).
        var warm = await TimeAsync(() => Task.Run(() => SpotCheck.Draw.EngineWarmUp.RunUntilSettled(SpotCheck.Draw.EngineWarmUp.Budget)));
        Console.WriteLine($"draw engine warm-up (as the server does at start): {warm:F2} s");
        using var steps = StepPrinter.Listen();
        var options = BenchDatabase.Options(dataDir, serverCheckpoints: true);
        using var stopCheckpoints = new CancellationTokenSource();
        var checkpoints = BenchDatabase.CheckpointsAsync(dataDir, stopCheckpoints.Token);
        Console.WriteLine($"database: {(BenchDatabase.IsPostgres ? "PostgreSQL" : "SQLite")}");
        var clock = TimeProvider.System;
        AppDbContext Context() => new((DbContextOptions<AppDbContext>)options);
        var itemId = Reuse ? await ReusedItemAsync(Context()) : 0;
        if (itemId == 0) itemId = await SetUpAsync(Context, clock, enterprisesCsv, officers);
        else Console.WriteLine("setup: reusing the directory and officers already in the database (BENCH_REUSE=1)");
        await using (var db = Context())
        {
            var ceremonyWarm = await TimeAsync(() => CeremonyWarmUp.RunAsync(db, clock, CancellationToken.None));
            Console.WriteLine($"freeze warm-up (as `spotcheck serve` does after its start on this directory, stores nothing): {ceremonyWarm:F2} s");
            Console.WriteLine($"idle until the runtime's background recompiling stops, as a server is between its start and a ceremony: {await TimeAsync(JitSettledAsync):F2} s");
        }

        async Task<(string DrawId, double Seconds)> FreezeNewPlanAsync()
        {
            await using var db = Context();
            var audit = new AuditLog(db, clock);
            var planId = (await new SavePlan.Handler(db, audit, clock).HandleAsync(new SavePlan.Command
            {
                Year = 2026, Name = "基准测试计划" + await db.Plans.CountAsync(), ItemIds = [itemId], DepartmentCodes = ["BENCH"],
                RatioPpm = new() { ["A"] = ppm, ["B"] = ppm, ["C"] = ppm, ["D"] = ppm }, WindowDays = 365, TeamSize = 2,
                EndDate = new DateOnly(2026, 12, 31),
            }, Actor)).Value;
            Check(await new PublishPlan.Handler(db, audit, clock).HandleAsync(planId, Actor));
            var id = "";
            var seconds = await TimeAsync(async () => id = (await new FreezeDraw.Handler(db, audit, clock)
                .HandleAsync(new FreezeDraw.Command { PlanId = planId, RandomnessSource = "dice：基准测试" }, Actor)).Value);
            return (id, seconds);
        }

        async Task<(double Ceremony, double Run)> CeremonyAndRunAsync(string id)
        {
            var ceremony = await TimeAsync(async () =>
            {
                await using var db = Context();
                var audit = new AuditLog(db, clock);
                var secrets = new Dictionary<string, string>();
                foreach (var party in DrawSession.Parties)
                    secrets[party] = (await new CommitDraw.Handler(db, audit, clock).HandleAsync(id, party, null, party)).Value;
                foreach (var who in new[] { "organiser", "supervisor" })
                    Check(await new EnterPublicRandomness.Handler(db, audit, clock).HandleAsync(id, "dice:31415926535897932384", who));
                foreach (var (party, secret) in secrets) Check(await new RevealSecret.Handler(db, audit, clock).HandleAsync(id, party, secret, party));
            });
            Console.WriteLine($"commit x2, randomness x2, reveal x2: {ceremony:F2} s");
            await using var db = Context();
            RunDraw.Outcome? outcome = null;
            var run = await TimeAsync(async () => outcome = (await new RunDraw.Handler(db, new AuditLog(db, clock), clock).HandleAsync(id, Actor)).Value);
            Console.WriteLine($"run (seed, hash + select over the frame, assign, tasks, persist): {run:F2} s, {outcome!.Selected:N0} selected, {outcome.Teams:N0} teams, {outcome.Infeasible.Count} infeasible");
            return (ceremony, run);
        }

        // BENCH_FREEZES=N: N freezes (the first is run), each timed; their median compares with and without history.
        async Task<double> MoreFreezesAsync(double first, string label)
        {
            var times = new List<double> { first };
            while (times.Count < Freezes) times.Add((await FreezeNewPlanAsync()).Seconds);
            if (Freezes > 1) Console.WriteLine($"{Freezes} freezes, {label}: {string.Join(", ", times.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))} s");
            return times.Order().ElementAt(times.Count / 2);
        }

        var (drawId, freeze) = await FreezeNewPlanAsync();
        Console.WriteLine($"freeze (frame query, snapshot, inputsHash, persist), no earlier selections: {freeze:F2} s");
        var (_, run) = await CeremonyAndRunAsync(drawId);
        await using (var db = Context())
        {
            System.Text.Json.Nodes.JsonObject? record = null;
            var build = await TimeAsync(async () => record = (await new DrawRecords.Handler(db).HandleAsync(drawId, includePrivateFiles: true)).Value);
            var bytes = System.Text.Encoding.UTF8.GetBytes(record!.ToJsonString());
            Console.WriteLine($"record build: {build:F2} s, {bytes.Length / 1048576.0:F1} MiB");
            RecordVerification? verdict = null;
            var verify = await TimeAsync(() => { verdict = DrawRecordVerifier.Verify(bytes); return Task.CompletedTask; });
            Console.WriteLine($"record verify: {verify:F2} s -> {(verdict!.IsValid ? verdict.Summary : verdict.Discrepancy)}");
        }
        var without = await MoreFreezesAsync(freeze, "no earlier selections");
        if (historyYears > 0)
        {
            await using (var db = Context())
            {
                await SeedHistoryAsync(db, historyYears);
                await BenchDatabase.SettleAsync(db, dataDir);
                // A server started on a database with this history warms its freeze on it (latest teams included).
                var rewarm = await TimeAsync(() => CeremonyWarmUp.RunAsync(db, clock, CancellationToken.None));
                Console.WriteLine($"freeze warm-up over the history (as a server started on this database does): {rewarm:F2} s");
                Console.WriteLine($"idle until the runtime's background recompiling stops: {await TimeAsync(JitSettledAsync):F2} s");
            }
            var (historyDraw, again) = await FreezeNewPlanAsync();
            Console.WriteLine($"freeze after {historyYears} years × {HistoryPerYear:N0} earlier selections: {again:F2} s (vs {freeze:F2} s without)");
            var with = await MoreFreezesAsync(again, "after the history");
            if (Freezes > 1) Console.WriteLine($"median of {Freezes} freezes: {with:F2} s after the history against {without:F2} s without ({with / without:F2}×)");
            var (_, runAgain) = await CeremonyAndRunAsync(historyDraw);
            Console.WriteLine($"run after {historyYears} years × {HistoryPerYear:N0} earlier selections: {runAgain:F2} s (vs {run:F2} s without)");
        }
        await stopCheckpoints.CancelAsync();
        await checkpoints;
        return 0;
    }

    /// <summary>
    /// Waits until half a second passes without the runtime compiling a method (at most 20 s): what a server's quiet
    /// minutes between its start and a ceremony give, without which the ceremony shares the cores with that compiling.
    /// </summary>
    static async Task JitSettledAsync()
    {
        var watch = Stopwatch.StartNew();
        for (long compiled = -1; watch.Elapsed < TimeSpan.FromSeconds(20);)
        {
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == compiled) return;
            compiled = now;
            await Task.Delay(500);
        }
    }

    static int Freezes => int.TryParse(Environment.GetEnvironmentVariable("BENCH_FREEZES"), out var n) && n > 1 ? n : 1;

    /// <summary>With BENCH_REUSE=1 a database that already holds the directory is kept (repeated runs skip the import).</summary>
    static bool Reuse => Environment.GetEnvironmentVariable("BENCH_REUSE") == "1";

    static async Task<int> ReusedItemAsync(AppDbContext db)
    {
        await using (db)
        {
            try
            {
                return await db.Enterprises.AnyAsync() ? await db.InspectionItems.Where(i => i.Code == "BENCH-ITEM").Select(i => i.Id).FirstOrDefaultAsync() : 0;
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
            {
                return 0; // no database yet
            }
        }
    }

    static async Task<int> SetUpAsync(Func<AppDbContext> context, TimeProvider clock, string enterprisesCsv, int officers)
    {
        await BenchDatabase.ResetAsync();
        await using (var db = context()) await DatabaseInitializer.InitializeAsync(db, CancellationToken.None);
        int itemId;
        await using (var db = context())
        {
            var audit = new AuditLog(db, clock);
            db.Departments.Add(new Department("BENCH", "基准测试部门"));
            await db.SaveChangesAsync();
            var dept = await db.Departments.SingleAsync(d => d.Code == "BENCH");
            itemId = (await new SaveItem.Handler(db, audit, clock).HandleAsync(new SaveItem.Command
            {
                Code = "BENCH-ITEM", Name = "基准测试事项", EnforcementBody = "基准测试部门", LegalBasis = "基准测试", DepartmentId = dept.Id,
                Content = "基准测试内容", Methods = "ONSITE", EffectiveFrom = new DateOnly(2026, 1, 1),
            }, Actor)).Value;
            Check(await new PublishItem.Handler(db, audit, clock).HandleAsync(itemId, Actor));
            Console.WriteLine($"officers: {await TimeAsync(() => ImportOfficersAsync(db, audit, clock, officers)):F2} s for {officers}");
        }
        await using (var db = context())
        {
            var seconds = await TimeAsync(async () =>
            {
                await using var file = File.OpenRead(enterprisesCsv);
                var result = await new ImportEnterprises.Handler(db, new AuditLog(db, clock), clock)
                    .HandleAsync(file, TabularFormat.Csv, Sha256(enterprisesCsv), Actor);
                if (!result.IsSuccess) throw new InvalidOperationException("enterprise import failed");
            });
            Console.WriteLine($"enterprises: {seconds:F2} s for {await db.Enterprises.CountAsync():N0} rows (setup, see bench/import-1m.sh)");
        }

        return itemId;
    }

    /// <summary>
    /// Benchmark data only: earlier years' selections written straight into the table (one staffed round per year over
    /// a different twentieth of the directory), as ten years of a province's draws would leave them.
    /// </summary>
    static async Task SeedHistoryAsync(AppDbContext db, int years)
    {
        var plan = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var watch = Stopwatch.StartNew();
        // The team column: an array on PostgreSQL, a JSON array on SQLite.
        object team = BenchDatabase.IsPostgres ? new[] { "BENCH-00001", "BENCH-00002" } : """["BENCH-00001","BENCH-00002"]""";
        for (var y = 0; y < years; y++)
        {
            var year = 2025 - y;
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "DrawSelections" ("DrawId", "PlanId", "EnterpriseId", "Uscc", "Rank", "Stratum", "SelectedOn", "Team", "IsSupplement")
                SELECT {"HIST-" + year.ToString(CultureInfo.InvariantCulture)}, {plan}, "Id", "Uscc", "Id", "RiskClass",
                    {new DateOnly(year, 6, 1)}, {team}, {false}
                FROM "Enterprises" WHERE ("Id" + {year}) % 20 = 0 LIMIT {HistoryPerYear}
                """);
        }
        // What each of those draws' runs would have kept current: the latest team per enterprise.
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await LatestTeams.RebuildAsync(db, null, CancellationToken.None);
            await tx.CommitAsync();
        }
        Console.WriteLine($"history: {await db.DrawSelections.CountAsync():N0} selections in all ({await db.LatestTeams.CountAsync():N0} enterprises with a latest team) after seeding {years} years in {watch.Elapsed.TotalSeconds:F1} s");
    }

    static async Task ImportOfficersAsync(AppDbContext db, AuditLog audit, TimeProvider clock, int count)
    {
        var rows = Enumerable.Range(1, count).Select(i => new string?[]
        {
            $"BENCH-{i:D5}", $"基准人员{i}", "BENCH", "基准测试部门", $"BENCH-CERT-{i:D5}", "2030-12-31", "基准", "是", "1000",
        });
        using var buffer = new MemoryStream();
        TabularFile.Write(buffer, TabularFormat.Csv, OfficerLayout.Layout, rows);
        buffer.Position = 0;
        var result = await new ImportOfficers.Handler(db, audit, clock).HandleAsync(buffer, TabularFormat.Csv, Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray())), Actor);
        if (!result.IsSuccess) throw new InvalidOperationException("officer import failed");
    }

    static async Task<double> TimeAsync(Func<Task> step)
    {
        var watch = Stopwatch.StartNew();
        await step();
        return watch.Elapsed.TotalSeconds;
    }

    static void Check(SpotCheck.Core.Common.Result r)
    {
        if (!r.IsSuccess) throw new InvalidOperationException(r.Error!.Code + ": " + r.Error.Message);
    }

    static string Sha256(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    public static string Usage => "plan-draw ENTERPRISES.csv DATA_DIR [PPM=10000] [OFFICERS=2000] [HISTORY_YEARS=0]";

    public static long Arg(string[] args, int index, long fallback) =>
        args.Length > index ? long.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    /// <summary>Prints each step of a freeze and a run (the "SpotCheck.Draws" spans) as it ends, indented under its operation.</summary>
    sealed class StepPrinter : IDisposable
    {
        readonly ActivityListener _listener = new()
        {
            ShouldListenTo = s => s.Name == DrawSteps.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            // With each step, the garbage collector's pauses inside it (big snapshot texts can cost full collections), the
            // runtime's compiling on any thread (a first ceremony recompiles hot code in the background) and the CPU used.
            ActivityStarted = a => a.SetCustomProperty("gc", (GC.CollectionCount(2), GC.GetTotalPauseDuration(), System.Runtime.JitInfo.GetCompilationTime(), Cpu())),
            ActivityStopped = a =>
            {
                var (gen2, paused, jit, cpu) = ((int, TimeSpan, TimeSpan, (TimeSpan, TimeSpan)))a.GetCustomProperty("gc")!;
                var (user, system) = Cpu();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {new string(' ', 2 * Depth(a))}{a.OperationName}: {a.Duration.TotalSeconds:F2} s (GC paused {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F2} s, {GC.CollectionCount(2) - gen2} full; JIT {(System.Runtime.JitInfo.GetCompilationTime() - jit).TotalSeconds:F2} s; CPU user {(user - cpu.Item1).TotalSeconds:F2} s, system {(system - cpu.Item2).TotalSeconds:F2} s)"));
            },
        };

        public static StepPrinter Listen()
        {
            var printer = new StepPrinter();
            ActivitySource.AddActivityListener(printer._listener);
            return printer;
        }

        static (TimeSpan User, TimeSpan System) Cpu()
        {
            using var self = Process.GetCurrentProcess();
            return (self.UserProcessorTime, self.PrivilegedProcessorTime);
        }

        static int Depth(Activity a)
        {
            var depth = 0;
            for (var p = a.Parent; p is not null; p = p.Parent) depth++;
            return depth;
        }

        public void Dispose() => _listener.Dispose();
    }
}
