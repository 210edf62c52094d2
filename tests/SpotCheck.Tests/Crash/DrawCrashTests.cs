using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SpotCheck.Core.Enterprises;
using SpotCheck.Draw.Record;
using SpotCheck.Tests.TestSupport;
using Xunit.Abstractions;

namespace SpotCheck.Tests.Crash;

/// <summary>
/// Issue 5, "nothing half-done after a crash": the real host runs as a child process and is killed (SIGKILL, whole
/// tree) between ceremony steps and in the middle of the run step, then started again on the same storage. Each draw
/// must then be exactly in the state of its last completed step and able to go on or be voided, with no selections or
/// tasks before the run completed, all of them after, and an intact audit chain; the finished records pass
/// <c>spotcheck draw verify</c> and the exported log passes <c>spotcheck audit verify</c>.
/// </summary>
/// <remarks>
/// A restart costs seconds, so three draws take turns: at each crash they have completed different numbers of steps,
/// (3, 2, 1), then (6, 5, 4), then (9, 8, 7), and a plan without a draw stands for step 0, which covers every gap of
/// the ceremony with three crashes. Each crash also lands in the middle of a fourth, large draw's run, at a different
/// point, until that run has completed once.
/// </remarks>
[Trait("Category", "Crash")]
public abstract class DrawCrashTests(DbProvider provider, ITestOutputHelper output)
{
    const string Department = "CRASH";
    const int SmallFrame = 100;
    /// <summary>Half of these are selected, so the large draw's run is the longest step by far.</summary>
    const int LargeFrame = 3000;
    static readonly string[] SmallTags = ["CRASH-1", "CRASH-2", "CRASH-3", "CRASH-VOID"];

    /// <summary>Steps the three staggered draws have completed at each crash.</summary>
    static readonly int[][] Staggered = [[3, 2, 1], [6, 5, 4], [9, 8, 7]];

    /// <summary>When to kill the host during the large draw's run step (one per crash).</summary>
    sealed record RunKill(string When, int AfterSendMs = 0, int AfterWriteSeenMs = -1);

    static readonly RunKill[] RunKills =
    [
        new("30 ms after sending", AfterSendMs: 30),
        new("as soon as its transaction writes", AfterWriteSeenMs: 0),
        new("150 ms into its writing", AfterWriteSeenMs: 150),
    ];

    [SkippableFact]
    public async Task Killing_the_host_between_and_during_steps_leaves_every_draw_resumable_or_voidable_with_a_valid_chain()
    {
        var clock = Stopwatch.StartNew();
        await using var storage = await TestStorage.CreateOrSkipAsync(provider);
        await using var server = new CrashServer(storage);
        var (crash, itemId) = await PrepareAsync(storage, server, line => output.WriteLine($"{clock.ElapsedMilliseconds,6} ms  {line}"));
        var checks = new CrashChecks(server, storage, crash);
        output.WriteLine($"{clock.ElapsedMilliseconds,6} ms  {provider}: prepared");

        // The child process runs on the system clock: the plan year is Beijing's, the year the host validates against.
        var year = SpotCheck.Core.Plans.DrawClock.Today(TimeProvider.System.GetUtcNow()).Year;
        async Task<CeremonyDraw> PlanAsync(string tag, long ratioPpm) => new(await crash.CreatePublishedPlanAsync(new
        {
            year, name = "断电测试·" + tag, itemIds = new[] { itemId }, departmentCodes = new[] { Department }, tags = tag, teamSize = 2,
            windowDays = 0, endDate = $"{year}-12-31",
            ratioPpm = new Dictionary<string, long> { ["A"] = ratioPpm, ["B"] = ratioPpm, ["C"] = ratioPpm, ["D"] = ratioPpm },
        }), tag);
        CeremonyDraw[] staggered = [await PlanAsync(SmallTags[0], 100_000), await PlanAsync(SmallTags[1], 100_000), await PlanAsync(SmallTags[2], 100_000)];
        var voided = await PlanAsync(SmallTags[3], 100_000);
        var large = await PlanAsync("CRASH-LOAD", 500_000);
        var draws = new List<CeremonyDraw>([.. staggered, voided, large]);
        var runOutcomes = new List<(string Text, bool WritingAtKill)>();
        await using var watch = await CrashWriteWatch.OpenAsync(storage);

        for (var crashNo = 0; crashNo < Staggered.Length; crashNo++)
        {
            for (var i = 0; i < staggered.Length; i++) await crash.AdvanceAsync(staggered[i], Staggered[crashNo][i]);
            switch (crashNo)
            {
                case 0: // the void plan has no draw yet: it stands for step 0
                    await crash.AdvanceAsync(large, (int)CeremonyStep.Run);
                    break;
                case 1:
                    await crash.AdvanceAsync(voided, 2); // the organiser's secret is then "lost" in the crash
                    break;
                case 2:
                    await crash.VoidAsync(voided, "断电后组织方秘密值丢失，作废重抽");
                    var retry = new CeremonyDraw(voided.PlanId, "void-retry");
                    draws.Add(retry);
                    await crash.StepAsync(retry);
                    Assert.NotEqual(voided.DrawId, retry.DrawId);
                    break;
            }
            if (large.Next == CeremonyStep.Run)
                runOutcomes.Add(await KillDuringRunAsync(crash, server, watch, large, RunKills[crashNo]));
            else
                await server.RestartAsync();
            var log = await checks.AssertChainIntactAsync();
            foreach (var d in draws) await checks.AssertDrawAsync(d, log);
            output.WriteLine($"{clock.ElapsedMilliseconds,6} ms  crash {crashNo + 1}: {string.Join("; ", draws)}");
        }
        output.WriteLine("kills during the large run: " + string.Join("; ", runOutcomes.Select(o => o.Text)));
        Assert.True(runOutcomes.Any(o => o.WritingAtKill), "no kill landed while the run was writing");

        // Every draw left mid-ceremony goes on to the end; an interrupted run is simply run again.
        foreach (var d in draws.Where(d => !d.Voided)) await crash.AdvanceAsync(d, CeremonyDraw.AllSteps);
        var final = await checks.AssertChainIntactAsync();
        foreach (var d in draws) await checks.AssertDrawAsync(d, final);
        await VerifyRecordsAsync(storage, server, [.. draws.Where(d => !d.Voided)], [staggered[0], large]);
        output.WriteLine($"{clock.ElapsedMilliseconds,6} ms  {provider}: {server.Starts} starts");
    }

    /// <summary>Sends the run, kills the host at <paramref name="kill"/> and restarts it; the draw is then either untouched or fully run.</summary>
    static async Task<(string Text, bool WritingAtKill)> KillDuringRunAsync(
        CrashCeremony crash, CrashServer server, CrashWriteWatch watch, CeremonyDraw draw, RunKill kill)
    {
        using var planner = crash.Planner();
        var held = kill.AfterWriteSeenMs >= 0 ? await watch.HoldAuditAppendAsync() : null;
        var sent = Stopwatch.StartNew();
        var run = crash.SendRunAsync(planner, draw);
        if (kill.AfterWriteSeenMs >= 0)
        {
            if (await watch.WaitForWriteAsync(server.ProcessId, run, TimeSpan.FromSeconds(60)) && kill.AfterWriteSeenMs > 0)
                await Task.Delay(kill.AfterWriteSeenMs);
        }
        else
            await Task.WhenAny(run, Task.Delay(kill.AfterSendMs));
        using var answer = run.IsCompletedSuccessfully ? run.Result : null;
        var answered = answer?.IsSuccessStatusCode == true;
        var writingAtKill = await watch.IsWritingAsync(server.ProcessId);
        var killedAfter = sent.ElapsedMilliseconds;
        server.Kill();
        // Let go only once the host is dead: its transaction then ends with its connection, never committed.
        if (held is not null) await held.DisposeAsync();
        await server.StartAsync();
        var status = (await crash.GetDrawAsync(draw))["status"]!.GetValue<string>();
        if (status != "Revealed") draw.StepsDone = (int)CeremonyStep.Run + 1; // the checks then demand every selection and task
        Assert.True(!answered || draw.HasRun, $"{draw}: the run answered but was not kept");
        var at = writingAtKill ? "while writing" : answered ? "after it answered" : "before or after its writes";
        return ($"{kill.When}: killed at {killedAfter} ms {at} -> {status}", writingAtKill);
    }

    /// <summary>
    /// Users and their bearer tokens by <c>spotcheck users</c>, the enterprises by <c>spotcheck import</c> while the
    /// host starts; then a department of ten officers and a published item over the API. The first command runs alone:
    /// it creates the schema and the roles (two first <c>users add</c> at once fail on the roles' unique index).
    /// </summary>
    static async Task<(CrashCeremony Ceremony, int ItemId)> PrepareAsync(TestStorage storage, CrashServer server, Action<string> log)
    {
        var store = SpotcheckCli.StorageArgs(storage);
        var enterprises = Path.Combine(storage.DataDir, "enterprises.csv");
        await File.WriteAllTextAsync(enterprises, EnterprisesCsv(), Encoding.UTF8);
        await SpotcheckCli.SucceedAsync(TestHost.Password, ["users", "add", "crash-planner", "--role", "Planner", "--password-stdin", .. store]);
        log("schema, roles and the planner");
        var started = server.StartAsync();
        var prepared = await Task.WhenAll(
            SpotcheckCli.SucceedAsync(null, ["users", "token", "crash-planner", .. store]),
            SpotcheckCli.SucceedAsync(TestHost.Password, ["users", "add", "crash-supervisor", "--role", "Supervisor", "--password-stdin", .. store]),
            SpotcheckCli.SucceedAsync(null, ["import", "enterprises", enterprises, .. store]));
        await started;
        Assert.Equal($"imported {SmallTags.Length * SmallFrame + LargeFrame}", prepared[2]);
        log("host, supervisor and enterprises");
        var supervisorToken = SpotcheckCli.SucceedAsync(null, ["users", "token", "crash-supervisor", .. store]);
        var itemId = await DirectoryAsync(server.Client(prepared[0]));
        return (new CrashCeremony(server, prepared[0], await supervisorToken), itemId);
    }

    /// <summary>A department with ten officers with room for the large draw's teams, and a published item of it.</summary>
    static async Task<int> DirectoryAsync(HttpClient planner)
    {
        using (planner)
        {
            var department = (await CrashCeremony.JsonAsync(await planner.PostAsJsonAsync("/api/v1/departments",
                new { code = Department, name = "断电测试局" })))["id"]!.GetValue<int>();
            for (var i = 1; i <= 10; i++)
                await CrashCeremony.JsonAsync(await planner.PostAsJsonAsync("/api/v1/officers", new
                {
                    code = $"CR-OFF-{i:D2}", name = $"断电测试人员{i}", departmentId = department, certificateNo = $"CR-CERT-{i:D4}",
                    certificateValidTo = "2030-12-31", specialties = "综合执法", active = true, workloadCap = 10_000,
                }));
            var item = (await CrashCeremony.JsonAsync(await planner.PostAsJsonAsync("/api/v1/items", new
            {
                code = "CR-ITEM", name = "断电测试事项", enforcementBody = "断电测试局", legalBasis = "《测试条例》第一条", departmentId = department,
                targetType = "ENTERPRISE", content = "是否按规定备案", methods = "ONSITE;DOCUMENT", category = "GENERAL",
                ratioFrequencyNote = "5%，每年一次", effectiveFrom = "2026-01-01",
            })))["id"]!.GetValue<int>();
            await CrashCeremony.JsonAsync(await planner.PostAsync($"/api/v1/items/{item}/publish", null), System.Net.HttpStatusCode.NoContent);
            return item;
        }
    }

    /// <summary>A small frame per small draw (so the yearly cap never links them) and the large one.</summary>
    static string EnterprisesCsv()
    {
        var csv = new StringBuilder("统一社会信用代码,名称,行政区划代码,地址,行业标签,信用风险分类,经营异常名录,严重违法失信,登记状态,联系人,联系电话\n");
        for (var i = 1; i <= SmallTags.Length * SmallFrame + LargeFrame; i++)
        {
            var uscc = Uscc.Compose("91", "411721", "CR" + i.ToString("D6", CultureInfo.InvariantCulture)).Value;
            var tag = (i - 1) / SmallFrame < SmallTags.Length ? SmallTags[(i - 1) / SmallFrame] : "CRASH-LOAD";
            csv.Append(CultureInfo.InvariantCulture, $"{uscc},断电测试企业{i:D4},411721,西平县测试路{i}号,{tag},{"ABCD"[i % 4]},否,否,存续,,\n");
        }
        return csv.ToString();
    }

    /// <summary>
    /// Every published record passes the DRAW-v1 verifier; those of the large draw and of the draw that went through
    /// every crash also pass <c>spotcheck draw verify</c>, and the exported log <c>spotcheck audit verify</c>, as a user
    /// would run them (each child process costs seconds, so not every record goes through the CLI).
    /// </summary>
    static async Task VerifyRecordsAsync(TestStorage storage, CrashServer server, IReadOnlyList<CeremonyDraw> finished, IReadOnlyList<CeremonyDraw> viaCli)
    {
        using var anonymous = server.Client();
        var files = new List<string>();
        foreach (var draw in finished)
        {
            var record = await anonymous.GetByteArrayAsync($"/api/v1/public/draws/{draw.DrawId}/record");
            var verification = DrawRecordVerifier.Verify(record);
            Assert.True(verification.IsValid, $"{draw}: {verification.Discrepancy}");
            if (!viaCli.Contains(draw)) continue;
            files.Add(Path.Combine(storage.DataDir, $"record-{draw.DrawId}.json"));
            await File.WriteAllBytesAsync(files[^1], record);
        }
        var export = SpotcheckCli.SucceedAsync(null, ["audit", "export", .. SpotcheckCli.StorageArgs(storage)]);
        var verified = await Task.WhenAll(files.Select(f => SpotcheckCli.SucceedAsync(null, "draw", "verify", f)));
        Assert.All(verified, v => Assert.StartsWith("OK", v));
        var log = Path.Combine(storage.DataDir, "audit.jsonl");
        await File.WriteAllTextAsync(log, await export + "\n");
        var chain = await SpotcheckCli.SucceedAsync(null, "audit", "verify", log);
        var head = JsonNode.Parse(await anonymous.GetStringAsync("/api/v1/public/audit/head"))!;
        Assert.Equal($"OK {head["seq"]} entries head={head["hash"]}", chain);
    }
}

[Trait("Category", "Crash")]
public sealed class SqliteDrawCrashTests(ITestOutputHelper output) : DrawCrashTests(DbProvider.Sqlite, output);

[Trait("Category", "Crash")]
public sealed class PostgresDrawCrashTests(ITestOutputHelper output) : DrawCrashTests(DbProvider.Postgres, output);
