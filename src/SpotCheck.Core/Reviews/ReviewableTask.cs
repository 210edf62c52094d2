using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Reviews;

/// <summary>A submitted task with its record, for a reviewer who may see it and is not on its team.</summary>
static class ReviewableTask
{
    public static async Task<Result<(InspectionTask Task, InspectionRecord Record)>> LoadAsync(AppDbContext db, int taskId, TaskViewer reviewer, CancellationToken ct)
    {
        var task = await db.InspectionTasks.Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null || !reviewer.CanSee(task)) return new Error("task.not_found", "检查任务不存在或无权查看", Kind: ErrorKind.NotFound);
        if (reviewer.IsMemberOf(task)) return new Error("review.own_task", "检查组成员不能审核本组的检查记录", Kind: ErrorKind.Forbidden);
        if (task.State != TaskState.Submitted) return TaskErrors.NotSubmitted(task.State);
        var record = await db.InspectionRecords.SingleAsync(r => r.TaskId == taskId, ct);
        return (task, record);
    }
}
