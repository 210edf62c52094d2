using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Officers;
using SpotCheck.Core.Tasks;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;
using SpotCheck.Draw;

namespace SpotCheck.Core.Tests.Tasks;

/// <summary>R7: a team below two active members cannot submit; 补充检查人员 picks by the ranking rule, never by hand.</summary>
public sealed class ShortStaffedTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_short_team_cannot_submit_until_the_rule_adds_a_member(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store, officers: 2);
        var taskId = await kit.ComplaintTaskAsync(0, 1);
        var withdrawn = await new WithdrawMember.Handler(store.Db, store.Audit, store.Clock)
            .HandleAsync(taskId, kit.Officers[0].Id, "与企业负责人系近亲属", true, kit.OfficerViewer(0));
        Assert.True(withdrawn.IsSuccess, withdrawn.Error?.Message);
        Assert.Null(withdrawn.Value.SubstituteOfficerId);

        var save = new SaveRecord.Handler(store.Db, store.Audit, store.Clock);
        Assert.True((await save.HandleAsync(taskId, kit.Record(), kit.OfficerViewer(1))).IsSuccess);
        Assert.True((await new ConfirmRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(taskId, kit.OfficerViewer(1))).IsSuccess);
        var blocked = await new SubmitRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(taskId, kit.OfficerViewer(1));
        Assert.Equal("record.short_staffed", blocked.Error?.Code);
        Assert.StartsWith("人员不足：执法检查至少需要2名", blocked.Error!.Message);

        var add = new AddTaskMember.Handler(store.Db, store.Audit);
        Assert.Equal(Common.ErrorKind.Forbidden, (await add.HandleAsync(taskId, kit.OfficerViewer(1))).Error?.Kind);
        var nobody = await add.HandleAsync(taskId, TaskKit.Planner);
        Assert.Equal("task.no_substitute", nobody.Error?.Code);
        Assert.Contains("人员库共2人", nobody.Error!.Message);
        Assert.Contains("已在检查组或刚退出2人", nobody.Error.Message);

        // A third officer in the department, and one from another department who must not be picked.
        var other = await store.DepartmentAsync("XPKGJ", "西平县科技和工业信息化局");
        store.Db.Officers.Add(Officer.Create(new OfficerData("INS-009", "外部门人员", other.Id, "CERT9", new DateOnly(2030, 12, 31), [], true, 20), Store.Now.UtcDateTime));
        var third = Officer.Create(new OfficerData("INS-003", "检查员3", kit.Dept.Id, "CERT3", new DateOnly(2030, 12, 31), [], true, 20), Store.Now.UtcDateTime);
        store.Db.Officers.Add(third);
        await store.Db.SaveChangesAsync();

        var added = await add.HandleAsync(taskId, TaskKit.Planner);
        Assert.True(added.IsSuccess, added.Error?.Message);
        Assert.Equal((third.Id, "INS-003"), (added.Value.OfficerId, added.Value.Code));
        Assert.Equal("task.staffed", (await add.HandleAsync(taskId, TaskKit.Planner)).Error?.Code);

        await using (var fresh = store.Fresh())
        {
            var task = await fresh.InspectionTasks.Include(t => t.Members).SingleAsync(t => t.Id == taskId);
            Assert.False(task.IsShortStaffed);
            var member = task.ActiveMembers.Single(m => m.OfficerId == third.Id);
            Assert.Equal(kit.Officers[0].Id, member.ReplacesOfficerId);
            Assert.All(task.ActiveMembers, m => Assert.Null(m.ConfirmedAtUtc));
            var entry = await fresh.AuditEntries.OrderByDescending(e => e.Seq).FirstAsync();
            var payload = JsonNode.Parse(entry.Payload)!.AsObject();
            Assert.Equal(("SUBSTITUTION", "ADD_MEMBER", "INS-003", "INS-001"), (entry.Type, payload["kind"]!.GetValue<string>(),
                payload["substitute"]!.GetValue<string>(), payload["withdrawn"]!.GetValue<string>()));
        }

        var third_ = new TaskViewer("officer3", third.Id, false);
        Assert.True((await new ConfirmRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(taskId, kit.OfficerViewer(1))).IsSuccess);
        Assert.True((await new ConfirmRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(taskId, third_)).IsSuccess);
        var submitted = await new SubmitRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(taskId, kit.OfficerViewer(1));
        Assert.True(submitted.IsSuccess, submitted.Error?.Message);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task On_a_draw_task_the_member_is_added_from_the_frozen_pool_once_a_conflict_is_withdrawn(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = new Draws.DrawKit(store);
        var dept = await kit.DepartmentAsync("XPSCJ", "西平县市场监督管理局");
        var officers = new List<Officer>();
        for (var i = 1; i <= 3; i++) officers.Add(await kit.OfficerAsync(dept, $"INS-{i:D3}"));
        var enterprise = (await kit.EnterprisesAsync(1))[0];
        var item = await kit.ItemAsync(dept);
        var declare = new DeclareConflict.Handler(store.Db, store.Audit, store.Clock);
        var conflictId = (await declare.HandleAsync(new DeclareConflict.Command(officers[2].Id, enterprise.Id, ConflictKind.Relative, null), "planner")).Value;
        var planId = await kit.PublishedPlanAsync(Draws.DrawKit.PlanCommand([item.Id], ["XPSCJ"]));
        var (drawId, _) = await kit.FullDrawAsync(planId);
        int taskId;
        string seed;
        await using (var fresh = store.Fresh())
        {
            var task = await fresh.InspectionTasks.Include(t => t.Members).SingleAsync(t => t.DrawId == drawId);
            Assert.DoesNotContain(officers[2].Id, task.ActiveMembers.Select(m => m.OfficerId));
            (taskId, seed) = (task.Id, (await fresh.DrawSessions.SingleAsync(s => s.DrawId == drawId)).Seed!);
        }

        var withdrawn = await new WithdrawMember.Handler(store.Db, store.Audit, store.Clock)
            .HandleAsync(taskId, officers[0].Id, "曾在该企业任职", true, new TaskViewer("officer1", officers[0].Id, false));
        Assert.True(withdrawn.IsSuccess && withdrawn.Value.SubstituteOfficerId is null, withdrawn.Error?.Message);
        var add = new AddTaskMember.Handler(store.Db, store.Audit);
        var nobody = await add.HandleAsync(taskId, TaskKit.Planner);
        Assert.Equal("task.no_substitute", nobody.Error?.Code);
        Assert.Contains("回避1人", nobody.Error!.Message);
        Assert.Contains("抽取冻结的人员名单", nobody.Error.Message);

        Assert.True((await new WithdrawConflict.Handler(store.Db, store.Audit, store.Clock).HandleAsync(officers[2].Id, conflictId, "亲属关系已解除", "planner")).IsSuccess);
        var added = await add.HandleAsync(taskId, TaskKit.Planner);
        Assert.True(added.IsSuccess, added.Error?.Message);
        Assert.Equal(officers[2].Id, added.Value.OfficerId);
        await using (var fresh = store.Fresh())
        {
            var task = await fresh.InspectionTasks.Include(t => t.Members).SingleAsync(t => t.Id == taskId);
            Assert.Equal(DrawHash.TicketHex(seed, 'A', enterprise.Uscc, "INS-003"), task.ActiveMembers.Single(m => m.OfficerId == officers[2].Id).Ticket);
            Assert.Equal(task.ActiveMembers.MinBy(m => m.Ticket!, StringComparer.Ordinal)!.OfficerId, task.Leader!.OfficerId);
            Assert.Equal(drawId, (await fresh.AuditEntries.OrderByDescending(e => e.Seq).FirstAsync()).DrawId);
        }
    }

    [SkippableFact]
    public void The_reason_nobody_qualifies_counts_each_rule_in_order()
    {
        var input = new Draw.Assignment.AssignmentInput(DrawHash.Sha256Hex("s"), ["T1"], ["D1"], 2, new DateOnly(2026, 12, 31),
        [
            new("A", "D1", true, new DateOnly(2030, 1, 1), 0, 5),
            new("B", "D1", true, new DateOnly(2030, 1, 1), 0, 5),
            new("C", "D1", false, new DateOnly(2030, 1, 1), 0, 5),
            new("D", "D1", true, new DateOnly(2026, 6, 30), 0, 5),
            new("E", "D2", true, new DateOnly(2030, 1, 1), 0, 5),
            new("F", "D1", true, new DateOnly(2030, 1, 1), 0, 5),
            new("G", "D1", true, new DateOnly(2030, 1, 1), 0, 5),
            new("H", "D1", true, new DateOnly(2030, 1, 1), 5, 5),
        ], [("F", "T1")], new Dictionary<string, IReadOnlyList<string>> { ["T1"] = ["G"] });
        Assert.Equal("没有符合条件的补充人员：人员库共8人，非在岗1人；执法证过期1人；非本部门1人；回避1人；上一轮已检查该对象1人；工作量已满1人；已在检查组或刚退出2人。"
            + "处理：补充或调整执法人员（在岗、执法证有效、本部门、无回避、工作量未满）后再补充",
            AddTaskMember.NobodyQualifies(input, "T1", ["A", "B"]));
    }
}
