using System.Globalization;

namespace SpotCheck.Core.Statistics;

/// <summary>One cell: its text exactly as shown and exported, and a link to the list behind it (or one link per part).</summary>
public sealed record StatCell(string Text, string? Href = null, IReadOnlyList<(string Text, string Href)>? Links = null);

/// <summary>How the chart beside a table reads it: one category per row, one series per value column.</summary>
public sealed record ChartSpec(string Type, int LabelColumn, IReadOnlyList<int> ValueColumns);

/// <summary>A statistics table as the page, the printable view and the xlsx export all show it: one source of numbers.</summary>
public sealed record StatTable(string Id, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<StatCell>> Rows,
    ChartSpec? Chart = null, string? Note = null)
{
    public string ChartColumns => Chart is null ? "" : string.Join(',', Chart.ValueColumns.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    public static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string N(decimal? d) => d is decimal v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    public static string Ppm(long ppm) => (ppm / 10_000m).ToString("0.####", CultureInfo.InvariantCulture);
}
