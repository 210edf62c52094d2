using System.Text.Json;
using SpotCheck.Draw.Assignment;
using static SpotCheck.Draw.Requests.StrictJson;

namespace SpotCheck.Draw.Requests;

/// <summary>The <c>draw assign</c> request of SPEC §4.</summary>
public static class AssignRequest
{
    static readonly string[] Fields = ["seed", "targets", "departments", "teamSize", "planEndDate", "inspectors", "conflicts", "previousTeams"];

    public static AssignmentInput Parse(ReadOnlyMemory<byte> utf8)
    {
        using var doc = StrictJson.Parse(utf8, "request");
        var root = doc.RootElement;
        RequireObject(root, "request");
        RejectUnknown(root, "", Fields);
        var seed = String(Require(root, "seed", "seed"), "seed");
        Selection.Seeds.Require(seed, "seed");
        var targets = Strings(Require(root, "targets", "targets"), "targets");
        var departments = Strings(Require(root, "departments", "departments"), "departments");
        var teamSize = Int32(Require(root, "teamSize", "teamSize"), "teamSize");
        var planEnd = Date(Require(root, "planEndDate", "planEndDate"), "planEndDate");
        var inspectors = new List<Inspector>();
        var i = 0;
        foreach (var item in Array(Require(root, "inspectors", "inspectors"), "inspectors").EnumerateArray())
        {
            var f = $"inspectors[{i++}]";
            Object(item, f);
            RejectUnknown(item, f, "id", "dept", "active", "certValidTo", "load", "cap");
            inspectors.Add(new Inspector(
                String(Require(item, "id", $"{f}.id"), $"{f}.id"),
                String(Require(item, "dept", $"{f}.dept"), $"{f}.dept"),
                Boolean(Require(item, "active", $"{f}.active"), $"{f}.active"),
                Date(Require(item, "certValidTo", $"{f}.certValidTo"), $"{f}.certValidTo"),
                Int32(Require(item, "load", $"{f}.load"), $"{f}.load"),
                Int32(Require(item, "cap", $"{f}.cap"), $"{f}.cap")));
        }
        var conflicts = new List<(string, string)>();
        if (TryGet(root, "conflicts", out var c))
        {
            i = 0;
            foreach (var pair in Array(c, "conflicts").EnumerateArray())
            {
                var f = $"conflicts[{i++}]";
                var values = Strings(pair, f);
                if (values.Count != 2) throw new DrawInputException($"{f}: must be [inspectorId, targetId]");
                conflicts.Add((values[0], values[1]));
            }
        }
        var previous = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (TryGet(root, "previousTeams", out var p))
            foreach (var prop in Object(p, "previousTeams").EnumerateObject())
                previous[prop.Name] = Strings(prop.Value, $"previousTeams.{prop.Name}");
        return new AssignmentInput(seed, targets, departments, teamSize, planEnd, inspectors, conflicts, previous);
    }

    static List<string> Strings(JsonElement e, string field)
    {
        var list = new List<string>();
        var i = 0;
        foreach (var item in Array(e, field).EnumerateArray()) list.Add(String(item, $"{field}[{i++}]"));
        return list;
    }
}
