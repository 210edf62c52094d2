using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using SpotCheck.Core.Common;

namespace SpotCheck.Core.Transfer;

public enum TabularFormat { Csv, Xlsx }

/// <summary>One data row: its number as the user sees it and its cells as text (null = empty).</summary>
public sealed record TabularRow(int Number, string?[] Cells, bool[] NumericCells)
{
    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// Reads and writes the import layouts with MiniExcel: xlsx (first sheet) or UTF-8 csv, header in row 1.
/// Every cell is handled as text so codes such as an all-digit USCC never become numbers.
/// </summary>
public static class TabularFile
{
    public static Result<TabularFormat> FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => TabularFormat.Csv,
        ".xlsx" => TabularFormat.Xlsx,
        _ => new Error("import.format", "文件格式应为 .csv 或 .xlsx", "file"),
    };

    /// <summary>Checks the header row against the layout and yields the data rows; header problems become row 1 errors.</summary>
    public static IEnumerable<TabularRow> ReadRows(Stream stream, TabularFormat format, IReadOnlyList<string> headers, RowErrors errors)
    {
        using var rows = Query(stream, format).GetEnumerator();
        if (!rows.MoveNext())
        {
            errors.Add(1, headers[0], "文件为空，缺少表头行");
            yield break;
        }
        var header = Cells(rows.Current, headers.Count, out _);
        for (var i = 0; i < headers.Count; i++)
        {
            var actual = header[i]?.Trim().TrimStart('\uFEFF');
            if (!string.Equals(actual, headers[i], StringComparison.Ordinal))
                errors.Add(1, ColumnName(i), $"表头应为“{headers[i]}”，实际为“{actual}”");
        }
        if (errors.Count > 0) yield break;
        var number = 1;
        while (rows.MoveNext())
        {
            number++;
            var cells = Cells(rows.Current, headers.Count, out var numeric);
            yield return new TabularRow(number, cells, numeric);
        }
    }

    /// <summary>Spreadsheet-style column letter for positions that have no header yet (A, B, …).</summary>
    public static string ColumnName(int index) => ((char)('A' + index)).ToString();

    public static void Write(Stream stream, TabularFormat format, IReadOnlyList<string> headers, IEnumerable<string?[]> rows)
    {
        var records = rows.Select(r =>
        {
            var d = new Dictionary<string, object?>(headers.Count, StringComparer.Ordinal);
            for (var i = 0; i < headers.Count; i++) d[headers[i]] = r[i] ?? "";
            return d;
        });
        if (format == TabularFormat.Csv)
        {
            // A BOM so that Excel opens the UTF-8 file with the Chinese text intact.
            stream.Write(Encoding.UTF8.Preamble);
            stream.SaveAs(records, printHeader: true, excelType: ExcelType.CSV,
                configuration: new CsvConfiguration { StreamWriterFunc = s => new StreamWriter(s, new UTF8Encoding(false), 1 << 16, leaveOpen: true) });
        }
        else
        {
            stream.SaveAs(records, printHeader: true, sheetName: "Sheet1", excelType: ExcelType.XLSX);
        }
    }

    static IEnumerable<IEnumerable<object?>> Query(Stream stream, TabularFormat format)
    {
        if (format == TabularFormat.Csv)
        {
            foreach (var record in CsvRows.Read(stream)) yield return record;
            yield break;
        }
        foreach (var row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
            yield return ((IDictionary<string, object?>)row).Values;
    }

    static string?[] Cells(IEnumerable<object?> row, int count, out bool[] numeric)
    {
        var cells = new string?[count];
        numeric = new bool[count];
        var i = 0;
        foreach (var value in row)
        {
            if (i >= count) break;
            (cells[i], numeric[i]) = value switch
            {
                null => (null, false),
                string s => (s.Length == 0 ? null : s, false),
                double d => (d.ToString("R", CultureInfo.InvariantCulture), true),
                DateTime t => (t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), false),
                bool b => (b ? "是" : "否", false),
                IFormattable f => (f.ToString(null, CultureInfo.InvariantCulture), true),
                _ => (value.ToString(), false),
            };
            i++;
        }
        return cells;
    }
}
