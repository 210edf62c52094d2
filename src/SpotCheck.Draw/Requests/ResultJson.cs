using System.Text.Encodings.Web;
using System.Text.Json;
using SpotCheck.Draw.Assignment;
using SpotCheck.Draw.Selection;

namespace SpotCheck.Draw.Requests;

/// <summary>Writes the select and assign results of SPEC §4: camelCase, fields in the documented order.</summary>
public static class ResultJson
{
    static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream output, SelectionResult result)
    {
        using var w = new Utf8JsonWriter(output, Options);
        w.WriteStartObject();
        w.WriteString("algorithm", SelectionResult.Algorithm);
        w.WriteStartArray("selected");
        foreach (var r in result.Selected)
        {
            w.WriteStartObject();
            w.WriteNumber("rank", r.Rank);
            w.WriteNumber("stratumRank", r.StratumRank);
            w.WriteString("id", r.Id);
            w.WriteString("stratum", r.Stratum);
            w.WriteString("key", r.Key.ToHex());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("strata");
        foreach (var s in result.Strata)
        {
            w.WriteStartObject();
            w.WriteString("stratum", s.Stratum);
            w.WriteNumber("n", s.N);
            if (s.RatioPpm is { } ppm) w.WriteNumber("ratioPpm", ppm);
            w.WriteNumber("k", s.K);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("excluded");
        foreach (var x in result.Excluded)
        {
            w.WriteStartObject();
            w.WriteString("id", x.Id);
            w.WriteString("lastSelectedDate", x.LastSelectedDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteNumber("daysSince", x.DaysSince);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.Write("\n"u8);
    }

    public static void Write(Stream output, AssignmentResult result)
    {
        using var w = new Utf8JsonWriter(output, Options);
        w.WriteStartObject();
        w.WriteStartArray("assigned");
        foreach (var a in result.Assigned)
        {
            w.WriteStartObject();
            w.WriteString("target", a.Target);
            w.WriteStartArray("team");
            foreach (var m in a.Team) w.WriteStringValue(m);
            w.WriteEndArray();
            w.WriteStartArray("tickets");
            foreach (var t in a.Tickets) w.WriteStringValue(t.ToHex());
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("infeasible");
        foreach (var f in result.Infeasible)
        {
            w.WriteStartObject();
            w.WriteString("target", f.Target);
            w.WriteString("reason", f.Reason);
            w.WriteStartArray("missingDepts");
            foreach (var d in f.MissingDepts) w.WriteStringValue(d);
            w.WriteEndArray();
            w.WriteNumber("needed", f.Needed);
            w.WriteNumber("eligible", f.Eligible);
            w.WriteNumber("poolSize", f.PoolSize);
            w.WriteStartObject("rejected");
            foreach (var rule in EligibilityRules.InOrder) w.WriteNumber(EligibilityRules.Name(rule), f.RejectedBy(rule));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.Write("\n"u8);
    }

    public static string ToString(SelectionResult result)
    {
        using var ms = new MemoryStream();
        Write(ms, result);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    public static string ToString(AssignmentResult result)
    {
        using var ms = new MemoryStream();
        Write(ms, result);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }
}
