using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Reviews;

/// <summary>Submitted records waiting for a reviewer, oldest first.</summary>
public static class ReviewQueue
{
    public sealed class Handler(ListTasks.Handler list)
    {
        public Task<TaskPage> HandleAsync(TaskViewer viewer, int page, CancellationToken ct = default) =>
            list.PageAsync(viewer, TaskState.Submitted, page, 50, ct);
    }
}
