using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Officers;
using SpotCheck.Core.Plans;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;
using SpotCheck.Draw.Record;

namespace SpotCheck.Core.Tests.Draws;

public sealed class DrawCeremonyTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    static async Task<(DrawKit Kit, Department Dept, int ItemId)> SetUpAsync(Store store, int officers = 3)
    {
        var kit = new DrawKit(store);
        var dept = await kit.DepartmentAsync("XPSJJ", "西平县市场监督管理局");
        for (var i = 1; i <= officers; i++) await kit.OfficerAsync(dept, $"INS-{i:D4}");
        var item = await kit.ItemAsync(dept);
        return (kit, dept, item.Id);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_full_draw_creates_tasks_and_a_record_that_verifies_and_a_tampered_one_fails(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var (kit, _, itemId) = await SetUpAsync(store);
        await kit.EnterprisesAsync(4);
        await kit.EnterprisesAsync(1, status: EnterpriseStatus.Deregistered, serialFrom: 100);
        var planId = await kit.PublishedPlanAsync(DrawKit.PlanCommand([itemId], ["XPSJJ"], ppmB: 500_000));

        var (drawId, outcome) = await kit.FullDrawAsync(planId);

        Assert.Equal("2026-P1-01", drawId);
        Assert.Equal((2, 2), (outcome.Selected, outcome.Teams));
        await using var fresh = store.Fresh();
        var draw = await fresh.DrawSessions.SingleAsync();
        Assert.Equal(DrawStatus.Drawn, draw.Status);
        Assert.Contains("\tINELIGIBLE:DEREGISTERED\t-\n", draw.ExcludedTsv);
        Assert.Equal(2, await fresh.InspectionTasks.CountAsync(t => t.DrawId == drawId && t.DueDate == new DateOnly(2026, 12, 31)));
        Assert.Equal(PlanState.Drawn, (await fresh.Plans.SingleAsync()).State);

        var record = (await new DrawRecords.Handler(fresh).HandleAsync(drawId, includePrivateFiles: false)).Value;
        var verified = DrawRecordVerifier.Verify(record);
        Assert.True(verified.IsValid, verified.Discrepancy);
        Assert.Null(record["snapshot"]![SnapshotFiles.Conflicts]);
        Assert.Equal(["INPUTS_FROZEN", "COMMIT", "COMMIT", "PUBLIC_RANDOMNESS_FIRST_ENTRY", "PUBLIC_RANDOMNESS", "REVEAL", "REVEAL", "DRAW_RESULT", "ASSIGNMENT_RESULT"],
            record["log"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()));

        var tampered = record.DeepClone().AsObject();
        tampered["selected"]![0]!["id"] = tampered["selected"]![1]!["id"]!.GetValue<string>();
        Assert.False(DrawRecordVerifier.Verify(tampered).IsValid);
        var wrongSecret = record.DeepClone().AsObject();
        wrongSecret["secrets"]![0]!["secret"] = "x" + wrongSecret["secrets"]![0]!["secret"]!.GetValue<string>();
        Assert.Contains("commitment", DrawRecordVerifier.Verify(wrongSecret).Discrepancy);
        Assert.Null((await AuditChainVerifier.VerifyAsync(fresh, CancellationToken.None)).Break);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task The_yearly_cap_applies_across_plans(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var (kit, dept, itemId) = await SetUpAsync(store);
        var other = await kit.ItemAsync(dept, "T-OTHER");
        await kit.EnterprisesAsync(3);
        await kit.FullDrawAsync(await kit.PublishedPlanAsync(DrawKit.PlanCommand([itemId], ["XPSJJ"])));
        var second = await kit.PublishedPlanAsync(DrawKit.PlanCommand([other.Id], ["XPSJJ"]));

        var capped = await kit.FreezeAsync(second, yearlyCap: 1);
        var capDraw = await store.Db.DrawSessions.AsNoTracking().SingleAsync(d => d.DrawId == capped);
        Assert.Equal("", capDraw.PopulationTsv);
        Assert.Equal(3, capDraw.ExcludedTsv.Split('\n').Count(l => l.EndsWith("\tINELIGIBLE:YEARLY_CAP\t-", StringComparison.Ordinal)));
        Assert.True((await new VoidDraw.Handler(store.Db, store.Audit, store.Clock).HandleAsync(capped, "无对象可抽", "planner")).IsSuccess);

        var allowed = await kit.FreezeAsync(second, yearlyCap: 2);
        var allowedDraw = await store.Db.DrawSessions.AsNoTracking().SingleAsync(d => d.DrawId == allowed);
        Assert.Equal(3, allowedDraw.PopulationTsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("", allowedDraw.ExcludedTsv); // another item: no exclusion window
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task The_exclusion_window_applies_to_earlier_selections_under_the_same_item(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var (kit, _, itemId) = await SetUpAsync(store);
        await kit.EnterprisesAsync(2);
        var (first, _) = await kit.FullDrawAsync(await kit.PublishedPlanAsync(DrawKit.PlanCommand([itemId], ["XPSJJ"])));

        var windowed = await kit.FreezeAsync(await kit.PublishedPlanAsync(DrawKit.PlanCommand([itemId], ["XPSJJ"], windowDays: 365)), yearlyCap: 5);
        var open = await kit.FreezeAsync(await PlanAfterVoid(kit, store, windowed, itemId), yearlyCap: 5);

        var w = await store.Db.DrawSessions.AsNoTracking().SingleAsync(d => d.DrawId == windowed);
        Assert.Equal("", w.PopulationTsv);
        Assert.All(w.ExcludedTsv.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.EndsWith($"\t{first}\t2026-11-26", l));
        var o = await store.Db.DrawSessions.AsNoTracking().SingleAsync(d => d.DrawId == open);
        Assert.Equal(2, o.PopulationTsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Previous_teams_are_those_of_the_latest_round_that_covered_each_target(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var (kit, dept, itemId) = await SetUpAsync(store, officers: 6);
        var second = await kit.ItemAsync(dept, "T-SECOND");
        var third = await kit.ItemAsync(dept, "T-THIRD");
        await kit.EnterprisesAsync(1);
        var (earlier, _) = await kit.FullDrawAsync(await kit.PublishedPlanAsync(DrawKit.PlanCommand([itemId], ["XPSJJ"])), yearlyCap: 5);
        var (latest, _) = await kit.FullDrawAsync(await kit.PublishedPlanAsync(DrawKit.PlanCommand([second.Id], ["XPSJJ"])), yearlyCap: 5);

        var next = await kit.FreezeAsync(await kit.PublishedPlanAsync(DrawKit.PlanCommand([third.Id], ["XPSJJ"])), yearlyCap: 5);

        async Task<string> TeamLinesAsync(string drawId) => string.Concat((await store.Db.DrawSelections.AsNoTracking()
            .Where(s => s.DrawId == drawId).ToListAsync()).SelectMany(s => s.Team.Select(c => $"{s.Uscc}\t{c}\n")).Order(StringComparer.Ordinal));
        var draw = await store.Db.DrawSessions.AsNoTracking().SingleAsync(d => d.DrawId == next);
        Assert.NotEqual(await TeamLinesAsync(earlier), await TeamLinesAsync(latest));
        Assert.Equal(await TeamLinesAsync(latest), draw.PreviousTeamsTsv);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Previous_teams_list_only_the_frame_s_members(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var (kit, dept, itemId) = await SetUpAsync(store, officers: 6);
        var second = await kit.ItemAsync(dept, "T-SECOND");
        await kit.EnterprisesAsync(3);
        var (earlier, _) = await kit.FullDrawAsync(await kit.PublishedPlanAsync(DrawKit.PlanCommand([itemId], ["XPSJJ"])), yearlyCap: 5);
        var staffed = await store.Db.DrawSelections.AsNoTracking().Where(s => s.DrawId == earlier && s.Team.Length > 0).ToListAsync();
        Assert.True(staffed.Count >= 2);
        var gone = staffed[0].EnterpriseId;
        await store.Db.Enterprises.Where(e => e.Id == gone).ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, EnterpriseStatus.Deregistered));

        var next = await kit.FreezeAsync(await kit.PublishedPlanAsync(DrawKit.PlanCommand([second.Id], ["XPSJJ"])), yearlyCap: 5);

        var draw = await store.Db.DrawSessions.AsNoTracking().SingleAsync(d => d.DrawId == next);
        Assert.Contains($"{staffed[0].Uscc}\tINELIGIBLE:DEREGISTERED", draw.ExcludedTsv);
        var expected = string.Concat(staffed.Skip(1).SelectMany(s => s.Team.Select(c => $"{s.Uscc}\t{c}\n")).Order(StringComparer.Ordinal));
        Assert.Equal(expected, draw.PreviousTeamsTsv);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task The_latest_round_stays_the_previous_team_when_an_earlier_round_runs_after_it(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var (kit, dept, itemId) = await SetUpAsync(store, officers: 6);
        var second = await kit.ItemAsync(dept, "T-SECOND");
        var third = await kit.ItemAsync(dept, "T-THIRD");
        await kit.EnterprisesAsync(2);
        var earlier = await kit.FreezeAsync(await kit.PublishedPlanAsync(DrawKit.PlanCommand([itemId], ["XPSJJ"])), yearlyCap: 5);
        var (later, _) = await kit.FullDrawAsync(await kit.PublishedPlanAsync(DrawKit.PlanCommand([second.Id], ["XPSJJ"])), yearlyCap: 5);
        Assert.True(string.CompareOrdinal(earlier, later) < 0);
        var secrets = await kit.CommitBothAsync(earlier);
        await kit.RandomnessAsync(earlier);
        await kit.RevealBothAsync(earlier, secrets);
        Assert.True((await new RunDraw.Handler(store.Db, store.Audit, store.Clock).HandleAsync(earlier, "planner")).IsSuccess);

        var next = await kit.FreezeAsync(await kit.PublishedPlanAsync(DrawKit.PlanCommand([third.Id], ["XPSJJ"])), yearlyCap: 5);

        async Task<string> TeamLinesAsync(string drawId) => string.Concat((await store.Db.DrawSelections.AsNoTracking()
            .Where(s => s.DrawId == drawId).ToListAsync()).SelectMany(s => s.Team.Select(c => $"{s.Uscc}\t{c}\n")).Order(StringComparer.Ordinal));
        Assert.NotEqual(await TeamLinesAsync(earlier), await TeamLinesAsync(later));
        Assert.Equal(await TeamLinesAsync(later), (await store.Db.DrawSessions.AsNoTracking().SingleAsync(d => d.DrawId == next)).PreviousTeamsTsv);

        // What the runs kept current is what the whole history says.
        async Task<string> LatestRowsAsync() => string.Join('\n', (await store.Db.LatestTeams.AsNoTracking().ToListAsync())
            .Select(t => $"{t.Uscc} {t.DrawId} {t.SelectedOn:yyyy-MM-dd} {t.Team}").Order(StringComparer.Ordinal));
        var maintained = await LatestRowsAsync();
        await using (var tx = await store.Db.Database.BeginTransactionAsync())
        {
            await LatestTeams.RebuildAsync(store.Db, null, CancellationToken.None);
            await tx.CommitAsync();
        }
        Assert.Equal(2, maintained.Split('\n').Length);
        Assert.Equal(maintained, await LatestRowsAsync());
    }

    static async Task<int> PlanAfterVoid(DrawKit kit, Store store, string drawToVoid, int itemId)
    {
        Assert.True((await new VoidDraw.Handler(store.Db, store.Audit, store.Clock).HandleAsync(drawToVoid, "测试", "planner")).IsSuccess);
        return await kit.PublishedPlanAsync(DrawKit.PlanCommand([itemId], ["XPSJJ"], windowDays: 0));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_joint_team_has_one_seat_per_department(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var (kit, _, itemId) = await SetUpAsync(store, officers: 3);
        var agri = await kit.DepartmentAsync("XPNYJ", "西平县农业农村局");
        for (var i = 1; i <= 3; i++) await kit.OfficerAsync(agri, $"AGR-{i:D4}");
        await kit.EnterprisesAsync(5);

        var (drawId, outcome) = await kit.FullDrawAsync(await kit.PublishedPlanAsync(DrawKit.PlanCommand([itemId], ["XPSJJ", "XPNYJ"])));

        Assert.Equal(5, outcome.Teams);
        await using var fresh = store.Fresh();
        foreach (var s in await fresh.DrawSelections.Where(s => s.DrawId == drawId).ToListAsync())
        {
            Assert.Equal(2, s.Team.Length);
            Assert.Single(s.Team, c => c.StartsWith("INS-", StringComparison.Ordinal));
            Assert.Single(s.Team, c => c.StartsWith("AGR-", StringComparison.Ordinal));
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Two_officers_with_one_in_recusal_gives_an_exact_infeasibility_report_and_a_supplementary_draw(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var (kit, dept, itemId) = await SetUpAsync(store, officers: 2);
        var target = (await kit.EnterprisesAsync(1)).Single();
        var officer = await store.Db.Officers.Include(o => o.Conflicts).FirstAsync(o => o.Code == "INS-0001");
        officer.DeclareConflict(target.Id, ConflictKind.Relative, "亲属", Store.Now.UtcDateTime);
        await store.Db.SaveChangesAsync();
        var planId = await kit.PublishedPlanAsync(DrawKit.PlanCommand([itemId], ["XPSJJ"]));

        var (drawId, outcome) = await kit.FullDrawAsync(planId);

        var line = Assert.Single(outcome.Infeasible);
        Assert.Equal($"{target.Uscc}：可用人员不足：需要2人，合格1人；回避1人。处理：补充本部门执法人员或与其他部门组成联合检查组，然后以新的抽取编号发起补充抽取（-S1）", line);
        await using (var fresh = store.Fresh())
        {
            Assert.Equal(DrawStatus.Partial, (await fresh.DrawSessions.SingleAsync()).Status);
            Assert.Equal(0, await fresh.InspectionTasks.CountAsync());
            var record = (await new DrawRecords.Handler(fresh).HandleAsync(drawId, includePrivateFiles: true)).Value;
            Assert.True(DrawRecordVerifier.Verify(record).IsValid);
            Assert.Equal("PARTIAL", record["status"]!.GetValue<string>());
        }

        await kit.OfficerAsync(dept, "INS-0003");
        var (supplement, staffed) = await kit.FullDrawAsync(planId, supplementOf: drawId);
        Assert.Equal(drawId + "-S1", supplement);
        Assert.Equal((1, 1), (staffed.Selected, staffed.Teams));
        await using var after = store.Fresh();
        var task = await after.InspectionTasks.Include(t => t.Members).SingleAsync();
        Assert.DoesNotContain(task.Members, m => m.OfficerId == officer.Id);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Mismatched_public_randomness_and_a_wrong_secret_are_refused(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var (kit, _, itemId) = await SetUpAsync(store);
        await kit.EnterprisesAsync(2);
        var drawId = await kit.FreezeAsync(await kit.PublishedPlanAsync(DrawKit.PlanCommand([itemId], ["XPSJJ"])));
        var secrets = await kit.CommitBothAsync(drawId);
        var enter = new EnterPublicRandomness.Handler(store.Db, store.Audit, store.Clock);

        Assert.Equal("publicRandomness", (await enter.HandleAsync(drawId, "dice:1234", "planner")).Error?.Field);
        Assert.True((await enter.HandleAsync(drawId, DrawKit.Dice, "planner")).IsSuccess);
        Assert.Equal("draw.same_person", (await enter.HandleAsync(drawId, DrawKit.Dice, "planner")).Error?.Code);
        Assert.Equal("draw.randomness_mismatch", (await enter.HandleAsync(drawId, DrawKit.Dice + "1", "supervisor")).Error?.Code);
        Assert.Equal(DrawStatus.Committed, (await store.Fresh().DrawSessions.SingleAsync()).Status);
        await kit.RandomnessAsync(drawId);

        var reveal = new RevealSecret.Handler(store.Db, store.Audit, store.Clock);
        var wrong = await reveal.HandleAsync(drawId, DrawSession.Supervisor, "supervisor-secret-WRONG", "supervisor");
        Assert.Equal("draw.secret_mismatch", wrong.Error?.Code);
        await kit.RevealBothAsync(drawId, secrets);
        Assert.True((await new RunDraw.Handler(store.Db, store.Audit, store.Clock).HandleAsync(drawId, "planner")).IsSuccess);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_draw_interrupted_between_steps_resumes_in_a_new_context_or_is_voided(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var (kit, _, itemId) = await SetUpAsync(store);
        await kit.EnterprisesAsync(3);
        var planId = await kit.PublishedPlanAsync(DrawKit.PlanCommand([itemId], ["XPSJJ"]));
        var drawId = await kit.FreezeAsync(planId);
        var secrets = await kit.CommitBothAsync(drawId);

        // "Restart": everything after this point runs on a new context that shares nothing with the first.
        await using (var restarted = new Store(database))
        {
            var resumed = new DrawKit(restarted);
            Assert.Equal(DrawStatus.Committed, (await restarted.Db.DrawSessions.SingleAsync()).Status);
            Assert.Equal("draw.open", (await new FreezeDraw.Handler(restarted.Db, restarted.Audit, restarted.Clock)
                .HandleAsync(new FreezeDraw.Command { PlanId = planId, RandomnessSource = "dice" }, "planner")).Error?.Code);
            await resumed.RandomnessAsync(drawId);
            await resumed.RevealBothAsync(drawId, secrets);
            Assert.True((await new RunDraw.Handler(restarted.Db, restarted.Audit, restarted.Clock).HandleAsync(drawId, "planner")).IsSuccess);
        }

        await using var again = new Store(database);
        var second = await new DrawKit(again).FreezeAsync(planId, yearlyCap: 3);
        Assert.True((await new VoidDraw.Handler(again.Db, again.Audit, again.Clock).HandleAsync(second, "监督方未到场", "planner")).IsSuccess);
        Assert.Equal("draw.final", (await new VoidDraw.Handler(again.Db, again.Audit, again.Clock).HandleAsync(second, "再次", "planner")).Error?.Code);
        await using var fresh = store.Fresh();
        var voided = await fresh.AuditEntries.SingleAsync(e => e.Type == "VOIDED");
        Assert.Equal(second, voided.DrawId);
        Assert.Equal(1, JsonNode.Parse(voided.Payload)!["voidedDrawsOfPlan"]!.GetValue<int>());
        Assert.Null((await AuditChainVerifier.VerifyAsync(fresh, CancellationToken.None)).Break);
    }
}
