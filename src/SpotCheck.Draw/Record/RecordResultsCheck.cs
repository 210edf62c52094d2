using System.Globalization;
using System.Text.Json.Nodes;
using SpotCheck.Draw.Assignment;
using SpotCheck.Draw.Selection;
using static SpotCheck.Draw.Record.RecordFields;

namespace SpotCheck.Draw.Record;

/// <summary>Substitutions (draw-spec §4.2), teams, the infeasibility report and the status of a record (§5).</summary>
internal static class RecordResultsCheck
{
    public const string Complete = "COMPLETE";
    public const string Partial = "PARTIAL";

    /// <summary>Each substitute is the lowest rank of the replaced target's stratum not used by the sample or an earlier substitute.</summary>
    public static void CheckSubstitutions(JsonObject r, DrawDefinition d, string seed, SelectionResult selection)
    {
        var used = selection.Selected.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var subs = Arr(r, "substitutions", "substitutions");
        for (var i = 0; i < subs.Count; i++)
        {
            var at = $"substitutions[{i}]";
            var s = Obj(subs[i], at);
            OnlyKeys(s, at, "replaced", "substitute", "stratum", "stratumRank", "ticket", "reason");
            var replacedId = Str(s, "replaced", $"{at}.replaced");
            var replaced = selection.Selected.FirstOrDefault(x => x.Id == replacedId)
                           ?? throw Fail($"{at}.replaced: {DrawIds.Printable(replacedId)} was not selected");
            var next = Ranking.FirstUnused(seed, DrawRecordBuilder.StratumFrame(d, replaced.Stratum), used)
                       ?? throw Fail($"{at}: the stratum has no unused rank left");
            Expect(next.Id, Str(s, "substitute", $"{at}.substitute"), $"{at}.substitute");
            Expect(replaced.Stratum, Str(s, "stratum", $"{at}.stratum"), $"{at}.stratum");
            Expect(next.Rank.ToString(CultureInfo.InvariantCulture),
                Int(s, "stratumRank", $"{at}.stratumRank").ToString(CultureInfo.InvariantCulture), $"{at}.stratumRank");
            Expect(next.Key.ToHex(), Str(s, "ticket", $"{at}.ticket"), $"{at}.ticket");
            if (Str(s, "reason", $"{at}.reason").Length == 0) throw Fail($"{at}.reason: must not be empty");
            used.Add(next.Id);
        }
    }

    /// <summary>
    /// With every staffing file published the assignment is recomputed and must match exactly. With any of them private,
    /// the teams and infeasible targets must together be the selection in its order, the status must follow from them,
    /// and each team's size, members and tickets T(A, target, officer) in ascending order are checked. Returns the team count.
    /// </summary>
    public static int CheckAssignment(JsonObject r, DrawDefinition d, string seed, SelectionResult selection, IReadOnlyDictionary<string, string?> texts)
    {
        var teams = Arr(r, "teams", "teams");
        var infeasible = Arr(r, "infeasible", "infeasible");
        var complete = texts[SnapshotFiles.Inspectors] is not null && texts[SnapshotFiles.Conflicts] is not null
                       && texts[SnapshotFiles.PreviousTeams] is not null;
        if (complete)
        {
            var result = Assigner.Assign(DrawRecordBuilder.AssignmentInputFor(d, seed, selection));
            Compare(RecordJson.Teams(result), teams, "teams");
            Compare(RecordJson.Infeasible(result), infeasible, "infeasible");
            Expect(result.IsPartial ? Partial : Complete, Str(r, "status", "status"), "status");
            return teams.Count;
        }
        CheckPartition(selection, teams, infeasible);
        Expect(infeasible.Count > 0 ? Partial : Complete, Str(r, "status", "status"), "status");
        for (var i = 0; i < teams.Count; i++) CheckTeamTickets(teams[i], i, d.TeamSize, seed);
        return teams.Count;
    }

    /// <summary>Targets are staffed in selection order (§5.1): walking the selection must consume both lists exactly.</summary>
    static void CheckPartition(SelectionResult selection, JsonArray teams, JsonArray infeasible)
    {
        int t = 0, f = 0;
        foreach (var row in selection.Selected)
        {
            if (t < teams.Count && Target(teams, t, "teams") == row.Id) t++;
            else if (f < infeasible.Count && Target(infeasible, f, "infeasible") == row.Id) f++;
            else throw Fail($"selected[{row.Rank - 1}].id: {row.Id} has neither a team nor an infeasibility entry");
        }
        if (t < teams.Count) throw Fail($"teams[{t}].target: {DrawIds.Printable(Target(teams, t, "teams"))} was not selected, or is out of selection order");
        if (f < infeasible.Count)
            throw Fail($"infeasible[{f}].target: {DrawIds.Printable(Target(infeasible, f, "infeasible"))} was not selected, or is out of selection order");
    }

    static string Target(JsonArray list, int i, string name) => Str(Obj(list[i], $"{name}[{i}]"), "target", $"{name}[{i}].target");

    static void CheckTeamTickets(JsonNode? node, int i, int teamSize, string seed)
    {
        var at = $"teams[{i}]";
        var t = Obj(node, at);
        OnlyKeys(t, at, "target", "team", "tickets");
        var target = Str(t, "target", $"{at}.target");
        var members = Arr(t, "team", $"{at}.team");
        var tickets = Arr(t, "tickets", $"{at}.tickets");
        if (members.Count != teamSize) throw Fail($"{at}.team: expected {teamSize} members, got {members.Count}");
        if (members.Count != tickets.Count) throw Fail($"{at}.tickets: {tickets.Count} tickets for {members.Count} members");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? previous = null;
        for (var j = 0; j < members.Count; j++)
        {
            var member = Str(members[j], $"{at}.team[{j}]");
            if (!DrawIds.IsValidId(member)) throw Fail($"{at}.team[{j}]: {DrawIds.DescribeBadId(member)}");
            if (!seen.Add(member)) throw Fail($"{at}.team[{j}]: {member} is listed twice");
            var ticket = DrawHash.TicketHex(seed, 'A', target, member);
            Expect(ticket, Str(tickets[j], $"{at}.tickets[{j}]"), $"{at}.tickets[{j}]");
            if (previous is not null && string.CompareOrdinal(previous, ticket) > 0)
                throw Fail($"{at}.team: members are not in ascending ticket order");
            previous = ticket;
        }
    }
}
