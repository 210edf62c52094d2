using SpotCheck.Core.Common;

namespace SpotCheck.Core.Tasks;

static class TaskErrors
{
    public static readonly Error NotFound = new("task.not_found", "检查任务不存在或无权查看", Kind: ErrorKind.NotFound);
    public static readonly Error NotMember = new("task.not_member", "只有本任务检查组的在岗成员可以执行此操作", Kind: ErrorKind.Forbidden);
    public static Error NotSubmitted(TaskState s) =>
        new("review.not_submitted", $"只有待审核的记录可以审核（当前：{TaskLabels.Of(s)}）", Kind: ErrorKind.Conflict);

    /// <summary>R7: the record of a team below two certified officers cannot go to review.</summary>
    public static Error ShortStaffed(InspectionTask task) => new("record.short_staffed",
        $"人员不足：执法检查至少需要{InspectionTask.MinimumTeam}名持证执法人员，本组现有{task.ActiveMembers.Count()}名在岗人员。请计划管理员“补充检查人员”后再提交审核",
        Kind: ErrorKind.Conflict);

    public static Error NotEditable(TaskState s) =>
        new("task.not_editable", $"任务当前状态为“{TaskLabels.Of(s)}”，检查记录不能修改", Kind: ErrorKind.Conflict);
}
