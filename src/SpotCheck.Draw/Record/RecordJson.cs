using System.Text.Json.Nodes;
using SpotCheck.Draw.Assignment;
using SpotCheck.Draw.Selection;

namespace SpotCheck.Draw.Record;

/// <summary>The result sections of a draw record, shared by the builder and the verifier's recomputation.</summary>
internal static class RecordJson
{
    public static JsonArray Selected(SelectionResult s) => new(s.Selected.Select(r => (JsonNode)new JsonObject
    {
        ["rank"] = r.Rank, ["stratumRank"] = r.StratumRank, ["id"] = r.Id, ["stratum"] = r.Stratum, ["ticket"] = r.Key.ToHex(),
    }).ToArray());

    public static JsonArray Strata(SelectionResult s) => new(s.Strata.Select(x =>
    {
        var o = new JsonObject { ["stratum"] = x.Stratum, ["n"] = x.N };
        if (x.RatioPpm is { } ppm) o["ratioPpm"] = ppm;
        o["k"] = x.K;
        return (JsonNode)o;
    }).ToArray());

    public static JsonArray Teams(AssignmentResult a) => new(a.Assigned.Select(t => (JsonNode)new JsonObject
    {
        ["target"] = t.Target,
        ["team"] = new JsonArray(t.Team.Select(m => (JsonNode)m).ToArray()),
        ["tickets"] = new JsonArray(t.Tickets.Select(k => (JsonNode)k.ToHex()).ToArray()),
    }).ToArray());

    public static JsonArray Infeasible(AssignmentResult a) => new(a.Infeasible.Select(f =>
    {
        var rejected = new JsonObject();
        foreach (var rule in EligibilityRules.InOrder) rejected[EligibilityRules.Name(rule)] = f.RejectedBy(rule);
        return (JsonNode)new JsonObject
        {
            ["target"] = f.Target, ["reason"] = f.Reason,
            ["missingDepts"] = new JsonArray(f.MissingDepts.Select(d => (JsonNode)d).ToArray()),
            ["needed"] = f.Needed, ["eligible"] = f.Eligible, ["poolSize"] = f.PoolSize, ["rejected"] = rejected,
        };
    }).ToArray());
}
