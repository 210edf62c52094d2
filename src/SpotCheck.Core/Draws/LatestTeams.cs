using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Draws;

/// <summary>Keeps <see cref="LatestTeam"/> rows current as staffed selections are written or removed.</summary>
public static class LatestTeams
{
    /// <summary>
    /// Records many new staffed selections inside the caller's transaction, set-based: the rows they supersede are
    /// deleted in one statement and the new ones written in bulk. A concurrent writer of the same enterprise makes one
    /// of the two transactions lose on the primary key (a 409 through <see cref="SingleWinner"/>), never a silent mix.
    /// </summary>
    public static async Task RecordAsync(AppDbContext db, IReadOnlyCollection<DrawSelection> selections, CancellationToken ct)
    {
        var staffed = Newest(selections.Where(s => s.Team.Length > 0).Select(Of));
        if (staffed.Count == 0) return;
        var ids = staffed.Keys.ToList();
        var existing = await db.LatestTeams.AsNoTracking().Where(t => EF.Parameter(ids).Contains(t.EnterpriseId))
            .ToDictionaryAsync(t => t.EnterpriseId, ct);
        var newer = staffed.Values.Where(n => !existing.TryGetValue(n.EnterpriseId, out var old) || old.IsOlderThan(n.SelectedOn, n.DrawId)).ToList();
        var superseded = newer.Where(n => existing.ContainsKey(n.EnterpriseId)).Select(n => n.EnterpriseId).ToList();
        if (superseded.Count > 0)
            await db.LatestTeams.Where(t => EF.Parameter(superseded).Contains(t.EnterpriseId)).ExecuteDeleteAsync(ct);
        await using var rows = await EntityRowWriter<LatestTeam>.BeginAsync(db, ct);
        foreach (var row in newer) await rows.WriteAsync(row, ct);
        await rows.CompleteAsync(ct);
    }

    /// <summary>Records one staffed selection through the change tracker: saved with the caller's next SaveChanges.</summary>
    public static async Task TrackAsync(AppDbContext db, DrawSelection selection, CancellationToken ct)
    {
        if (selection.Team.Length == 0) return;
        var old = await db.LatestTeams.SingleOrDefaultAsync(t => t.EnterpriseId == selection.EnterpriseId, ct);
        if (old is null) db.LatestTeams.Add(Of(selection));
        else if (old.IsOlderThan(selection.SelectedOn, selection.DrawId)) old.Replace(selection.DrawId, selection.SelectedOn, LatestTeam.Join(selection.Team));
    }

    /// <summary>
    /// Recomputes the rows of the enterprises <paramref name="enterpriseIds"/> (all of them when null) from the
    /// selections that remain: after selections were deleted, or to fill the table for a database that had selections
    /// before it existed (or before its key changed).
    /// </summary>
    public static async Task RebuildAsync(AppDbContext db, IReadOnlyCollection<int>? enterpriseIds, CancellationToken ct)
    {
        var selections = db.DrawSelections.AsNoTracking().Where(s => s.Team.Length > 0);
        var teams = db.LatestTeams.AsQueryable();
        if (enterpriseIds is not null)
        {
            var list = enterpriseIds.ToList();
            selections = selections.Where(s => EF.Parameter(list).Contains(s.EnterpriseId));
            teams = teams.Where(t => EF.Parameter(list).Contains(t.EnterpriseId));
        }
        // Only each enterprise's latest day is read (a tie on one day is settled below by draw id, ordinally).
        var latestDay = selections.GroupBy(s => s.EnterpriseId).Select(g => new { EnterpriseId = g.Key, On = g.Max(s => s.SelectedOn) });
        var rows = await selections.Join(latestDay, s => new { s.EnterpriseId, On = s.SelectedOn }, l => new { l.EnterpriseId, l.On },
            (s, _) => new { s.EnterpriseId, s.Uscc, s.DrawId, s.SelectedOn, s.Team }).ToListAsync(ct);
        var newest = Newest(rows.Select(r => new LatestTeam(r.EnterpriseId, r.Uscc, r.DrawId, r.SelectedOn, LatestTeam.Join(r.Team))));
        await teams.ExecuteDeleteAsync(ct);
        await using var writer = await EntityRowWriter<LatestTeam>.BeginAsync(db, ct);
        foreach (var row in newest.Values) await writer.WriteAsync(row, ct);
        await writer.CompleteAsync(ct);
    }

    /// <summary>A database whose staffed selections predate the table gets its rows once, at start-up.</summary>
    public static async Task FillIfMissingAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.LatestTeams.AnyAsync(ct) || !await db.DrawSelections.AnyAsync(s => s.Team.Length > 0, ct)) return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RebuildAsync(db, null, ct);
        await tx.CommitAsync(ct);
    }

    static LatestTeam Of(DrawSelection s) => new(s.EnterpriseId, s.Uscc, s.DrawId, s.SelectedOn, LatestTeam.Join(s.Team));

    static Dictionary<int, LatestTeam> Newest(IEnumerable<LatestTeam> rows)
    {
        var newest = new Dictionary<int, LatestTeam>();
        foreach (var row in rows)
            if (!newest.TryGetValue(row.EnterpriseId, out var kept) || kept.IsOlderThan(row.SelectedOn, row.DrawId)) newest[row.EnterpriseId] = row;
        return newest;
    }
}
