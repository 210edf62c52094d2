using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Items;
using SpotCheck.Core.Officers;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Notices;

/// <summary>An officer as printed: name and 执法证 number.</summary>
public sealed record NoticeOfficer(string Name, string CertificateNo, DateOnly CertificateValidTo, bool IsLeader);

/// <summary>The 责令整改 a 复查 task follows up: the original task, its dates and its 检查结果告知书, if one was issued.</summary>
public sealed record RecheckOrigin(int TaskId, DateOnly? InspectedOn, DateOnly? ConclusionDate, DateOnly? RectifyDueDate, string? ResultNoticeNumber);

/// <summary>What a notice is written from, loaded for a viewer who may see the task.</summary>
public sealed record NoticeFacts(
    InspectionTask Task,
    Enterprise Enterprise,
    IReadOnlyList<InspectionItem> Items,
    IReadOnlyList<NoticeOfficer> Team,
    IReadOnlyList<Department> Authorities,
    InspectionRecord? Record,
    RecheckOrigin? Recheck,
    string? InspectionNoticeNumber,
    NoticeSettingsData Settings)
{
    /// <summary>The department whose 文号 series numbers the notice: the first authority (by department code).</summary>
    public Department Issuer => Authorities[0];

    public static async Task<Result<NoticeFacts>> LoadAsync(AppDbContext db, int taskId, NoticeKind kind, TaskViewer viewer, CancellationToken ct)
    {
        var task = await db.InspectionTasks.AsNoTracking().Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null || !viewer.CanSee(task)) return TaskErrors.NotFound;
        if (task.State == TaskState.Replaced)
            return new Error("notice.task_replaced", "任务已因名录错误被替换，不能签发文书", Kind: ErrorKind.Conflict);
        InspectionRecord? record = null;
        if (kind == NoticeKind.Result)
        {
            if (task.State != TaskState.Approved)
                return new Error("notice.not_approved", "检查记录审核通过后才能签发检查结果告知书", Kind: ErrorKind.Conflict);
            record = await db.InspectionRecords.AsNoTracking().SingleAsync(r => r.TaskId == taskId, ct);
        }

        var enterprise = await db.Enterprises.AsNoTracking().SingleAsync(e => e.Id == task.EnterpriseId, ct);
        var itemIds = task.ItemIdList;
        // Only the task's own items: the notice names what this visit checks at this enterprise, nothing else.
        var items = await db.InspectionItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).OrderBy(i => i.Code).ToListAsync(ct);
        if (items.Count == 0) return new Error("notice.no_items", "任务没有检查事项，不能签发文书", Kind: ErrorKind.Conflict);
        var departmentIds = items.Select(i => i.DepartmentId).Distinct().ToList();
        var authorities = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).OrderBy(d => d.Code).ToListAsync(ct);

        var active = task.ActiveMembers.OrderBy(m => m.IsLeader ? 0 : 1).ThenBy(m => m.TicketOrder).ToList();
        var officerIds = active.Select(m => m.OfficerId).ToList();
        var officers = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var team = active.Select(m => officers[m.OfficerId])
            .Select((o, i) => new NoticeOfficer(o.Name, o.CertificateNo, o.CertificateValidTo, active[i].IsLeader)).ToList();

        var inspectionNumber = kind == NoticeKind.Result ? await LatestNumberAsync(db, taskId, NoticeKind.Inspection, ct) : null;
        var settings = await ListNoticeSettings.ForAsync(db, authorities[0].Id, ct);
        return new NoticeFacts(task, enterprise, items, team, authorities, record, await RecheckOfAsync(db, task, ct), inspectionNumber, settings);
    }

    static async Task<RecheckOrigin?> RecheckOfAsync(AppDbContext db, InspectionTask task, CancellationToken ct)
    {
        if (task.RecheckOfTaskId is not int originId) return null;
        var origin = await db.InspectionRecords.AsNoTracking().SingleOrDefaultAsync(r => r.TaskId == originId, ct);
        return new RecheckOrigin(originId, origin?.InspectedOn, origin?.ConclusionDate, origin?.RectifyDueDate,
            await LatestNumberAsync(db, originId, NoticeKind.Result, ct));
    }

    static Task<string?> LatestNumberAsync(AppDbContext db, int taskId, NoticeKind kind, CancellationToken ct) =>
        db.IssuedNotices.AsNoTracking().Where(n => n.TaskId == taskId && n.Kind == kind)
            .OrderByDescending(n => n.Revision).Select(n => n.Number).FirstOrDefaultAsync(ct);
}
