using SpotCheck.Draw.Assignment;

namespace SpotCheck.Draw.Tests.Assignment;

/// <summary>draw-spec §5 read literally: every inspector checked against all six rules for every target.</summary>
internal static class NaiveAssigner
{
    public static (List<(string Target, List<string> Team, List<string> Tickets)> Assigned, List<Infeasibility> Infeasible) Run(AssignmentInput input)
    {
        var loads = input.Inspectors.ToDictionary(o => o.Id, o => o.Load);
        var depts = input.Departments.Order(StringComparer.Ordinal).ToList();
        var assigned = new List<(string, List<string>, List<string>)>();
        var infeasible = new List<Infeasibility>();
        foreach (var t in input.Targets)
        {
            var rejected = new int[6];
            var eligible = new List<(string Ticket, Inspector O)>();
            foreach (var o in input.Inspectors)
            {
                int? rule = !o.Active ? 0
                    : o.CertValidTo < input.PlanEndDate ? 1
                    : !depts.Contains(o.Dept) ? 2
                    : input.Conflicts.Contains((o.Id, t)) ? 3
                    : input.PreviousTeams.TryGetValue(t, out var prev) && prev.Contains(o.Id) ? 4
                    : loads[o.Id] >= o.Cap ? 5
                    : null;
                if (rule is { } r) rejected[r]++;
                else eligible.Add((DrawHash.TicketHex(input.Seed, 'A', t, o.Id), o));
            }
            eligible = eligible.OrderBy(e => e.Ticket, StringComparer.Ordinal).ThenBy(e => e.O.Id, StringComparer.Ordinal).ToList();
            var team = new List<(string Ticket, Inspector O)>();
            var missing = new List<string>();
            foreach (var d in depts)
            {
                var first = eligible.FirstOrDefault(e => e.O.Dept == d);
                if (first.O is null) missing.Add(d); else team.Add(first);
            }
            if (missing.Count == 0)
                foreach (var e in eligible.Where(e => !team.Contains(e)).Take(input.TeamSize - team.Count)) team.Add(e);
            if (missing.Count > 0 || team.Count < input.TeamSize)
            {
                infeasible.Add(new Infeasibility(t, missing.Count > 0 ? InfeasibleReason.NoEligibleInDept : InfeasibleReason.InsufficientEligible,
                    missing, input.TeamSize, eligible.Count, input.Inspectors.Count, rejected));
                continue;
            }
            team = team.OrderBy(e => e.Ticket, StringComparer.Ordinal).ToList();
            foreach (var m in team) loads[m.O.Id]++;
            assigned.Add((t, team.Select(m => m.O.Id).ToList(), team.Select(m => m.Ticket).ToList()));
        }
        return (assigned, infeasible);
    }
}
