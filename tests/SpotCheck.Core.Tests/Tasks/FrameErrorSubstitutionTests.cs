using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Officers;
using SpotCheck.Core.Tasks;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.Draws;
using SpotCheck.Core.Tests.TestSupport;
using SpotCheck.Draw;
using SpotCheck.Draw.Record;
using SpotCheck.Draw.Selection;

namespace SpotCheck.Core.Tests.Tasks;

/// <summary>draw-spec §4.2 end to end: a real ceremony, a frame error, the substitute from the frozen frame and seed.</summary>
public sealed class FrameErrorSubstitutionTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    sealed record Drawn(DrawKit Kit, string DrawId, string Seed, DateOnly AsOf, List<string> Selected, List<string> Ranking, List<Officer> Officers);

    static async Task<Drawn> DrawAsync(Store store, int enterprises = 8, long ppm = 250_000)
    {
        var kit = new DrawKit(store);
        var dept = await kit.DepartmentAsync("XPSCJ", "西平县市场监督管理局");
        var officers = new List<Officer>();
        for (var i = 1; i <= 5; i++) officers.Add(await kit.OfficerAsync(dept, $"INS-{i:D3}"));
        await kit.EnterprisesAsync(enterprises);
        var item = await kit.ItemAsync(dept);
        var planId = await kit.PublishedPlanAsync(DrawKit.PlanCommand([item.Id], ["XPSCJ"], ppmB: ppm));
        var (drawId, _) = await kit.FullDrawAsync(planId);
        await using var fresh = store.Fresh();
        var session = await fresh.DrawSessions.SingleAsync(s => s.DrawId == drawId);
        var frame = session.PopulationTsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t'))
            .Select(f => new PopulationEntry(f[0], f[1], int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var ranking = Ranking.RankAll(session.Seed!, frame).Select(r => r.Id).ToList();
        var selected = await fresh.DrawSelections.Where(s => s.DrawId == drawId).OrderBy(s => s.Rank).Select(s => s.Uscc).ToListAsync();
        return new Drawn(kit, drawId, session.Seed!, session.AsOf, selected, ranking, officers);
    }

    static async Task<int> TaskOfAsync(Store store, string drawId, string uscc)
    {
        await using var fresh = store.Fresh();
        return await fresh.InspectionTasks.Where(t => t.DrawId == drawId && fresh.Enterprises.Any(e => e.Id == t.EnterpriseId && e.Uscc == uscc))
            .Select(t => t.Id).SingleAsync();
    }

    static SubstituteFrameError.Handler Handler(Store store) => new(store.Db, store.Audit, store.Clock);

    static SubstituteFrameError.Command Deregistered(DateOnly asOf) => new() { Kind = "DEREGISTERED", EffectiveOn = asOf.AddDays(-10), Note = "登记机关已核准注销" };

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_frame_error_is_replaced_by_the_lowest_unused_rank_and_the_record_still_verifies(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var d = await DrawAsync(store);
        Assert.Equal(2, d.Selected.Count);
        Assert.Equal(d.Ranking.Take(2).Order(StringComparer.Ordinal), d.Selected.Order(StringComparer.Ordinal));
        var oldTaskId = await TaskOfAsync(store, d.DrawId, d.Selected[0]);

        var r = await Handler(store).HandleAsync(oldTaskId, Deregistered(d.AsOf), TaskKit.Planner);
        Assert.True(r.IsSuccess, r.Error?.Message);
        Assert.Equal((d.Selected[0], d.Ranking[2], "B", 3), (r.Value.Replaced, r.Value.Substitute, r.Value.Stratum, r.Value.StratumRank));

        await using (var fresh = store.Fresh())
        {
            var old = await fresh.InspectionTasks.Include(t => t.Members).SingleAsync(t => t.Id == oldTaskId);
            Assert.Equal(TaskState.Replaced, old.State);
            Assert.Contains("DEREGISTERED", old.FrameErrorReason);
            Assert.Empty(old.ActiveMembers);
            Assert.Equal(2, old.Members.Count);
            var substitute = await fresh.InspectionTasks.Include(t => t.Members).SingleAsync(t => t.Id == r.Value.NewTaskId);
            var uscc = await fresh.Enterprises.Where(e => e.Id == substitute.EnterpriseId).Select(e => e.Uscc).SingleAsync();
            Assert.Equal(d.Ranking[2], uscc);
            Assert.Equal((old.PlanId, old.DrawId, old.DueDate, (int?)oldTaskId), (substitute.PlanId, substitute.DrawId, substitute.DueDate, substitute.ReplacesTaskId));
            Assert.Equal(old.ItemIds, substitute.ItemIds);
            Assert.Equal(TaskSource.AnnualPlan, substitute.Source);
            var team = substitute.ActiveMembers.ToList();
            Assert.Equal(2, team.Count);
            var codes = d.Officers.ToDictionary(o => o.Id, o => o.Code);
            foreach (var m in team) Assert.Equal(DrawHash.TicketHex(d.Seed, 'A', uscc, codes[m.OfficerId]), m.Ticket);
            Assert.Equal(team.OrderBy(m => m.Ticket, StringComparer.Ordinal).Select(m => m.OfficerId), team.OrderBy(m => m.TicketOrder).Select(m => m.OfficerId));
            Assert.Equal(team.MinBy(m => m.Ticket!, StringComparer.Ordinal)!.OfficerId, substitute.Leader!.OfficerId);
            var entry = await fresh.AuditEntries.OrderByDescending(e => e.Seq).FirstAsync();
            Assert.Equal(("SUBSTITUTION", d.DrawId), (entry.Type, entry.DrawId!));
            var payload = JsonNode.Parse(entry.Payload)!.AsObject();
            Assert.Equal((d.Selected[0], d.Ranking[2], "B", 3, r.Value.Ticket), (payload["replaced"]!.GetValue<string>(), payload["substitute"]!.GetValue<string>(),
                payload["stratum"]!.GetValue<string>(), payload["stratumRank"]!.GetValue<int>(), payload["ticket"]!.GetValue<string>()));
            Assert.Contains("注销", payload["reason"]!.GetValue<string>());
            Assert.True(await fresh.DrawSelections.AnyAsync(s => s.DrawId == d.DrawId && s.Uscc == uscc), "the substitute counts for the exclusion window and yearly cap");
        }

        // The substitute itself turns out to be a frame error: the same selected target is replaced once more, by the next rank.
        var again = await Handler(store).HandleAsync(r.Value.NewTaskId, new SubstituteFrameError.Command { Kind = "NOT_FOUND", Note = "经营场所及登记机关均查无此企业" }, TaskKit.Planner);
        Assert.True(again.IsSuccess, again.Error?.Message);
        Assert.Equal((d.Selected[0], d.Ranking[3], 4), (again.Value.Replaced, again.Value.Substitute, again.Value.StratumRank));

        JsonObject record;
        await using (var fresh = store.Fresh())
        {
            var built = await new DrawRecords.Handler(fresh).HandleAsync(d.DrawId, includePrivateFiles: true);
            Assert.True(built.IsSuccess, built.Error?.Message);
            record = built.Value;
        }
        var subs = record["substitutions"]!.AsArray();
        Assert.Equal(2, subs.Count);
        Assert.Equal((d.Ranking[2], d.Ranking[3]), (subs[0]!["substitute"]!.GetValue<string>(), subs[1]!["substitute"]!.GetValue<string>()));
        Assert.Equal(r.Value.Ticket, subs[0]!["ticket"]!.GetValue<string>());
        var verified = DrawRecordVerifier.Verify(record);
        Assert.True(verified.IsValid, verified.Discrepancy);

        var tampered = record.DeepClone().AsObject();
        tampered["substitutions"]![0]!["substitute"] = d.Ranking[4];
        var failed = DrawRecordVerifier.Verify(tampered);
        Assert.False(failed.IsValid);
        Assert.Contains("substitutions[0].substitute", failed.Discrepancy);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Only_frame_reasons_before_asOf_on_an_unsubmitted_draw_task_by_a_planner_are_accepted(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var d = await DrawAsync(store);
        var taskId = await TaskOfAsync(store, d.DrawId, d.Selected[0]);
        var handler = Handler(store);

        var closed = await handler.HandleAsync(taskId, new SubstituteFrameError.Command { Kind = "CLOSED", Note = "停业" }, TaskKit.Planner);
        Assert.Equal("task.frame_kind", closed.Error?.Code);
        var late = await handler.HandleAsync(taskId, new SubstituteFrameError.Command { Kind = "DEREGISTERED", EffectiveOn = d.AsOf }, TaskKit.Planner);
        Assert.Equal("task.frame_date", late.Error?.Code);
        Assert.Contains("不是名录错误", late.Error!.Message);
        var noNote = await handler.HandleAsync(taskId, new SubstituteFrameError.Command { Kind = "NOT_FOUND" }, TaskKit.Planner);
        Assert.Equal("task.frame_note", noNote.Error?.Code);

        int member;
        await using (var fresh = store.Fresh())
            member = (await fresh.InspectionTasks.Include(t => t.Members).SingleAsync(t => t.Id == taskId)).ActiveMembers.First().OfficerId;
        var officer = await handler.HandleAsync(taskId, Deregistered(d.AsOf), new TaskViewer("officer", member, false));
        Assert.Equal(Common.ErrorKind.Forbidden, officer.Error?.Kind);

        await using (var fresh = store.Fresh())
        {
            var task = await fresh.InspectionTasks.Include(t => t.Members).SingleAsync(t => t.Id == taskId);
            Assert.Equal(TaskState.Open, task.State);
            Assert.False(await fresh.AuditEntries.AnyAsync(e => e.Type == "SUBSTITUTION"));
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_submitted_task_or_an_exhausted_stratum_is_refused_in_chinese(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var d = await DrawAsync(store, enterprises: 3, ppm: 1_000_000);
        Assert.Equal(3, d.Selected.Count);
        var first = await TaskOfAsync(store, d.DrawId, d.Selected[0]);
        var exhausted = await Handler(store).HandleAsync(first, Deregistered(d.AsOf), TaskKit.Planner);
        Assert.Equal("task.stratum_exhausted", exhausted.Error?.Code);
        Assert.Contains("已没有未使用的序位", exhausted.Error!.Message);

        var second = await TaskOfAsync(store, d.DrawId, d.Selected[1]);
        List<int> team;
        await using (var fresh = store.Fresh())
            team = (await fresh.InspectionTasks.Include(t => t.Members).SingleAsync(t => t.Id == second)).ActiveMembers.Select(m => m.OfficerId).ToList();
        var viewer = new TaskViewer("officer", team[0], false);
        var saved = await new SaveRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(second, new SaveRecord.Command
        {
            InspectedOn = new DateOnly(2026, 11, 25), Place = "企业经营场所", Methods = ["ONSITE"], Findings = "现场核查",
            Checklist = [.. (await store.Db.InspectionItems.Select(i => i.Id).ToListAsync()).Select(id => new SaveRecord.Line { ItemId = id, Compliant = true, Note = "符合" })],
            Results = ["NO_PROBLEM"], FollowUps = ["NONE_REQUIRED"],
        }, viewer);
        Assert.True(saved.IsSuccess, saved.Error?.Message);
        foreach (var id in team)
            Assert.True((await new ConfirmRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(second, new TaskViewer("o" + id, id, false))).IsSuccess);
        Assert.True((await new SubmitRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(second, viewer)).IsSuccess);
        var submitted = await Handler(store).HandleAsync(second, Deregistered(d.AsOf), TaskKit.Planner);
        Assert.Equal("task.not_replaceable", submitted.Error?.Code);
    }
}
