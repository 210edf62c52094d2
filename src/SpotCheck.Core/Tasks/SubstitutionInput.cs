using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;
using SpotCheck.Draw;
using SpotCheck.Draw.Assignment;

namespace SpotCheck.Core.Tasks;

/// <summary>
/// Builds the draw-spec §5.5 input for replacing a withdrawn officer. Draw tasks reuse their draw's frozen snapshot
/// and seed; loads become current (frozen load + active places on this draw's tasks) and conflicts gain every one
/// declared since, the new one included. Non-draw tasks use the same ranking rule over today's active officers with
/// the task-specific seed <c>hex(SHA-256("task-substitution:" taskId))</c>, department(s) of the current team,
/// and loads = active places on unfinished tasks.
/// </summary>
static class SubstitutionInput
{
    public static async Task<(AssignmentInput Input, string Target, Dictionary<string, int> OfficerIdByCode)?> BuildAsync(
        AppDbContext db, InspectionTask task, string uscc, CancellationToken ct)
    {
        var officers = await db.Officers.AsNoTracking().Include(o => o.Department).ToListAsync(ct);
        var byCode = officers.ToDictionary(o => o.Code, o => o.Id, StringComparer.Ordinal);
        var codeOf = officers.ToDictionary(o => o.Id, o => o.Code);
        if (task.DrawId is not null)
        {
            var input = await ForDrawTargetAsync(db, task.DrawId, task.EnterpriseId, uscc, null, ct);
            return input is null ? null : (input, uscc, byCode);
        }
        var currentConflicts = await ConflictsAsync(db, task.EnterpriseId, uscc, codeOf, ct);

        var teamIds = task.ActiveMembers.Select(m => m.OfficerId).ToHashSet();
        var depts = officers.Where(o => teamIds.Contains(o.Id)).Select(o => o.Department!.Code).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();
        var loads = await db.TaskMembers.AsNoTracking()
            .Where(m => m.IsActive && db.InspectionTasks.IgnoreQueryFilters().Any(t => t.Id == m.TaskId && t.State != TaskState.Approved && t.State != TaskState.Published))
            .GroupBy(m => m.OfficerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var pool = officers.Where(o => Officers.Officer.IsValidCode(o.Code)).Select(o => new Inspector(o.Code, o.Department!.Code, o.Active,
            o.CertificateValidTo, loads.GetValueOrDefault(o.Id), Math.Max(o.WorkloadCap, loads.GetValueOrDefault(o.Id)))).ToList();
        var target = "TASK-" + task.Id.ToString(CultureInfo.InvariantCulture);
        var seed = DrawHash.Sha256Hex("task-substitution:" + task.Id.ToString(CultureInfo.InvariantCulture));
        var taskConflicts = currentConflicts.Select(c => (c.Item1, target)).Distinct().ToList();
        var size = Math.Max(2, Math.Max(depts.Count, teamIds.Count));
        return (new AssignmentInput(seed, [target], depts, size, task.DueDate, pool, taskConflicts,
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)), target, byCode);
    }

    /// <summary>
    /// The assignment input of one target of a finished draw: frozen snapshot and seed, loads = frozen load + active
    /// places on this draw's tasks (except <paramref name="releasedTaskId"/>, whose seats are being released), conflicts =
    /// frozen ones not withdrawn since plus every one in force now. Null while the draw has no seed.
    /// </summary>
    public static async Task<AssignmentInput?> ForDrawTargetAsync(AppDbContext db, string drawId, int enterpriseId, string uscc,
        int? releasedTaskId, CancellationToken ct)
    {
        var session = await db.DrawSessions.AsNoTracking().SingleOrDefaultAsync(s => s.DrawId == drawId, ct);
        if (session?.Seed is null) return null;
        var officers = await db.Officers.AsNoTracking().Select(o => new { o.Id, o.Code }).ToListAsync(ct);
        var codeOf = officers.ToDictionary(o => o.Id, o => o.Code);
        var manifest = JsonNode.Parse(session.ManifestJson)!.AsObject();
        var p = manifest["params"]!.AsObject();
        var departments = p["departments"]!.AsArray().Select(d => d!.GetValue<string>()).ToList();
        var teamSize = p["teamSize"]!.GetValue<int>();
        var planEnd = DateOnly.ParseExact(manifest["planEndDate"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var placed = await db.TaskMembers.AsNoTracking()
            .Where(m => m.IsActive && m.TaskId != releasedTaskId && db.InspectionTasks.Any(t => t.Id == m.TaskId && t.DrawId == drawId))
            .GroupBy(m => m.OfficerId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var placedByCode = placed.Where(x => codeOf.ContainsKey(x.Key)).ToDictionary(x => codeOf[x.Key], x => x.Count, StringComparer.Ordinal);
        var inspectors = Rows(session.InspectorsTsv, 6).Select(r => new Inspector(r[0], r[1], r[2] == "1",
            DateOnly.ParseExact(r[3], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            int.Parse(r[4], CultureInfo.InvariantCulture) + placedByCode.GetValueOrDefault(r[0]),
            int.Parse(r[5], CultureInfo.InvariantCulture))).ToList();
        var current = await ConflictsAsync(db, enterpriseId, uscc, codeOf, ct);
        var withdrawn = (await db.OfficerConflicts.AsNoTracking().Where(c => c.EnterpriseId == enterpriseId && c.WithdrawnAtUtc != null)
            .Select(c => c.OfficerId).ToListAsync(ct)).Where(codeOf.ContainsKey).Select(id => (codeOf[id], uscc)).ToHashSet();
        var frozen = Rows(session.ConflictsTsv, 2).Select(r => (r[0], r[1])).Where(c => !withdrawn.Contains(c));
        var previous = StoredDefinition.PreviousTeams(session.PreviousTeamsTsv);
        var allConflicts = frozen.Concat(current).Where(c => inspectors.Any(i => i.Id == c.Item1)).Distinct().ToList();
        return new AssignmentInput(session.Seed, [uscc], departments, teamSize, planEnd, inspectors, allConflicts, previous);
    }

    static async Task<List<(string, string)>> ConflictsAsync(AppDbContext db, int enterpriseId, string target,
        Dictionary<int, string> codeOf, CancellationToken ct)
    {
        var ids = await db.OfficerConflicts.AsNoTracking().Where(c => c.EnterpriseId == enterpriseId && c.WithdrawnAtUtc == null)
            .Select(c => c.OfficerId).Distinct().ToListAsync(ct);
        return ids.Where(codeOf.ContainsKey).Select(id => (codeOf[id], target)).ToList();
    }

    static IEnumerable<string[]> Rows(string tsv, int columns) =>
        tsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).Where(f => f.Length == columns);
}
