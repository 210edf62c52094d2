using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Draw.Audit;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Crash;

/// <summary>
/// What a restarted host must show for a draw that completed <c>StepsDone</c> steps: exactly that state over the API,
/// exactly that step's audit entries, selections and tasks only once the run step completed, and an intact chain
/// whose head the public API reports.
/// </summary>
public sealed class CrashChecks(CrashServer server, TestStorage storage, CrashCeremony ceremony)
{
    public sealed record AuditLine(long Seq, string Type, string? DrawId, JsonObject Payload);

    static readonly string[][] AuditOfStep =
    [
        ["INPUTS_FROZEN"], ["COMMIT"], ["COMMIT"], ["PUBLIC_RANDOMNESS_FIRST_ENTRY"], ["PUBLIC_RANDOMNESS"], ["REVEAL"], ["REVEAL"],
        ["DRAW_RESULT", "ASSIGNMENT_RESULT"], ["PUBLISHED"],
    ];

    /// <summary>Reads the stored chain directly (as <c>audit export</c> does), walks it, and compares its head with the API's.</summary>
    public async Task<IReadOnlyList<AuditLine>> AssertChainIntactAsync()
    {
        var text = new StringWriter();
        await using (var db = OpenDb()) await AuditExport.WriteJsonLinesAsync(db, text, CancellationToken.None);
        var verification = LogChain.Verify(new StringReader(text.ToString()));
        Assert.True(verification.IsIntact, verification.ToString());
        using var client = server.Client();
        var head = await CrashCeremony.JsonAsync(await client.GetAsync("/api/v1/public/audit/head"));
        Assert.Equal((verification.Count, verification.Head), (head["seq"]!.GetValue<long>(), head["hash"]!.GetValue<string>()));
        return text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).Select(e => new AuditLine(
            e["seq"]!.GetValue<long>(), e["type"]!.GetValue<string>(), e["drawId"]?.GetValue<string>(), e["payload"]!.AsObject())).ToList();
    }

    public async Task AssertDrawAsync(CeremonyDraw draw, IReadOnlyList<AuditLine> log)
    {
        var k = draw.StepsDone;
        if (k == 0)
        {
            await AssertNoDrawAsync(draw.PlanId);
            return;
        }
        var dto = await ceremony.GetDrawAsync(draw);
        var status = dto["status"]!.GetValue<string>();
        var expected = draw.Voided ? "Voided" : StatusAfter(k);
        if (expected is null) Assert.True(status is "Drawn" or "Partial", $"{draw}: status {status}");
        else Assert.True(expected == status, $"{draw}: status {status}, expected {expected}");

        Assert.Equal((k > 1, k > 2), (dto["commitments"]!["organizer"] is not null, dto["commitments"]!["supervisor"] is not null));
        // Only before the second entry: the product keeps the held first entry after confirming, so the flag stays set.
        if (k <= 4) Assert.True((k == 4) == dto["randomnessPending"]!.GetValue<bool>(), $"{draw}: randomnessPending");
        Assert.Equal(k > 4 ? CrashCeremony.Dice : null, dto["publicRandomness"]?.GetValue<string>());
        var revealed = dto["revealedParties"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Assert.Equal(new[] { "organizer", "supervisor" }.Take(Math.Clamp(k - 5, 0, 2)), revealed);
        Assert.Equal(draw.HasRun, dto["seed"] is not null);
        Assert.Equal(k > (int)CeremonyStep.Publish, dto["publishedAtUtc"] is not null);

        var auditTypes = log.Where(l => l.DrawId == draw.DrawId).Select(l => l.Type).ToList();
        var expectedTypes = AuditOfStep.Take(k).SelectMany(t => t).Concat(draw.Voided ? ["VOIDED"] : Array.Empty<string>()).ToList();
        Assert.True(expectedTypes.SequenceEqual(auditTypes, StringComparer.Ordinal),
            $"{draw}: audit [{string.Join(",", auditTypes)}], expected [{string.Join(",", expectedTypes)}]");

        if (draw.Voided)
            Assert.Equal(StatusAfter(k), log.Single(l => l.DrawId == draw.DrawId && l.Type == "VOIDED").Payload["stepReached"]!.GetValue<string>());

        var (selections, tasks, members) = await CountRowsAsync(draw.DrawId);
        var selected = dto["selectedCount"]!.GetValue<int>();
        var teams = dto["teamCount"]!.GetValue<int>();
        if (draw.HasRun)
        {
            Assert.True(selected > 0 && teams > 0, $"{draw}: selected {selected}, teams {teams}");
            Assert.Equal((selected, teams), (selections, tasks));
            Assert.True(members == 2 * tasks, $"{draw}: {members} team members for {tasks} tasks of two");
            var result = log.Single(l => l.DrawId == draw.DrawId && l.Type == "DRAW_RESULT");
            Assert.Equal(selected, result.Payload["selected"]!.GetValue<int>());
        }
        else
            Assert.Equal((0, 0, 0, 0, 0), (selected, teams, selections, tasks, members));

        // The run marks the plan drawn in the same transaction (a voided draw's plan may be drawn again later).
        if (!draw.Voided)
            Assert.Equal(draw.HasRun ? "Drawn" : "Published", (await ceremony.GetPlanAsync(draw.PlanId))["state"]!.GetValue<string>());
    }

    /// <summary>A published plan whose draw has not been frozen yet has no draw at all.</summary>
    async Task AssertNoDrawAsync(int planId)
    {
        using var planner = ceremony.Planner();
        var draws = JsonNode.Parse(await planner.GetStringAsync("/api/v1/draws"))!.AsArray();
        Assert.DoesNotContain(draws, d => d!["planId"]!.GetValue<int>() == planId);
        Assert.Equal("Published", (await ceremony.GetPlanAsync(planId))["state"]!.GetValue<string>());
    }

    /// <summary>Null once the run completed: Drawn, or Partial when some targets could not be staffed.</summary>
    static string? StatusAfter(int stepsDone) => stepsDone switch
    {
        1 or 2 => "Frozen",
        3 or 4 => "Committed",
        5 or 6 => "RandomnessEntered",
        7 => "Revealed",
        _ => null,
    };

    async Task<(int Selections, int Tasks, int Members)> CountRowsAsync(string drawId)
    {
        await using var db = OpenDb();
        var selections = await db.DrawSelections.CountAsync(s => s.DrawId == drawId);
        var taskIds = db.InspectionTasks.Where(t => t.DrawId == drawId).Select(t => t.Id);
        var tasks = await taskIds.CountAsync();
        var members = await db.TaskMembers.CountAsync(m => taskIds.Contains(m.TaskId));
        return (selections, tasks, members);
    }

    AppDbContext OpenDb() => new(new Hosting.Storage(storage.DataDir, storage.PostgresConnection).Options());
}
