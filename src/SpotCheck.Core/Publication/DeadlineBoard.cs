using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Calendar;
using SpotCheck.Core.Data;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Publication;

/// <summary>
/// The 20-working-day clock for staff (SPEC §2.8): results due within five working days, overdue, published late, and
/// those whose deadline waits for a calendar year; grouped by department and by item. Every count is the length of
/// the list it links to (the same filter), so the numbers always agree with the detail.
/// </summary>
public static class DeadlineBoard
{
    public const int DueSoonWorkdays = 5;

    public sealed record Row(int TaskId, string EnterpriseName, string Uscc, IReadOnlyList<(string Code, string Name)> Items,
        IReadOnlyList<(string Code, string Name)> Departments, TaskState State, DateOnly ConcludedOn, DateOnly? Deadline, int? YearMissing,
        DateOnly? PublishedOn)
    {
        public string ItemNames => string.Join("、", Items.Select(i => i.Name));
        public string DepartmentNames => string.Join("、", Departments.Select(d => d.Name));
    }

    public sealed record Group(string Code, string Name, int DueSoon, int Overdue, int PublishedLate, int Waiting);

    public sealed record Filter(int Year, string? Department = null, string? Item = null);

    public sealed record Board(DateOnly Today, DateOnly Horizon, Filter Filter, IReadOnlyList<Row> DueSoon, IReadOnlyList<Row> Overdue,
        IReadOnlyList<Row> PublishedLate, IReadOnlyList<Row> Waiting, IReadOnlyList<Group> ByDepartment, IReadOnlyList<Group> ByItem);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Board> HandleAsync(Filter filter, TaskViewer viewer, CancellationToken ct = default)
        {
            var today = ShanghaiDay.Of(clock.GetUtcNow().UtcDateTime);
            var calendar = await CalendarStore.LoadAsync(db, ct);
            var horizon = Horizon(calendar, today);
            var open = await OpenRowsAsync(viewer, ct);
            var late = await PublishedLateAsync(filter.Year, ct);
            var all = open.Concat(late).ToList();
            bool Matches(Row r) => (filter.Department is null || r.Departments.Any(d => d.Code == filter.Department))
                && (filter.Item is null || r.Items.Any(i => i.Code == filter.Item));
            var dueSoon = open.Where(r => r.Deadline is DateOnly d && d >= today && d <= horizon).OrderBy(r => r.Deadline).ThenBy(r => r.TaskId).ToList();
            var overdue = open.Where(r => r.Deadline is DateOnly d && d < today).OrderBy(r => r.Deadline).ThenBy(r => r.TaskId).ToList();
            var waiting = open.Where(r => r.Deadline is null).OrderBy(r => r.ConcludedOn).ThenBy(r => r.TaskId).ToList();
            return new Board(today, horizon, filter, [.. dueSoon.Where(Matches)], [.. overdue.Where(Matches)], [.. late.Where(Matches)], [.. waiting.Where(Matches)],
                GroupBy(all, r => r.Departments, dueSoon, overdue, late, waiting), GroupBy(all, r => r.Items, dueSoon, overdue, late, waiting));
        }

        /// <summary>Approved results not yet published, the nearest deadline first (the reviewer's publication list).</summary>
        public async Task<IReadOnlyList<Row>> AwaitingPublicationAsync(TaskViewer viewer, CancellationToken ct = default) =>
            [.. (await OpenRowsAsync(viewer, ct)).Where(r => r.State == TaskState.Approved)
                .OrderBy(r => r.Deadline ?? DateOnly.MaxValue).ThenBy(r => r.TaskId)];

        /// <summary>Five working days ahead; when the calendar ends sooner, its last loaded day (never a guess beyond it).</summary>
        static DateOnly Horizon(WorkingDayCalendar calendar, DateOnly today) =>
            calendar.AddWorkdays(today, DueSoonWorkdays) is { IsSuccess: true } h ? h.Value : new DateOnly(calendar.LoadedYears.Max(), 12, 31);

        async Task<List<Row>> OpenRowsAsync(TaskViewer viewer, CancellationToken ct)
        {
            var states = new[] { TaskState.Open, TaskState.Returned, TaskState.Submitted, TaskState.Approved };
            var tasks = await viewer.Visible(db.InspectionTasks.AsNoTracking()).Where(t => states.Contains(t.State))
                .Where(t => db.InspectionRecords.Any(r => r.TaskId == t.Id)).ToListAsync(ct);
            if (tasks.Count == 0) return [];
            var ids = tasks.Select(t => t.Id).ToList();
            var records = await db.InspectionRecords.AsNoTracking().Where(r => ids.Contains(r.TaskId))
                .Select(r => new { r.TaskId, r.ConclusionDate, r.PublicationDeadline, r.DeadlineYearMissing }).ToDictionaryAsync(r => r.TaskId, ct);
            var contents = await PublicContent.GatherAsync(db, tasks, ct);
            return [.. tasks.Select(t =>
            {
                var c = contents[t.Id];
                var r = records[t.Id];
                return new Row(t.Id, c.EnterpriseName, c.Uscc, c.Items, c.Departments, t.State, r.ConclusionDate, r.PublicationDeadline, r.DeadlineYearMissing, null);
            })];
        }

        async Task<List<Row>> PublishedLateAsync(int year, CancellationToken ct)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            var rows = await db.PublishedResults.AsNoTracking().Include(r => r.Items).Include(r => r.Departments)
                .Where(r => r.Version == 1 && r.PublishedOn >= from && r.PublishedOn <= to && r.Deadline != null && r.PublishedOn > r.Deadline)
                .OrderBy(r => r.PublishedOn).ThenBy(r => r.TaskId).ToListAsync(ct);
            var concluded = await db.InspectionRecords.AsNoTracking().Where(r => rows.Select(x => x.TaskId).Contains(r.TaskId))
                .ToDictionaryAsync(r => r.TaskId, r => r.ConclusionDate, ct);
            return [.. rows.Select(r => new Row(r.TaskId, r.EnterpriseName, r.Uscc, [.. r.Items.Select(i => (i.ItemCode, i.ItemName))],
                [.. r.Departments.Select(d => (d.DepartmentCode, d.DepartmentName))], TaskState.Published,
                concluded.GetValueOrDefault(r.TaskId, r.InspectedOn), r.Deadline, null, r.PublishedOn))];
        }

        static List<Group> GroupBy(List<Row> all, Func<Row, IReadOnlyList<(string Code, string Name)>> keys,
            List<Row> dueSoon, List<Row> overdue, List<Row> late, List<Row> waiting)
        {
            int Count(List<Row> rows, string code) => rows.Count(r => keys(r).Any(k => k.Code == code));
            return [.. all.SelectMany(keys).DistinctBy(k => k.Code).OrderBy(k => k.Code, StringComparer.Ordinal)
                .Select(k => new Group(k.Code, k.Name, Count(dueSoon, k.Code), Count(overdue, k.Code), Count(late, k.Code), Count(waiting, k.Code)))];
        }
    }
}
