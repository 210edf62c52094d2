using System.Text;

namespace SpotCheck.Draw.Assignment;

/// <summary>
/// Officer assignment of draw-spec §5. The rules that do not depend on the target (inactive, certificate, department)
/// are applied once, so each target hashes only the remaining pool; tickets for a batch of targets are computed on
/// all cores, then the targets are staffed strictly one after another because loads carry over.
/// </summary>
public static class Assigner
{
    const int BatchSize = 256;

    /// <param name="shortlist">
    /// How many of a target's lowest tickets (and of each department's) are set aside on all cores for the sequential
    /// staffing step, which falls back to every ticket when they do not decide the team; by default enough for nearly
    /// every target (tests pass small values to exercise the fallback).
    /// </param>
    public static AssignmentResult Assign(AssignmentInput input, int? parallelism = null, int? shortlist = null)
    {
        AssignmentValidation.Validate(input);
        var run = new AssignmentRun(input);
        var buffers = Enumerable.Range(0, Math.Min(BatchSize, input.Targets.Count))
            .Select(_ => new (TicketKey Key, int Member)[run.PoolCount]).ToArray();
        var assigned = new List<TeamAssignment>();
        var infeasible = new List<Infeasibility>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism ?? Environment.ProcessorCount) };
        var overall = shortlist ?? 2 * (input.TeamSize + input.Departments.Count) + 8;
        var perDepartment = shortlist ?? 2;
        for (var start = 0; start < input.Targets.Count; start += BatchSize)
        {
            var batch = input.Targets.Skip(start).Take(BatchSize).ToArray();
            var candidates = new ArraySegment<(TicketKey Key, int Member)>[batch.Length];
            var shortlists = new Shortlist[batch.Length];
            Parallel.For(0, batch.Length, options, () => new AssignmentHasher(input.Seed), (i, _, hasher) =>
            {
                candidates[i] = run.Candidates(batch[i], hasher, buffers[i]);
                shortlists[i] = run.Shorten(candidates[i], overall, perDepartment);
                return hasher;
            }, _ => { });
            for (var i = 0; i < batch.Length; i++)
            {
                var outcome = run.TryStaff(batch[i], shortlists[i]) is { } team ? (team, null) : run.Staff(batch[i], candidates[i]);
                if (outcome.Team is not null) assigned.Add(outcome.Team);
                else infeasible.Add(outcome.Failure!);
            }
        }
        return new AssignmentResult(assigned, infeasible, run.Loads());
    }

    /// <summary>
    /// draw-spec §5.5: the first member of the target's eligible list (recomputed from <paramref name="current"/>, which
    /// carries the new conflict and current loads) not already on the team; from the withdrawn officer's department
    /// when the team would otherwise lose that department's seat. Null when nobody qualifies.
    /// </summary>
    public static Replacement? Replace(AssignmentInput current, string target, IReadOnlyList<string> team, string withdrawn)
    {
        AssignmentValidation.Validate(current);
        if (!team.Contains(withdrawn, StringComparer.Ordinal))
            throw new DrawInputException($"withdrawn: {withdrawn} is not on the team of {target}");
        var byId = current.Inspectors.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var remaining = team.Where(m => m != withdrawn).ToHashSet(StringComparer.Ordinal);
        var withdrawnDept = byId.TryGetValue(withdrawn, out var w) ? w.Dept : null;
        var keepSeat = withdrawnDept is not null && current.Departments.Contains(withdrawnDept, StringComparer.Ordinal)
                       && !remaining.Any(m => byId.TryGetValue(m, out var o) && o.Dept == withdrawnDept);
        var run = new AssignmentRun(current);
        var hasher = new AssignmentHasher(current.Seed);
        foreach (var (key, member) in run.RankPool(target, hasher))
        {
            var officer = run.Member(member);
            if (officer.Id == withdrawn || remaining.Contains(officer.Id) || run.IsCapped(member)) continue;
            if (keepSeat && officer.Dept != withdrawnDept) continue;
            return new Replacement(officer.Id, key);
        }
        return null;
    }
}

/// <summary>The mutable state of one assignment run: the pre-filtered pool, its loads and the rule counts.</summary>
internal sealed class AssignmentRun
{
    readonly string[] _departments;
    readonly Inspector[] _pool;
    readonly byte[][] _poolIds;
    readonly int[] _load;
    readonly int[] _deptOf;
    readonly int _poolSize;
    readonly int[] _staticRejected = new int[3];
    readonly Dictionary<string, List<int>> _conflicts = new(StringComparer.Ordinal);
    readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _previousTeams;
    readonly Dictionary<string, int> _memberOf;
    readonly Dictionary<string, int> _otherLoads = new(StringComparer.Ordinal);
    readonly int _teamSize;
    int _capped;

    public AssignmentRun(AssignmentInput input)
    {
        _departments = input.Departments.Order(StringComparer.Ordinal).ToArray();
        _teamSize = input.TeamSize;
        _poolSize = input.Inspectors.Count;
        var pool = new List<Inspector>();
        foreach (var o in input.Inspectors)
        {
            EligibilityRule? failed = !o.Active ? EligibilityRule.Inactive
                : o.CertValidTo < input.PlanEndDate ? EligibilityRule.CertExpired
                : Array.IndexOf(_departments, o.Dept) < 0 ? EligibilityRule.DeptMismatch
                : null;
            if (failed is { } rule)
            {
                _staticRejected[(int)rule]++;
                _otherLoads[o.Id] = o.Load;
            }
            else pool.Add(o);
        }
        _pool = [.. pool];
        _poolIds = _pool.Select(o => Encoding.ASCII.GetBytes(o.Id)).ToArray();
        _deptOf = _pool.Select(o => Array.IndexOf(_departments, o.Dept)).ToArray();
        _load = _pool.Select(o => o.Load).ToArray();
        _capped = _pool.Count(o => o.Load >= o.Cap);
        _memberOf = _pool.Select((o, i) => (o.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        foreach (var (officer, target) in input.Conflicts)
            if (_memberOf.TryGetValue(officer, out var m)) Add(_conflicts, target, m);
        // Looked up per target staffed: a province's history names far more targets than one draw staffs.
        _previousTeams = input.PreviousTeams;
    }

    /// <summary>The pool members in the target's previous team, null when none is.</summary>
    List<int>? Previous(string target)
    {
        if (!_previousTeams.TryGetValue(target, out var team)) return null;
        List<int>? members = null;
        foreach (var officer in team)
            if (_memberOf.TryGetValue(officer, out var m)) (members ??= []).Add(m);
        return members;
    }

    static void Add(Dictionary<string, List<int>> map, string key, int member)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(member);
    }

    public Inspector Member(int member) => _pool[member];

    public bool IsCapped(int member) => _load[member] >= _pool[member].Cap;

    /// <summary>
    /// Tickets of the pool members not barred from the target by a conflict or the previous team, in pool order.
    /// Members already at their cap are left out: loads only grow during a run, so they cannot become eligible again.
    /// </summary>
    public ArraySegment<(TicketKey Key, int Member)> Candidates(string target, AssignmentHasher hasher, (TicketKey Key, int Member)[]? buffer = null)
    {
        var blocked = Blocked(target);
        if (hasher.Members.Length < _pool.Length) hasher.Members = new int[_pool.Length];
        var count = 0;
        for (var m = 0; m < _pool.Length; m++)
            if (!IsCapped(m) && (blocked is null || !blocked.Contains(m))) hasher.Members[count++] = m;
        var candidates = buffer ?? new (TicketKey Key, int Member)[count];
        hasher.SetTarget(target);
        hasher.Tickets(_poolIds, hasher.Members.AsSpan(0, count), candidates);
        return new ArraySegment<(TicketKey Key, int Member)>(candidates, 0, count);
    }

    public int PoolCount => _pool.Length;

    /// <summary>The candidates in (ticket, id) order: the eligible list E of draw-spec §5.3 before the cap check.</summary>
    public (TicketKey Key, int Member)[] RankPool(string target, AssignmentHasher hasher)
    {
        var ranked = Candidates(target, hasher).Array!;
        Array.Sort(ranked, (a, b) => Before(a, b) ? -1 : Before(b, a) ? 1 : 0);
        return ranked;
    }

    bool Before((TicketKey Key, int Member) a, (TicketKey Key, int Member) b)
    {
        var c = a.Key.CompareTo(b.Key);
        return c != 0 ? c < 0 : string.CompareOrdinal(_pool[a.Member].Id, _pool[b.Member].Id) < 0;
    }

    HashSet<int>? Blocked(string target)
    {
        var conflicts = _conflicts.GetValueOrDefault(target);
        var previous = Previous(target);
        if (conflicts is null && previous is null) return null;
        var blocked = new HashSet<int>(conflicts ?? []);
        blocked.UnionWith(previous ?? []);
        return blocked;
    }

    /// <summary>
    /// The lowest <paramref name="overall"/> candidates in (ticket, id) order and the lowest <paramref name="perDepartment"/>
    /// of each department, merged in that order. Every candidate left out comes after all of the first kind, and after
    /// the kept ones of its own department.
    /// </summary>
    public Shortlist Shorten(ArraySegment<(TicketKey Key, int Member)> candidates, int overall, int perDepartment)
    {
        var lowest = new List<(TicketKey Key, int Member)>(overall + 1);
        var byDept = new List<(TicketKey Key, int Member)>[_departments.Length];
        for (var d = 0; d < byDept.Length; d++) byDept[d] = new(perDepartment + 1);
        foreach (var c in candidates)
        {
            KeepLowest(lowest, c, overall);
            KeepLowest(byDept[_deptOf[c.Member]], c, perDepartment);
        }
        var kept = new List<(TicketKey Key, int Member)>(lowest);
        foreach (var dept in byDept)
            foreach (var c in dept)
                if (!kept.Contains(c)) kept.Add(c);
        kept.Sort((a, b) => Before(a, b) ? -1 : Before(b, a) ? 1 : 0);
        return new Shortlist([.. kept], lowest.Count, candidates.Count == lowest.Count);
    }

    void KeepLowest(List<(TicketKey Key, int Member)> list, (TicketKey Key, int Member) c, int limit)
    {
        if (limit == 0 || (list.Count == limit && !Before(c, list[^1]))) return;
        var at = list.Count;
        while (at > 0 && Before(c, list[at - 1])) at--;
        list.Insert(at, c);
        if (list.Count > limit) list.RemoveAt(limit);
    }

    /// <summary>
    /// <see cref="Staff"/> over the shortlist alone, when it decides the team: enough members still eligible among the
    /// overall lowest (or nobody left out), so the first teamSize + |D| eligible are among them; a department's kept
    /// members are the first of that department, so its first eligible one found there is the first of all. Null
    /// otherwise (also when a department has nobody eligible there), loads untouched: the caller staffs from every candidate.
    /// </summary>
    public TeamAssignment? TryStaff(string target, Shortlist shortlist)
    {
        var scan = Scan(shortlist.Candidates, shortlist.Overall);
        if (scan.EligibleInOverall < _teamSize + _departments.Length && !shortlist.OverallComplete) return null;
        return Choose(target, scan).Team;
    }

    /// <summary>
    /// draw-spec §5.3 for one target, updating loads when the team is complete. Only the first eligible member of each
    /// department and the first teamSize + |D| members of E can be chosen, so one scan keeps just those instead of
    /// sorting E.
    /// </summary>
    public (TeamAssignment? Team, Infeasibility? Failure) Staff(string target, ArraySegment<(TicketKey Key, int Member)> candidates) =>
        Choose(target, Scan(candidates, candidates.Count));

    sealed record ScanResult((TicketKey Key, int Member)[] DeptFirst, List<(TicketKey Key, int Member)> Top, int Eligible, int EligibleInOverall);

    /// <summary>The first eligible member of each department, the first teamSize + |D| eligible members, and counts.</summary>
    ScanResult Scan(ArraySegment<(TicketKey Key, int Member)> candidates, int overall)
    {
        var none = (Key: TicketKey.Max, Member: -1);
        var deptFirst = new (TicketKey Key, int Member)[_departments.Length];
        Array.Fill(deptFirst, none);
        var limit = _teamSize + _departments.Length;
        var top = new List<(TicketKey Key, int Member)>(limit + 1);
        var eligible = 0;
        var eligibleInOverall = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (IsCapped(c.Member)) continue;
            eligible++;
            if (i < overall) eligibleInOverall++;
            var d = _deptOf[c.Member];
            if (deptFirst[d].Member < 0 || Before(c, deptFirst[d])) deptFirst[d] = c;
            KeepLowest(top, c, limit);
        }
        return new ScanResult(deptFirst, top, eligible, eligibleInOverall);
    }

    (TeamAssignment? Team, Infeasibility? Failure) Choose(string target, ScanResult scan)
    {
        var missing = new List<string>();
        var chosen = new List<(TicketKey Key, int Member)>(_teamSize);
        for (var d = 0; d < _departments.Length; d++)
        {
            if (scan.DeptFirst[d].Member < 0) missing.Add(_departments[d]);
            else chosen.Add(scan.DeptFirst[d]);
        }
        if (missing.Count == 0)
            foreach (var c in scan.Top)
            {
                if (chosen.Count == _teamSize) break;
                if (!chosen.Contains(c)) chosen.Add(c);
            }

        if (missing.Count > 0 || chosen.Count < _teamSize)
        {
            var reason = missing.Count > 0 ? InfeasibleReason.NoEligibleInDept : InfeasibleReason.InsufficientEligible;
            return (null, new Infeasibility(target, reason, missing, _teamSize, scan.Eligible, _poolSize, Rejected(target)));
        }
        chosen.Sort((a, b) => Before(a, b) ? -1 : 1);
        foreach (var (_, m) in chosen)
        {
            _load[m]++;
            if (_load[m] == _pool[m].Cap) _capped++;
        }
        return (new TeamAssignment(target, chosen.Select(c => _pool[c.Member].Id).ToList(), chosen.Select(c => c.Key).ToList()), null);
    }

    /// <summary>Counts per rule for the target: each officer under the first rule he fails (draw-spec §5.2).</summary>
    List<int> Rejected(string target)
    {
        var conflict = new HashSet<int>(_conflicts.GetValueOrDefault(target) ?? []);
        var repeat = new HashSet<int>(Previous(target) ?? []);
        repeat.ExceptWith(conflict);
        var cappedButBlocked = conflict.Concat(repeat).Count(IsCapped);
        return [.. _staticRejected, conflict.Count, repeat.Count, _capped - cappedButBlocked];
    }

    public Dictionary<string, int> Loads()
    {
        var loads = new Dictionary<string, int>(_otherLoads, StringComparer.Ordinal);
        for (var m = 0; m < _pool.Length; m++) loads[_pool[m].Id] = _load[m];
        return loads;
    }
}

/// <summary>
/// A target's lowest candidates (see <see cref="AssignmentRun.Shorten"/>): the first <paramref name="Overall"/> are the
/// lowest of all; <paramref name="OverallComplete"/> when nobody was left out.
/// </summary>
internal sealed record Shortlist((TicketKey Key, int Member)[] Candidates, int Overall, bool OverallComplete);
