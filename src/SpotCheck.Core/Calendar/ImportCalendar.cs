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
            await db.SaveChangesAsync(ct);
            var recomputed = await RecomputeDeadlinesAsync(db, parsed.Value.Min(y => y.Year), ct);
            var years = new JsonArray();
            foreach (var d in diffs)
                years.Add(new JsonObject { ["year"] = d.Year, ["version"] = d.Version, ["status"] = d.Status });
            await audit.AppendAsync(new AuditEvent("CALENDAR_IMPORTED", actor, new JsonObject
            {
                ["fileSha256"] = sha, ["years"] = years, ["deadlinesRecomputed"] = recomputed,
            }), ct);
            await tx.CommitAsync(ct);
            return new Outcome(diffs);
        }, ct);
    }

    /// <summary>
    /// Publication deadlines not yet met that the imported years can change: those waiting for a year, and those whose
    /// 20 working days may run into the imported years. Published results keep the deadline they were measured against.
    /// </summary>
    static async Task<int> RecomputeDeadlinesAsync(AppDbContext db, int firstYear, CancellationToken ct)
    {
        var from = new DateOnly(firstYear - 1, 11, 1);
        var open = new[] { Tasks.TaskState.Open, Tasks.TaskState.Returned, Tasks.TaskState.Submitted, Tasks.TaskState.Approved };
        var records = await db.InspectionRecords
            .Where(r => (r.DeadlineYearMissing != null || r.ConclusionDate >= from)
                && db.InspectionTasks.Any(t => t.Id == r.TaskId && open.Contains(t.State)))
            .ToListAsync(ct);
        var calendar = await CalendarStore.LoadAsync(db, ct);
        return records.Count(r => r.SetDeadline(Publication.Deadline.From(calendar, r.ConclusionDate)));
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
