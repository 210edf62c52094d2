using SpotCheck.Core.Tasks;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Tasks;

/// <summary>ListTasks pages with a total instead of stopping at a fixed number of rows.</summary>
public sealed class TaskPagingTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Pages_cover_every_visible_task_once_with_the_total(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store, officers: 4);
        var mine = new List<int>();
        for (var i = 0; i < 5; i++) mine.Add(await kit.ComplaintTaskAsync(0, 1));
        await kit.ComplaintTaskAsync(2, 3);
        var list = new ListTasks.Handler(store.Db);

        var pages = new List<TaskPage>();
        for (var p = 1; p <= 3; p++) pages.Add(await list.PageAsync(kit.OfficerViewer(0), null, p, 2));
        Assert.All(pages, p => Assert.Equal((5, 3), (p.Total, p.PageCount)));
        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(mine, pages.SelectMany(p => p.Items).Select(t => t.Id));

        var beyond = await list.PageAsync(kit.OfficerViewer(0), null, 99, 2);
        Assert.Equal((3, mine[4]), (beyond.Page, beyond.Items.Single().Id));
        var all = await list.PageAsync(TaskKit.Planner, null, 1, 500);
        Assert.Equal((6, ListTasks.MaxPageSize, 6), (all.Total, all.PageSize, all.Items.Count));
        Assert.Equal(0, (await list.PageAsync(TaskKit.Planner, TaskState.Submitted, 1, 20)).Total);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Unfinished_tasks_come_before_approved_ones(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store, officers: 2);
        var done = await kit.ComplaintTaskAsync(0, 1);
        var open = await kit.ComplaintTaskAsync(0, 1);
        await kit.SubmitAsync(done, kit.Record(), 0, 1);
        Assert.True((await new SpotCheck.Core.Reviews.ApproveRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(done, TaskKit.Reviewer)).IsSuccess);

        var page = await new ListTasks.Handler(store.Db).PageAsync(kit.OfficerViewer(0), null, 1, 10);
        Assert.Equal([open, done], page.Items.Select(t => t.Id));
    }
}
