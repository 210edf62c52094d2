using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Calendar;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Calendar;

public sealed class CalendarImportTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    internal const string Year2027 = """
        {"format":"spotcheck-cn-holidays","formatVersion":1,"years":{"2027":{"status":"official",
         "offDays":["2027-01-01","2027-02-06","2027-02-07","2027-02-08","2027-02-09","2027-02-10","2027-02-11","2027-02-12"],
         "makeupWorkdays":["2027-02-13"]}}}
        """;

    static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Importing_2027_lets_a_december_deadline_be_computed(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        Assert.False((await CalendarStore.LoadAsync(store.Db)).AddWorkdays(D("2026-12-04"), 20).IsSuccess);

        var result = await new ImportCalendar.Handler(store.Db, store.Audit, store.Clock).HandleAsync(Year2027, "admin");

        Assert.True(result.IsSuccess, result.Error?.Message);
        await using var fresh = store.Fresh();
        var calendar = await CalendarStore.LoadAsync(fresh);
        Assert.Equal(D("2027-01-04"), calendar.AddWorkdays(D("2026-12-04"), 20).Value);
        Assert.True(calendar.IsWorkday(D("2027-02-13")).Value);
        Assert.False(calendar.IsWorkday(D("2027-02-08")).Value);
        var entry = await fresh.AuditEntries.SingleAsync();
        Assert.Equal("CALENDAR_IMPORTED", entry.Type);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Reimporting_a_year_adds_a_version_and_replaces_it(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var handler = new ImportCalendar.Handler(store.Db, store.Audit, store.Clock);
        await handler.HandleAsync(Year2027, "admin");
        var amended = Year2027.Replace("\"makeupWorkdays\":[\"2027-02-13\"]", "\"makeupWorkdays\":[]");

        var preview = await ImportCalendar.PreviewAsync(store.Db, amended);
        Assert.Equal([D("2027-02-13")], preview.Value.Years.Single().MakeupRemoved);
        var second = await handler.HandleAsync(amended, "admin");

        Assert.Equal(2, second.Value.Years.Single().Version);
        await using var fresh = store.Fresh();
        Assert.False((await CalendarStore.LoadAsync(fresh)).IsWorkday(D("2027-02-13")).Value);
        var versions = await fresh.CalendarYears.Where(y => y.Year == 2027).OrderBy(y => y.Version).ToListAsync();
        Assert.Equal([false, true], versions.Select(v => v.IsCurrent));
        Assert.Equal(2, await fresh.AuditEntries.CountAsync(e => e.Type == "CALENDAR_IMPORTED"));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_bad_file_stores_nothing(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);

        var result = await new ImportCalendar.Handler(store.Db, store.Audit, store.Clock)
            .HandleAsync(Year2027.Replace("2027-02-13", "2027-02-31"), "admin");

        Assert.Contains("2027-02-31", result.Error!.Message);
        await using var fresh = store.Fresh();
        Assert.Equal(0, await fresh.CalendarYears.CountAsync());
        Assert.Equal(0, await fresh.AuditEntries.CountAsync());
    }
}
