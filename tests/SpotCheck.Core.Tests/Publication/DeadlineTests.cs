using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Calendar;
using SpotCheck.Core.Publication;
using SpotCheck.Core.Tasks;
using SpotCheck.Core.Tests.Calendar;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.Tasks;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Publication;

/// <summary>自抽查结束之日起20个工作日 (issue 10): counted from the day the inspection ended, on the 调休 calendar.</summary>
public sealed class DeadlineTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    static readonly WorkingDayCalendar Shipped = WorkingDayCalendar.ShippedOnly();

    [SkippableTheory]
    // 2024 National Day: off Oct 1–7, make-up Sun Sep 29 and Sat Oct 12.
    [InlineData("2024-09-27", "2024-10-30")]
    [InlineData("2024-09-29", "2024-10-31")] // the clock may start on a make-up Sunday: the start day never counts
    // 2025 Spring Festival: off Jan 28 – Feb 4, make-up Sun Jan 26 and Sat Feb 8.
    [InlineData("2025-01-24", "2025-02-27")]
    [InlineData("2025-02-08", "2025-03-07")]
    public void The_deadline_counts_make_up_days_and_skips_holidays(string concluded, string expected) =>
        Assert.Equal(new Deadline(Day(expected), null), Deadline.From(Shipped, Day(concluded)));

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Saving_a_record_starts_the_clock_on_the_day_the_inspection_ended(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var id = await kit.ComplaintTaskAsync(0, 1);
        var record = kit.Record();
        (record.InspectedOn, record.ConcludedOn) = (Day("2026-11-24"), Day("2026-11-25"));

        Assert.True((await new SaveRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(id, record, kit.OfficerViewer(0))).IsSuccess);

        await using var fresh = store.Fresh();
        var saved = await fresh.InspectionRecords.SingleAsync(r => r.TaskId == id);
        Assert.Equal((Day("2026-11-25"), Day("2026-12-23"), (int?)null), (saved.ConclusionDate, saved.PublicationDeadline, saved.DeadlineYearMissing));
        Assert.Equal(TaskState.Open, (await fresh.InspectionTasks.SingleAsync(t => t.Id == id)).State);

        record.ConcludedOn = Day("2026-11-23");
        var before = await new SaveRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(id, record, kit.OfficerViewer(0));
        Assert.Equal(("record.concluded", "ConcludedOn"), (before.Error?.Code, before.Error?.Field));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_deadline_into_a_year_not_loaded_waits_and_the_import_of_that_year_sets_it(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database, new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero));
        var kit = await TaskKit.CreateAsync(store);
        var id = await kit.ComplaintTaskAsync(0, 1);
        var record = kit.Record();
        (record.InspectedOn, record.ConcludedOn) = (Day("2026-12-04"), Day("2026-12-04"));
        Assert.True((await new SaveRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(id, record, kit.OfficerViewer(0))).IsSuccess);

        await using (var fresh = store.Fresh())
        {
            var waiting = await fresh.InspectionRecords.SingleAsync(r => r.TaskId == id);
            Assert.Equal(((DateOnly?)null, (int?)2027), (waiting.PublicationDeadline, waiting.DeadlineYearMissing));
        }
        var imported = await new ImportCalendar.Handler(store.Db, store.Audit, store.Clock).HandleAsync(CalendarImportTests.Year2027, "admin");
        Assert.True(imported.IsSuccess, imported.Error?.Message);

        await using var after = store.Fresh();
        var computed = await after.InspectionRecords.SingleAsync(r => r.TaskId == id);
        Assert.Equal((Day("2027-01-04"), (int?)null), (computed.PublicationDeadline, computed.DeadlineYearMissing));
        Assert.Contains("\"deadlinesRecomputed\":1", (await after.AuditEntries.SingleAsync(e => e.Type == "CALENDAR_IMPORTED")).Payload);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task The_board_counts_overdue_due_soon_and_late_on_the_holiday_calendar(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database, new DateTimeOffset(2024, 10, 14, 2, 0, 0, TimeSpan.Zero));
        var kit = await TaskKit.CreateAsync(store);
        var overdue = await PublicationKit.ApprovedAsync(kit, Day("2024-09-06"));   // due Fri 2024-10-11 (Sep 14, 29 and Oct 12 worked)
        var dueSoon = await PublicationKit.ApprovedAsync(kit, Day("2024-09-13"));   // due Thu 2024-10-17, within 5 working days (to Mon Oct 21)
        var later = await PublicationKit.ApprovedAsync(kit, Day("2024-10-08"));     // due in November
        var late = await PublicationKit.ApprovedAsync(kit, Day("2024-08-30"));      // due Sun 2024-09-29, published today
        Assert.True((await new PublishResults.Handler(store.Db, store.Audit, store.Clock).HandleAsync([late], TaskKit.Reviewer)).IsSuccess);

        var board = await new DeadlineBoard.Handler(store.Fresh(), store.Clock).HandleAsync(new DeadlineBoard.Filter(2024), TaskKit.Reviewer);

        Assert.Equal((Day("2024-10-14"), Day("2024-10-21")), (board.Today, board.Horizon));
        Assert.Equal([(overdue, (DateOnly?)Day("2024-10-11"))], board.Overdue.Select(r => (r.TaskId, r.Deadline)));
        Assert.Equal([(dueSoon, (DateOnly?)Day("2024-10-17"))], board.DueSoon.Select(r => (r.TaskId, r.Deadline)));
        Assert.Equal([(late, (DateOnly?)Day("2024-09-29"), (DateOnly?)Day("2024-10-14"))], board.PublishedLate.Select(r => (r.TaskId, r.Deadline, r.PublishedOn)));
        Assert.Empty(board.Waiting);
        Assert.DoesNotContain(later, board.DueSoon.Concat(board.Overdue).Select(r => r.TaskId));
        var department = Assert.Single(board.ByDepartment);
        Assert.Equal(("XPSCJ", 1, 1, 1), (department.Code, department.DueSoon, department.Overdue, department.PublishedLate));
        var item = Assert.Single(board.ByItem);
        Assert.Equal(("T-COAL", "煤炭经营", 1, 1, 1), (item.Code, item.Name, item.DueSoon, item.Overdue, item.PublishedLate));
        var other = await new DeadlineBoard.Handler(store.Fresh(), store.Clock).HandleAsync(new DeadlineBoard.Filter(2024, Department: "NONE"), TaskKit.Reviewer);
        Assert.Empty(other.Overdue.Concat(other.DueSoon).Concat(other.PublishedLate));
    }

    static DateOnly Day(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
