using SpotCheck.Core.Common;

namespace SpotCheck.Core.Tasks;

static class TaskErrors
{
    public static readonly Error NotFound = new("task.not_found", "检查任务不存在或无权查看", Kind: ErrorKind.NotFound);
    public static readonly Error NotMember = new("task.not_member", "只有本任务检查组的在岗成员可以执行此操作", Kind: ErrorKind.Forbidden);
    public static Error NotEditable(TaskState s) =>
        new("task.not_editable", $"任务当前状态为“{TaskLabels.Of(s)}”，检查记录不能修改", Kind: ErrorKind.Conflict);
}
