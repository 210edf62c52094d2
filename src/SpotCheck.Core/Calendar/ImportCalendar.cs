using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Calendar;

/// <summary>Loads one or more notice years from a file in the cn-holidays.json layout; each year becomes a new version.</summary>
public static class ImportCalendar
{
    /// <summary>What the import changes for one year, for the preview and the result.</summary>
    public sealed record YearDiff(int Year, int Version, string Status, IReadOnlyList<DateOnly> OffDaysAdded,
        IReadOnlyList<DateOnly> OffDaysRemoved, IReadOnlyList<DateOnly> MakeupAdded, IReadOnlyList<DateOnly> MakeupRemoved);

    public sealed record Outcome(IReadOnlyList<YearDiff> Years);

    /// <summary>The differences against the calendar in force, without saving anything.</summary>
    public static async Task<Result<Outcome>> PreviewAsync(AppDbContext db, string fileText, CancellationToken ct = default)
    {
        var parsed = HolidayFile.Parse(fileText);
        if (!parsed.IsSuccess) return parsed.Error!;
        return new Outcome(await DiffAsync(db, parsed.Value, ct));
    }

    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public Task<Result<Outcome>> HandleAsync(string fileText, string actor, CancellationToken ct = default) => db.RunAsync<Outcome>(async () =>
        {
            var parsed = HolidayFile.Parse(fileText);
            if (!parsed.IsSuccess) return parsed.Error!;
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fileText)));
            var now = clock.GetUtcNow().UtcDateTime;

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var diffs = await DiffAsync(db, parsed.Value, ct);
            foreach (var year in parsed.Value)
            {
                var current = await db.CalendarYears.Where(y => y.Year == year.Year && y.IsCurrent).ToListAsync(ct);
                current.ForEach(c => c.Supersede());
                var version = await db.CalendarYears.Where(y => y.Year == year.Year).MaxAsync(y => (int?)y.Version, ct) ?? 0;
                db.CalendarYears.Add(new CalendarYear(year.Year, version + 1, year.Status, year.Json, sha, actor, now));
            }
            var years = new JsonArray();
            foreach (var d in diffs)
                years.Add(new JsonObject { ["year"] = d.Year, ["version"] = d.Version, ["status"] = d.Status });
            await audit.AppendAsync(new AuditEvent("CALENDAR_IMPORTED", actor, new JsonObject { ["fileSha256"] = sha, ["years"] = years }), ct);
            await tx.CommitAsync(ct);
            return new Outcome(diffs);
        }, ct);
    }

    static async Task<IReadOnlyList<YearDiff>> DiffAsync(AppDbContext db, IReadOnlyList<HolidayYear> incoming, CancellationToken ct)
    {
        var inForce = (await CalendarStore.YearsAsync(db, ct)).ToDictionary(y => y.Year);
        var result = new List<YearDiff>();
        foreach (var y in incoming.OrderBy(y => y.Year))
        {
            var version = (await db.CalendarYears.Where(c => c.Year == y.Year).MaxAsync(c => (int?)c.Version, ct) ?? 0) + 1;
            inForce.TryGetValue(y.Year, out var old);
            IReadOnlySet<DateOnly> oldOff = old?.OffDays ?? new HashSet<DateOnly>();
            IReadOnlySet<DateOnly> oldMakeup = old?.MakeupWorkdays ?? new HashSet<DateOnly>();
            result.Add(new YearDiff(y.Year, version, y.Status,
                [.. y.OffDays.Where(d => !oldOff.Contains(d)).Order()], [.. oldOff.Where(d => !y.OffDays.Contains(d)).Order()],
                [.. y.MakeupWorkdays.Where(d => !oldMakeup.Contains(d)).Order()], [.. oldMakeup.Where(d => !y.MakeupWorkdays.Contains(d)).Order()]));
        }
        return result;
    }
}
