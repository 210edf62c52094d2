using System.Globalization;
using MiniExcelLibs;
using SpotCheck.Core.Statistics;

namespace SpotCheck.Pages.Staff.Statistics;

/// <summary>
/// A table as an xlsx workbook: a title row, the period and generation time, the header, the rows exactly as shown
/// (numbers as numbers, everything else as text) and the note.
/// </summary>
public static class StatisticsXlsx
{
    public static byte[] Write(StatTable table, string bureau, string period, string generatedAt)
    {
        var width = table.Headers.Count;
        var rows = new List<Dictionary<string, object?>>
        {
            Row(width, [table.Title]),
            Row(width, [$"{bureau}　{period}　生成时间：{generatedAt}"]),
            Row(width, [.. table.Headers]),
        };
        rows.AddRange(table.Rows.Select(r => Row(width, [.. r.Select(c => Value(c.Text))])));
        if (table.Note is { } note) rows.Add(Row(width, [note]));
        using var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: false, sheetName: "统计", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    static object Value(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d) ? d : text;

    static Dictionary<string, object?> Row(int width, IReadOnlyList<object?> values)
    {
        var d = new Dictionary<string, object?>(width, StringComparer.Ordinal);
        for (var i = 0; i < width; i++) d["c" + i.ToString(CultureInfo.InvariantCulture)] = i < values.Count ? values[i] : "";
        return d;
    }
}
