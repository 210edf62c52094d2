namespace SpotCheck.Draw.Assignment;

/// <summary>Rejects assignment inputs that draw-spec §2.3 and §5.1 forbid, naming the field.</summary>
internal static class AssignmentValidation
{
    public static void Validate(AssignmentInput input)
    {
        Selection.Seeds.Require(input.Seed, "seed");
        RequireUniqueIds(input.Targets, "targets", DrawIds.IsValidId, DrawIds.DescribeBadId);
        if (input.Departments.Count == 0) throw new DrawInputException("departments: at least one department is required");
        RequireUniqueIds(input.Departments, "departments", DrawIds.IsValidCode, DrawIds.DescribeBadCode);
        var minimum = Math.Max(2, input.Departments.Count);
        if (input.TeamSize < minimum)
            throw new DrawInputException($"teamSize: {input.TeamSize} is below the minimum {minimum} (at least two officers and one per department)");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Inspectors.Count; i++)
        {
            var o = input.Inspectors[i];
            if (!DrawIds.IsValidId(o.Id)) throw new DrawInputException($"inspectors[{i}].id: {DrawIds.DescribeBadId(o.Id)}");
            if (!ids.Add(o.Id)) throw new DrawInputException($"inspectors[{i}].id: duplicate id {o.Id}");
            if (!DrawIds.IsValidCode(o.Dept)) throw new DrawInputException($"inspectors[{i}].dept: {DrawIds.DescribeBadCode(o.Dept)}");
            if (o.Load < 0) throw new DrawInputException($"inspectors[{i}].load: {o.Load} is negative");
            if (o.Cap < 0) throw new DrawInputException($"inspectors[{i}].cap: {o.Cap} is negative");
        }
        var pairs = new HashSet<(string, string)>();
        for (var i = 0; i < input.Conflicts.Count; i++)
        {
            var (officer, target) = input.Conflicts[i];
            if (!DrawIds.IsValidId(officer)) throw new DrawInputException($"conflicts[{i}][0]: {DrawIds.DescribeBadId(officer)}");
            if (!DrawIds.IsValidId(target)) throw new DrawInputException($"conflicts[{i}][1]: {DrawIds.DescribeBadId(target)}");
            if (!pairs.Add((officer, target))) throw new DrawInputException($"conflicts[{i}]: duplicate pair {officer}, {target}");
        }
        // A snapshot text was checked line by line when it was read (PreviousTeamsText.TryParse).
        if (input.PreviousTeams is not Record.PreviousTeamsText)
            foreach (var (target, team) in input.PreviousTeams)
            {
                if (!DrawIds.IsValidId(target)) throw new DrawInputException($"previousTeams: {DrawIds.DescribeBadId(target)}");
                RequireUniqueIds(team, $"previousTeams.{target}", DrawIds.IsValidId, DrawIds.DescribeBadId);
            }
    }

    static void RequireUniqueIds(IReadOnlyList<string> values, string field, Func<string, bool> valid, Func<string, string> describe)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            if (!valid(values[i])) throw new DrawInputException($"{field}[{i}]: {describe(values[i])}");
            if (!seen.Add(values[i])) throw new DrawInputException($"{field}[{i}]: duplicate {values[i]}");
        }
    }
}
