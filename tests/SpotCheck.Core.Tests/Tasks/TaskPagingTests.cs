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

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Browsing_counts_up_to_the_limit_and_goes_on_after_a_task_through_every_task_once(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store, officers: 4);
        var ids = new List<int>();
        foreach (var day in new[] { 31, 20, 31, 25, 20, 31, 28, 25 }) ids.Add(await kit.ComplaintTaskDueAsync(new DateOnly(2026, 12, day), 0, 1));
        foreach (var finished in new[] { ids[1], ids[2], ids[6] })
        {
            await kit.SubmitAsync(finished, kit.Record(), 0, 1);
            Assert.True((await new SpotCheck.Core.Reviews.ApproveRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(finished, TaskKit.Reviewer)).IsSuccess);
        }
        var hidden = await kit.ComplaintTaskAsync(2, 3);
        var list = new ListTasks.Handler(store.Db);
        var expected = (await list.PageAsync(kit.OfficerViewer(0), null, 1, 100)).Items.Select(t => t.Id).ToList();
        Assert.Equal(8, expected.Count);

        // Counted up to 4, numbered pages of 2 while inside the count, then page after page by the last task.
        var first = await list.BrowseAsync(kit.OfficerViewer(0), 1, null, 2, 4);
        var second = await list.BrowseAsync(kit.OfficerViewer(0), 2, null, 2, 4);
        Assert.Equal((4, true, 2), (first.Total, first.TotalIsAtLeast, second.Page));
        var walked = first.Items.Concat(second.Items).Select(t => t.Id).ToList();
        for (var after = second.NextAfterId; after is int id;)
        {
            var next = await list.BrowseAsync(kit.OfficerViewer(0), 1, id, 2, 4);
            walked.AddRange(next.Items.Select(t => t.Id));
            after = next.NextAfterId;
        }
        Assert.Equal(expected, walked);

        var exact = await list.BrowseAsync(kit.OfficerViewer(0), 9, null, 2, 100);
        Assert.Equal((8, false, 4), (exact.Total, exact.TotalIsAtLeast, exact.Page));
        // After a task the viewer cannot see: the first page, not a hint that the task exists.
        var stranger = await list.BrowseAsync(kit.OfficerViewer(0), 1, hidden, 2, 4);
        Assert.Equal(expected.Take(2), stranger.Items.Select(t => t.Id));
        Assert.Equal((false, 1), (stranger.AfterTask, stranger.Page));
        Assert.True((await list.BrowseAsync(kit.OfficerViewer(0), 1, expected[0], 2, 4)).AfterTask);
    }
}
