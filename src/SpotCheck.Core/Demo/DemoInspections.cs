using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Calendar;
using SpotCheck.Core.Data;
using SpotCheck.Core.Reviews;
using SpotCheck.Core.Tasks;
using static SpotCheck.Core.Demo.DemoCeremony;

namespace SpotCheck.Core.Demo;

/// <summary>
/// The previous year's inspections: every task of the demo draw gets a record, both officers confirm it, the team
/// submits and the demo reviewer approves, through the task and review handlers. One coal target (the first by draw
/// rank) had not filed its 告知性备案: COAL_NOT_FILED → RECTIFY; its re-check task is done and the 整改 closed.
/// </summary>
static class DemoInspections
{
    const string SitePlace = "企业经营场所（示例数据）";
    static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.ShippedOnly();
    static readonly TaskViewer Reviewer = new(DemoValues.Reviewer, null, SeesAll: true);

    public static async Task<int> CompleteAsync(AppDbContext db, AuditLog audit, DemoClock clock, string drawId, DateOnly firstDay,
        CancellationToken ct)
    {
        var tasks = await db.InspectionTasks.AsNoTracking().Where(t => t.DrawId == drawId).OrderBy(t => t.DrawRank).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.EnterpriseId, t.State }).ToListAsync(ct);
        var coal = await db.EnterpriseTags.AsNoTracking().Where(t => t.Tag == "煤炭经营").Select(t => t.EnterpriseId).ToListAsync(ct);
        var finding = tasks.FirstOrDefault(t => coal.Contains(t.EnterpriseId))?.Id;
        var coalItem = await db.InspectionItems.AsNoTracking().Where(i => i.Code == DemoData.CoalItemCode).Select(i => i.Id).FirstAsync(ct);
        var steps = 0;
        for (var i = 0; i < tasks.Count; i++)
        {
            var day = Workday(firstDay, 2 * i);
            var isFinding = tasks[i].Id == finding;
            if (!TaskStates.IsReviewed(tasks[i].State))
                steps += await InspectAsync(db, audit, clock, tasks[i].Id, day, isFinding ? Finding(day, coalItem) : NoProblem(day), ct);
            if (isFinding) steps += await RecheckAsync(db, audit, clock, tasks[i].Id, ct);
        }
        return steps;
    }

    /// <summary>Record on <paramref name="day"/>, confirmations, submission, approval three working days later.</summary>
    static async Task<int> InspectAsync(AppDbContext db, AuditLog audit, DemoClock clock, int taskId, DateOnly day,
        Func<IReadOnlyList<int>, SaveRecord.Command> record, CancellationToken ct)
    {
        var steps = 0;
        var task = await db.InspectionTasks.Include(t => t.Members).SingleAsync(t => t.Id == taskId, ct);
        var team = await TeamAsync(db, task, ct);
        if (task.State == TaskState.Open)
        {
            if (!await db.InspectionRecords.AnyAsync(r => r.TaskId == taskId, ct))
            {
                Must(await new SaveRecord.Handler(db, audit, clock.At(day, 16)).HandleAsync(taskId, record(task.ItemIdList), team[0], ct));
                steps++;
            }
            var minute = 30;
            foreach (var member in team)
            {
                minute += 5;
                if (task.ActiveMembers.Single(m => m.OfficerId == member.OfficerId).ConfirmedAtUtc is not null) continue;
                Must(await new ConfirmRecord.Handler(db, audit, clock.At(day, 16, minute)).HandleAsync(taskId, member, ct));
                steps++;
            }
            Must(await new SubmitRecord.Handler(db, audit, clock.At(day, 17)).HandleAsync(taskId, team[0], ct));
            steps++;
        }
        if (task.State == TaskState.Submitted)
        {
            Must(await new ApproveRecord.Handler(db, audit, clock.At(Workday(day, 3), 10)).HandleAsync(taskId, Reviewer, ct));
            steps++;
        }
        return steps;
    }

    /// <summary>The re-check two working days after the 整改 deadline finds the filing done; its approval closes the RECTIFY.</summary>
    static async Task<int> RecheckAsync(AppDbContext db, AuditLog audit, DemoClock clock, int taskId, CancellationToken ct)
    {
        var record = await db.InspectionRecords.AsNoTracking().SingleAsync(r => r.TaskId == taskId, ct);
        if (record.RecheckTaskId is not int recheckId) return 0;
        var day = Workday(record.RectifyDueDate!.Value, 2);
        return await InspectAsync(db, audit, clock, recheckId, day, Rechecked(day), ct);
    }

    static async Task<List<TaskViewer>> TeamAsync(AppDbContext db, InspectionTask task, CancellationToken ct)
    {
        var ids = task.ActiveMembers.Select(m => m.OfficerId).ToList();
        var names = await db.Officers.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return [.. ids.Select(id => new TaskViewer(DemoValues.OfficerActor(names[id]), id, SeesAll: false))];
    }

    static Func<IReadOnlyList<int>, SaveRecord.Command> NoProblem(DateOnly day) => items => new SaveRecord.Command
    {
        InspectedOn = day, Place = SitePlace, Methods = ["DOCUMENT", "ONSITE"],
        Checklist = [.. items.Select(i => new SaveRecord.Line { ItemId = i, Compliant = true })],
        Findings = "现场检查与档案检查均未发现问题（示例数据）。", Results = [RecordCodes.NoProblem], FollowUps = ["NONE_REQUIRED"],
    };

    static Func<IReadOnlyList<int>, SaveRecord.Command> Rechecked(DateOnly day) => items => new SaveRecord.Command
    {
        InspectedOn = day, Place = SitePlace, Methods = ["DOCUMENT", "ONSITE"],
        Checklist = [.. items.Select(i => new SaveRecord.Line { ItemId = i, Compliant = true })],
        Findings = "复查：企业已补办煤炭经营告知性备案，整改到位（示例数据）。", Results = [RecordCodes.NoProblem], FollowUps = ["NONE_REQUIRED"],
    };

    static Func<IReadOnlyList<int>, SaveRecord.Command> Finding(DateOnly day, int coalItem) => items => new SaveRecord.Command
    {
        InspectedOn = day, Place = SitePlace, Methods = ["DOCUMENT", "ONSITE"],
        Checklist = [.. items.Select(i => new SaveRecord.Line { ItemId = i, Compliant = i != coalItem, Note = i == coalItem ? "未办理煤炭经营告知性备案" : null })],
        Findings = "档案检查发现该经营者未办理煤炭经营告知性备案（示例数据）。",
        Results = ["PROBLEM_PENDING", "COAL_NOT_FILED"], FollowUps = [RecordCodes.Rectify], RectifyDueDate = day.AddDays(30),
    };

    /// <summary>
    /// 公示 of the year's approved results in batches of <see cref="BatchSize"/>, in the order the inspections ended, each
    /// published five working days after its last approval: well inside the 20 working days.
    /// </summary>
    public static async Task<int> PublishAsync(AppDbContext db, AuditLog audit, DemoClock clock, int planId, CancellationToken ct)
    {
        var drawTasks = db.InspectionTasks.Where(t => t.PlanId == planId).Select(t => t.Id);
        var approved = await db.InspectionTasks.AsNoTracking()
            .Where(t => t.State == TaskState.Approved && (t.PlanId == planId || drawTasks.Contains(t.RecheckOfTaskId!.Value)))
            .Join(db.InspectionRecords, t => t.Id, r => r.TaskId, (t, r) => new { t.Id, r.ConclusionDate, r.ApprovedOn })
            .ToListAsync(ct);
        var steps = 0;
        foreach (var batch in approved.OrderBy(t => t.ConclusionDate).ThenBy(t => t.Id).Chunk(BatchSize))
        {
            var day = Workday(batch.Max(t => t.ApprovedOn!.Value), 5);
            Must(await new Publication.PublishResults.Handler(db, audit, clock.At(day, 9, 30)).HandleAsync([.. batch.Select(t => t.Id)], Reviewer, ct));
            steps++;
        }
        return steps;
    }

    const int BatchSize = 5;

    /// <summary>The <paramref name="n"/>-th working day after <paramref name="start"/> (the shipped 调休 calendar; the demo years are loaded).</summary>
    static DateOnly Workday(DateOnly start, int n) => n == 0 ? start : Calendar.AddWorkdays(start, n).Value;
}
