using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Tasks;

/// <summary>The task a team member may still edit, confirm or submit: visible to them, theirs, open or returned.</summary>
static class EditableTask
{
    public static async Task<Result<InspectionTask>> LoadAsync(AppDbContext db, int taskId, TaskViewer viewer, CancellationToken ct)
    {
        var task = await db.InspectionTasks.Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null || !viewer.CanSee(task)) return TaskErrors.NotFound;
        if (!viewer.IsMemberOf(task)) return TaskErrors.NotMember;
        if (task.State is not (TaskState.Open or TaskState.Returned)) return TaskErrors.NotEditable(task.State);
        return task;
    }
}
