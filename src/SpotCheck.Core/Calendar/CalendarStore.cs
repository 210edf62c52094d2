using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Calendar;

/// <summary>The calendar in force: the shipped years, replaced or extended by the current imported versions.</summary>
public static class CalendarStore
{
    public static async Task<WorkingDayCalendar> LoadAsync(AppDbContext db, CancellationToken ct = default) =>
        new(await YearsAsync(db, ct));

    public static async Task<IReadOnlyList<HolidayYear>> YearsAsync(AppDbContext db, CancellationToken ct = default)
    {
        var imported = await db.CalendarYears.AsNoTracking().Where(y => y.IsCurrent).ToListAsync(ct);
        var years = WorkingDayCalendar.ShippedYears().ToDictionary(y => y.Year);
        foreach (var row in imported)
        {
            var parsed = HolidayFile.ParseStoredYear(row.Year, row.Json);
            years[row.Year] = parsed;
        }
        return [.. years.Values.OrderBy(y => y.Year)];
    }
}
