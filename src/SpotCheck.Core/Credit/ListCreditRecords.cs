using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Credit;

/// <summary>An enterprise's 诚信档案, newest first, each with the outcome of any objection against its task.</summary>
public static class ListCreditRecords
{
    public sealed record Row(CreditRecord Record, ObjectionOutcome? ObjectionOutcome, string? ObjectionNote);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(int enterpriseId, CancellationToken ct = default)
        {
            var records = await db.CreditRecords.AsNoTracking().Where(c => c.EnterpriseId == enterpriseId)
                .OrderByDescending(c => c.Id).ToListAsync(ct);
            var taskIds = records.Select(r => r.TaskId).ToList();
            var objections = await db.Objections.AsNoTracking().Where(o => taskIds.Contains(o.TaskId) && o.Outcome != null)
                .OrderBy(o => o.Id).ToListAsync(ct);
            return records.Select(r => objections.LastOrDefault(o => o.TaskId == r.TaskId) is { } o
                ? new Row(r, o.Outcome, o.ResolutionNote)
                : new Row(r, null, null)).ToList();
        }
    }
}
