using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Tasks;

/// <summary>
/// A non-random task (受理举报, 交办转办, 日常巡查, 数据监测) created by a planner outside any draw. It is labelled
/// with its source and never counts towards draw ratios or random-check statistics.
/// </summary>
public static class CreateTask
{
    public sealed class Command
    {
        public string Source { get; set; } = "COMPLAINT";
        public int EnterpriseId { get; set; }
        public List<int> ItemIds { get; set; } = [];
        public DateOnly DueDate { get; set; }
        public string Basis { get; set; } = "";
        /// <summary>Team, first = leader; at least two certified officers (draw-spec §5.1).</summary>
        public List<int> OfficerIds { get; set; } = [];
    }

    public static TaskSource? ParseSource(string? code) => code switch
    {
        "COMPLAINT" => TaskSource.Complaint,
        "ASSIGNED" => TaskSource.Assigned,
        "PATROL" => TaskSource.Patrol,
        "DATA_ALERT" => TaskSource.DataAlert,
        _ => null,
    };

    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public Task<Result<int>> HandleAsync(Command c, string actor, CancellationToken ct = default) => db.RunAsync<int>(async () =>
        {
            if (ParseSource(c.Source) is not TaskSource source)
                return new Error("task.source", "任务来源必须是 COMPLAINT、ASSIGNED、PATROL 或 DATA_ALERT 之一（随机任务只能由抽取产生）", nameof(c.Source));
            if (string.IsNullOrWhiteSpace(c.Basis) || c.Basis.Length > 1000)
                return new Error("task.basis", "请填写任务依据（如举报编号、交办文件），不超过1000个字符", nameof(c.Basis));
            if (!await db.Enterprises.AnyAsync(e => e.Id == c.EnterpriseId, ct))
                return new Error("task.enterprise", "检查对象不存在", nameof(c.EnterpriseId));
            if (c.ItemIds.Count == 0) return new Error("task.items", "请至少选择一个检查事项", nameof(c.ItemIds));
            var itemIds = c.ItemIds.Distinct().ToList();
            if (await db.InspectionItems.CountAsync(i => itemIds.Contains(i.Id), ct) != itemIds.Count)
                return new Error("task.items", "所选检查事项不存在", nameof(c.ItemIds));
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            if (c.DueDate < today) return new Error("task.due", "完成期限不能早于今天", nameof(c.DueDate));
            var team = c.OfficerIds.Distinct().ToList();
            if (team.Count != c.OfficerIds.Count) return new Error("task.team", "检查人员不能重复", nameof(c.OfficerIds));
            if (team.Count < 2) return new Error("task.team", "每次检查至少需要两名执法检查人员", nameof(c.OfficerIds));
            var officers = await db.Officers.AsNoTracking().Include(o => o.Conflicts).Where(o => team.Contains(o.Id)).ToListAsync(ct);
            if (officers.Count != team.Count) return new Error("task.team", "所选检查人员不存在", nameof(c.OfficerIds));
            foreach (var o in officers)
            {
                if (!o.Active || !o.CertificateValidOn(c.DueDate))
                    return new Error("task.team", $"检查人员 {o.Name} 未在岗或执法证在期限内失效", nameof(c.OfficerIds));
                if (o.HasConflictWith(c.EnterpriseId))
                    return new Error("task.team", $"检查人员 {o.Name} 与该检查对象存在回避情形", nameof(c.OfficerIds));
            }
            var department = await TaskDepartment.ForItemsAsync(db, itemIds, ct);
            if (!db.Scope.ActsFor(department))
                return new Error("task.items", "所选检查事项不属于本部门，不能为其创建任务", nameof(c.ItemIds), ErrorKind.Forbidden);
            var task = InspectionTask.NonRandom(source, c.EnterpriseId, itemIds, c.DueDate, c.Basis.Trim(), team, actor,
                clock.GetUtcNow().UtcDateTime, department);
            db.InspectionTasks.Add(task);
            await audit.AppendAsync(new AuditEvent("TASK_CREATED", actor, new JsonObject
            {
                ["source"] = TaskLabels.Code(source), ["enterpriseId"] = c.EnterpriseId,
                ["dueDate"] = c.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["officers"] = new JsonArray([.. team.Select(i => (JsonNode)i)]),
            }), ct);
            return task.Id;
        }, ct);
    }
}
