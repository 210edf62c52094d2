using System.Globalization;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Enterprises;

namespace SpotCheck.Pages.Public;

/// <summary>Labels the portal shows beside codes.</summary>
public static class PortalText
{
    /// <summary>A draw stratum: a risk class, or the separate stratum of flagged enterprises.</summary>
    public static string Stratum(string stratum) =>
        stratum == FrameBuilder.FlaggedStratum ? "严重失信/经营异常（单独分层）"
        : Enum.TryParse<RiskClass>(stratum, out var risk) ? $"{stratum}类（{EnterpriseLabels.Of(risk)}）"
        : stratum;

    /// <summary>Parts per million as a percentage, exactly (no floating point): 50000 → 5%, 12500 → 1.25%.</summary>
    public static string Percent(long ppm) => (ppm / 10_000m).ToString("0.####", CultureInfo.InvariantCulture) + "%";

    /// <summary>Link to one page of a list, keeping the other query values.</summary>
    public static string Link(string path, IEnumerable<(string Name, string? Value)> query)
    {
        var parts = query.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value!)).ToList();
        return parts.Count == 0 ? path : path + "?" + string.Join("&", parts);
    }
}
