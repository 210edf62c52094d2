using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Plans;
using SpotCheck.Core.Tasks;
using SpotCheck.Draw;
using SpotCheck.Draw.Assignment;
using SpotCheck.Draw.Json;
using SpotCheck.Draw.Record;
using SpotCheck.Draw.Selection;

namespace SpotCheck.Core.Draws;

/// <summary>
/// Builds the frozen inputs of a draw from the directory (draw-spec §4.1, §5.1, §6.1): the frame by the plan's filter
/// with stale statuses, reached yearly caps and recent selections under a shared item moved to excluded.tsv; the
/// officers of the plan's departments under their opaque codes with their open load, their 回避, previous teams.
/// </summary>
public static class FrameBuilder
{
    public const string FlaggedStratum = "FLAGGED";

    /// <param name="Team">The enterprise's latest team (<see cref="LatestTeam"/>) as this draw's officer numbers.</param>
    readonly record struct Candidate(int Id, string Uscc, RiskClass Risk, bool Abnormal, bool Serious, EnterpriseStatus Status, TeamNumbers.Slice Team);

    /// <summary>Id ranges smaller than this are read on one connection.</summary>
    const int PartitionMinimum = 100_000;

    public static async Task<FrozenInputs> ForPlanAsync(AppDbContext db, Plan plan, string drawId, DateOnly asOf, int yearlyCap, CancellationToken ct)
    {
        using var steps = DrawSteps.Begin("frame");
        steps.Next("officers");
        var officers = await OfficersAsync(db, plan.DepartmentCodeList, ct);
        var numbers = new OfficerNumbers(officers.Select(o => o.Code));
        steps.Next("candidates");
        var (candidates, members) = await ReadCandidatesAsync(db, plan, numbers, ct);
        steps.Next("cap-window");
        var capped = await CappedAsync(db, asOf.Year, yearlyCap, ct);
        var lastUnderItem = await RecentUnderSharedItemAsync(db, plan, asOf, ct);

        steps.Next("frame-loop");
        var statuses = plan.StatusList.ToHashSet();
        var frame = new PopulationColumns(candidates.Count);
        var excluded = new List<ExcludedEntry>();
        var teams = new List<TeamNumbers.Slice>(candidates.Count);
        foreach (var c in candidates)
        {
            if (!statuses.Contains(c.Status))
                excluded.Add(new ExcludedEntry(c.Uscc, "INELIGIBLE:" + StatusCode(c.Status), "-"));
            else if (capped.Contains(c.Id))
                excluded.Add(new ExcludedEntry(c.Uscc, "INELIGIBLE:YEARLY_CAP", "-"));
            else if (lastUnderItem.TryGetValue(c.Id, out var last))
                excluded.Add(new ExcludedEntry(c.Uscc, last.DrawId, SnapshotFiles.Date(last.SelectedOn)));
            else
            {
                AddMember(frame, plan, c);
                teams.Add(c.Team);
            }
        }
        var ratios = plan.RiskClassList.ToDictionary(r => r.ToString(), plan.RatioPpmOf, StringComparer.Ordinal);
        if (plan.FlagPolicy == FlagPolicy.SeparateStratum) ratios[FlaggedStratum] = plan.FlaggedRatioPpm;
        steps.Next("staffing");
        var staffing = await StaffingAsync(db, officers, frame.Ids, ct);
        steps.Next("id-order");
        var order = frame.IdOrder();
        steps.Next("previous-teams");
        var previousTeams = PreviousTeams(numbers, members, teams, frame.Ids, order);
        steps.Next("snapshot-hash");
        return Freeze(new DrawDefinition(drawId, asOf, plan.EndDate, new SelectionParams(SelectionMode.Stratified, RatioPpm: ratios),
            plan.WindowDays, plan.TeamSize, plan.DepartmentCodeList, WeightPolicy(plan), frame, excluded,
            staffing.Inspectors, staffing.Conflicts, previousTeams));
    }

    /// <summary>
    /// Enterprises already selected <paramref name="yearlyCap"/> times in the year (supplementary draws re-staff, they
    /// do not select): grouped in SQL over that year's selections only, whatever the length of the history.
    /// </summary>
    static async Task<HashSet<int>> CappedAsync(AppDbContext db, int year, int yearlyCap, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return [.. await db.DrawSelections.AsNoTracking().Where(s => !s.IsSupplement && s.SelectedOn >= first && s.SelectedOn <= last)
            .GroupBy(s => s.EnterpriseId).Where(g => g.Count() >= yearlyCap).Select(g => g.Key).ToListAsync(ct)];
    }

    sealed record Recent(int EnterpriseId, string DrawId, int PlanId, DateOnly SelectedOn);

    /// <summary>
    /// Per enterprise, its latest selection inside the exclusion window by a plan sharing an item with this one (the
    /// selection that excludes it). Only the window's selections are read: the older history cannot exclude anyone.
    /// </summary>
    static async Task<Dictionary<int, Recent>> RecentUnderSharedItemAsync(AppDbContext db, Plan plan, DateOnly asOf, CancellationToken ct)
    {
        // asOf − selectedOn < window ⇔ selectedOn > asOf − window (a window of 0 excludes nobody drawn up to today).
        var after = asOf.AddDays(-plan.WindowDays);
        var recent = await db.DrawSelections.AsNoTracking().Where(s => !s.IsSupplement && s.SelectedOn > after)
            .Select(s => new Recent(s.EnterpriseId, s.DrawId, s.PlanId, s.SelectedOn)).ToListAsync(ct);
        var planIds = recent.Select(r => r.PlanId).Distinct().ToList();
        var planItems = plan.ItemIds;
        var sharing = (await db.Plans.IgnoreQueryFilters().AsNoTracking()
            .Where(p => planIds.Contains(p.Id) && p.ItemIds.Any(i => planItems.Contains(i))).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        return recent.Where(r => sharing.Contains(r.PlanId)).GroupBy(r => r.EnterpriseId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.SelectedOn).ThenByDescending(r => r.DrawId, StringComparer.Ordinal).First());
    }

    /// <summary>A supplementary draw: the unstaffed targets of <paramref name="parent"/>, all taken, staffed from a fresh officer snapshot.</summary>
    public static async Task<FrozenInputs> SupplementAsync(AppDbContext db, Plan plan, DrawSession parent, string drawId, DateOnly asOf, CancellationToken ct)
    {
        var unstaffed = await db.DrawSelections.AsNoTracking().Where(s => s.DrawId == parent.DrawId && s.Team.Length == 0)
            .Select(s => new { s.Uscc, s.EnterpriseId }).ToListAsync(ct);
        var parentFrame = StoredDefinition.Of(parent).Frame.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var frame = unstaffed.Select(u => parentFrame[u.Uscc]).ToList();
        var ratios = frame.Select(f => f.Stratum).Distinct(StringComparer.Ordinal).ToDictionary(s => s, _ => PlanRules.MaxPpm, StringComparer.Ordinal);
        var targets = frame.Select(f => f.Id).ToList();
        var officers = await OfficersAsync(db, plan.DepartmentCodeList, ct);
        var staffing = await StaffingAsync(db, officers, targets, ct);
        var ids = unstaffed.Select(u => u.EnterpriseId).ToList();
        var latest = await db.LatestTeams.AsNoTracking().Where(t => EF.Parameter(ids).Contains(t.EnterpriseId))
            .ToDictionaryAsync(t => t.Uscc, t => t.Team, StringComparer.Ordinal, ct);
        var numbers = new OfficerNumbers(officers.Select(o => o.Code));
        var read = new TeamNumbers(numbers);
        var inOrder = targets.Order(StringComparer.Ordinal).ToList();
        var teams = inOrder.Select(target => read.Read(latest.GetValueOrDefault(target))).ToList();
        return Freeze(new DrawDefinition(drawId, asOf, plan.EndDate, new SelectionParams(SelectionMode.Stratified, RatioPpm: ratios),
            0, plan.TeamSize, plan.DepartmentCodeList, WeightPolicy(plan), frame, [],
            staffing.Inspectors, staffing.Conflicts, PreviousTeams(numbers, [.. read.Members], teams, inOrder, Enumerable.Range(0, inOrder.Count))));
    }

    static FrozenInputs Freeze(DrawDefinition d)
    {
        var texts = d.SnapshotTexts();
        var manifest = d.Manifest(texts);
        var strata = d.Frame is PopulationColumns columns ? columns.StratumSizes()
            : d.Frame.GroupBy(e => e.Stratum, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new FrozenInputs(Jcs.Serialize(manifest), DrawHash.Sha256Hex(Jcs.SerializeToUtf8Bytes(manifest)),
            texts[SnapshotFiles.Population], texts[SnapshotFiles.Excluded], texts[SnapshotFiles.Inspectors],
            texts[SnapshotFiles.Conflicts], texts[SnapshotFiles.PreviousTeams], FrameStrataText.Format(strata));
    }

    /// <summary>
    /// The candidates straight off data readers: EF writes the SQL (filters, conversions), but materialising a million
    /// rows through it costs several times more than reading six columns, and the enum columns come back as their
    /// numbers because reading a short string costs more than the rest of the row. Outside a caller's transaction the
    /// id range is split and the parts are read at once, each on its own connection. Every row is read once, by one
    /// part; a row changed during the read is frozen as its part saw it, as a freeze a moment earlier or later would.
    /// </summary>
    /// <returns>The candidates, and the officer numbers their teams point into.</returns>
    static async Task<(List<Candidate> Candidates, int[] Members)> ReadCandidatesAsync(AppDbContext db, Plan plan, OfficerNumbers officers,
        CancellationToken ct)
    {
        var first = await db.Enterprises.MinAsync(e => (int?)e.Id, ct) ?? 0;
        var last = await db.Enterprises.MaxAsync(e => (int?)e.Id, ct) ?? 0;
        var parts = db.Database.CurrentTransaction is null ? Math.Clamp((last - first) / PartitionMinimum, 1, Math.Min(4, Environment.ProcessorCount)) : 1;
        if (parts == 1)
        {
            var teams = new TeamNumbers(officers);
            return (await ReadPartAsync(db, plan, null, teams, ct), [.. teams.Members]);
        }
        var options = (DbContextOptions<AppDbContext>)db.GetService<IDbContextOptions>();
        // On threads of their own: SQLite's "async" reads run synchronously on the caller.
        var reads = Enumerable.Range(0, parts).Select(i => Task.Run(async () =>
        {
            var from = first + (int)((long)(last - first + 1) * i / parts);
            var to = first + (int)((long)(last - first + 1) * (i + 1) / parts);
            await using var partDb = new AppDbContext(options);
            var teams = new TeamNumbers(officers);
            return (Rows: await ReadPartAsync(partDb, plan, (from, to), teams, ct), teams.Members);
        }, ct)).ToList();
        var done = await Task.WhenAll(reads);
        var all = new List<Candidate>(done.Sum(p => p.Rows.Count));
        var members = new int[done.Sum(p => p.Members.Count)];
        var offset = 0;
        foreach (var part in done)
        {
            foreach (var row in part.Rows) all.Add(row.Team.Count == 0 ? row : row with { Team = row.Team.After(offset) });
            part.Members.CopyTo(members, offset);
            offset += part.Members.Count;
        }
        return (all, members);
    }

    /// <summary>
    /// The candidates with ids in <paramref name="range"/> (all when null), each with its latest team. The teams are read
    /// first, on their own, and sorted by id here: PostgreSQL joined them by hashing a part's quarter of a million teams,
    /// which spilled to disk and cost 320 ms a part against 85 + 40 ms for the two plain reads (and visiting them in id
    /// order through their key, whose order the table's rows do not follow, took 300 ms). A plan that filters the
    /// directory reads only its candidates' teams, so a county's plan does not read a province's history.
    /// </summary>
    static async Task<List<Candidate>> ReadPartAsync(AppDbContext db, Plan plan, (int From, int To)? range, TeamNumbers numbers, CancellationToken ct)
    {
        var query = CandidateQuery(db, plan, out var filtered);
        var teams = db.LatestTeams.AsNoTracking();
        if (range is var (from, to))
        {
            query = query.Where(e => e.Id >= from && e.Id < to);
            teams = teams.Where(t => t.EnterpriseId >= from && t.EnterpriseId < to);
        }
        if (filtered) teams = teams.Where(t => query.Any(e => e.Id == t.EnterpriseId));
        var chars = DatabaseProvider.Of(db) == DatabaseProvider.Postgres;
        var latest = new TeamsById(await ReadRowsAsync(db, teams.Select(t => new { t.EnterpriseId, t.Team }),
            r => (Id: r.GetInt32(0), Team: chars ? numbers.ReadChars(r, 1) : numbers.Read(r.GetString(1))), ct));
        return await ReadCandidatesAsync(db, query, latest, ct);
    }

    /// <summary>
    /// Id, USCC and one packed code (risk class | status << 2 | abnormal << 4 | serious << 5): every further column of
    /// a million rows costs a tenth of a second more to read. The team is looked up by id as each row comes.
    /// </summary>
    static Task<List<Candidate>> ReadCandidatesAsync(AppDbContext db, IQueryable<Enterprise> query, TeamsById teams, CancellationToken ct) =>
        ReadRowsAsync(db, query.Select(e => new
        {
            e.Id,
            e.Uscc,
            Code = (e.RiskClass == RiskClass.A ? 0 : e.RiskClass == RiskClass.B ? 1 : e.RiskClass == RiskClass.C ? 2 : e.RiskClass == RiskClass.D ? 3 : Unknown)
                   + 4 * (e.Status == EnterpriseStatus.Active ? 0 : e.Status == EnterpriseStatus.Deregistered ? 1
                       : e.Status == EnterpriseStatus.Revoked ? 2 : e.Status == EnterpriseStatus.MovedOut ? 3 : Unknown)
                   + (e.AbnormalList ? 16 : 0) + (e.SeriousViolation ? 32 : 0),
        }), r => Unpack(r.GetInt32(0), r.GetString(1), r.GetInt32(2), teams), ct);

    /// <summary>Marks a class or status the projection above does not name (a new member must be added there).</summary>
    const int Unknown = 64;

    static Candidate Unpack(int id, string uscc, int code, TeamsById teams) => code < Unknown
        ? new Candidate(id, uscc, (RiskClass)(code & 3), (code & 16) != 0, (code & 32) != 0, (EnterpriseStatus)((code >> 2) & 3), teams.Find(id))
        : throw new InvalidOperationException($"enterprise {uscc} has a risk class or status the frame query does not know");

    static async Task<List<TRow>> ReadRowsAsync<TQuery, TRow>(AppDbContext db, IQueryable<TQuery> query, Func<System.Data.Common.DbDataReader, TRow> row,
        CancellationToken ct)
    {
        await using var command = query.CreateDbCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var result = new List<TRow>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) result.Add(row(reader));
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <param name="filtered">Whether the plan leaves out part of the directory (statuses are judged after the read).</param>
    static IQueryable<Enterprise> CandidateQuery(AppDbContext db, Plan plan, out bool filtered)
    {
        var q = db.Enterprises.AsNoTracking();
        var risks = plan.RiskClassList.ToList();
        filtered = false;
        // A plan over every class needs no filter: without it SQLite scans the table instead of visiting it row by row
        // through the class index (a third of the time at a million rows).
        if (Enum.GetValues<RiskClass>().Any(r => !risks.Contains(r)))
        {
            q = q.Where(e => risks.Contains(e.RiskClass));
            filtered = true;
        }
        if (plan.RegionPrefix is { } region)
        {
            q = q.Where(e => e.RegionCode.StartsWith(region));
            filtered = true;
        }
        var tags = plan.TagList.ToList();
        if (tags.Count > 0)
        {
            q = q.Where(e => e.Tags.Any(t => tags.Contains(t.Tag)));
            filtered = true;
        }
        return q;
    }

    static void AddMember(PopulationColumns frame, Plan plan, Candidate c)
    {
        var risk = RiskStrata[(int)c.Risk];
        if (plan.FlagPolicy == FlagPolicy.SeparateStratum)
            frame.Add(c.Uscc, c.Abnormal || c.Serious ? FlaggedStratum : risk);
        else
            frame.Add(c.Uscc, risk, Math.Max(c.Serious ? plan.SeriousViolationWeight : 1, c.Abnormal ? plan.AbnormalListWeight : 1));
    }

    /// <summary>Stratum names by risk class value, shared by every member (an enum's name is a new string per call).</summary>
    static readonly string[] RiskStrata = [.. Enum.GetValues<RiskClass>().OrderBy(r => (int)r).Select(r => r.ToString())];

    static Dictionary<string, long> WeightPolicy(Plan plan) => plan.FlagPolicy == FlagPolicy.Weighted
        ? new(StringComparer.Ordinal) { ["SERIOUS_VIOLATION"] = plan.SeriousViolationWeight, ["ABNORMAL_LIST"] = plan.AbnormalListWeight, ["OTHER"] = 1 }
        : new(StringComparer.Ordinal) { ["OTHER"] = 1 };

    static string StatusCode(EnterpriseStatus s) => s switch
    {
        EnterpriseStatus.Deregistered => "DEREGISTERED",
        EnterpriseStatus.Revoked => "REVOKED",
        EnterpriseStatus.MovedOut => "MOVED_OUT",
        _ => "ACTIVE",
    };

    sealed record Staffing(List<Inspector> Inspectors, List<(string, string)> Conflicts);

    sealed record OfficerRow(int Id, string Code, string Dept, bool Active, DateOnly CertificateValidTo, int WorkloadCap);

    /// <summary>The officers of the plan's departments: read before the frame, whose latest teams are read as their numbers.</summary>
    static Task<List<OfficerRow>> OfficersAsync(AppDbContext db, IReadOnlyList<string> departments, CancellationToken ct) =>
        db.Officers.AsNoTracking().Where(o => departments.Contains(o.Department!.Code))
            .Select(o => new OfficerRow(o.Id, o.Code, o.Department!.Code, o.Active, o.CertificateValidTo, o.WorkloadCap)).ToListAsync(ct);

    static async Task<Staffing> StaffingAsync(AppDbContext db, List<OfficerRow> officers, IReadOnlyList<string> targets, CancellationToken ct)
    {
        var loads = await OpenLoadsAsync(db, ct);
        var inspectors = officers.Select(o => new Inspector(o.Code, o.Dept, o.Active, o.CertificateValidTo,
            loads.GetValueOrDefault(o.Code), o.WorkloadCap)).ToList();
        var officerIds = officers.Select(o => o.Id).ToList();
        var conflictRows = await db.OfficerConflicts.AsNoTracking().Where(c => officerIds.Contains(c.OfficerId) && c.WithdrawnAtUtc == null)
            .Join(db.Enterprises, c => c.EnterpriseId, e => e.Id, (c, e) => new { c.OfficerId, e.Uscc }).ToListAsync(ct);
        var codeOf = officers.ToDictionary(o => o.Id, o => o.Code);
        var conflicted = Among(targets, conflictRows.Select(c => c.Uscc));
        var conflicts = conflictRows.Where(c => conflicted.Contains(c.Uscc)).Select(c => (codeOf[c.OfficerId], c.Uscc)).Distinct().ToList();
        return new Staffing(inspectors, conflicts);
    }

    /// <summary>
    /// previous_teams.tsv (draw-spec §5.1): per target, the team of the latest earlier round that covered it, limited to
    /// officers of this draw (a target none of whose earlier team is among them has none). Row <c>r</c> has id
    /// <c>targets[r]</c> and team <c>teams[r]</c> in <paramref name="members"/>; the lines are written in
    /// <paramref name="order"/> (target order), straight into the text, whose length is summed first.
    /// </summary>
    static PreviousTeamsText PreviousTeams(OfficerNumbers officers, int[] members, List<TeamNumbers.Slice> teams, IReadOnlyList<string> targets,
        IEnumerable<int> order)
    {
        var (length, staffed, largest) = (0L, 0, 0);
        for (var row = 0; row < teams.Count; row++)
        {
            var team = teams[row];
            if (team.Count == 0) continue;
            staffed++;
            largest = Math.Max(largest, team.Count);
            length += team.Count * (targets[row].Length + 2L);
            for (var m = team.Start; m < team.Start + team.Count; m++) length += officers.Codes[members[m]].Length;
        }
        return PreviousTeamsText.Write(checked((int)length), staffed, (officers.Codes, members, teams, targets, order, largest),
            static (s, ref lines) =>
            {
                var team = new string[s.largest];
                foreach (var row in s.order)
                {
                    var (start, count) = s.teams[row];
                    for (var m = 0; m < count; m++) team[m] = s.Codes[s.members[start + m]];
                    if (count > 0) lines.Add(s.targets[row], team.AsSpan(0, count));
                }
            });
    }

    /// <summary>
    /// The <paramref name="ids"/> that are targets: the ids are hashed and the targets looked up, so a frame of a million
    /// targets with a few latest teams or 回避 costs a million lookups, not a million-entry set.
    /// </summary>
    static HashSet<string> Among(IReadOnlyList<string> targets, IEnumerable<string> ids)
    {
        var found = ids.ToHashSet(StringComparer.Ordinal);
        found.IntersectWith(targets);
        return found;
    }

    /// <summary>Open assignments per officer code: active seats on inspection tasks not yet approved (any source; published ones are approved).</summary>
    static async Task<Dictionary<string, int>> OpenLoadsAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.InspectionTasks.IgnoreQueryFilters().AsNoTracking().Where(t => t.State != TaskState.Approved && t.State != TaskState.Published)
            .SelectMany(t => t.Members).Where(m => m.IsActive)
            .Join(db.Officers, m => m.OfficerId, o => o.Id, (m, o) => o.Code).ToListAsync(ct);
        return rows.GroupBy(c => c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }
}
