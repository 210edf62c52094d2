using System.Globalization;
using System.Text;
using SpotCheck.Core.Common;

namespace SpotCheck.Core.Transfer;

public enum TabularFormat { Csv, Xlsx }

/// <summary>
/// One data row: its number as the user sees it, its cells as text in layout order (null = empty or, see
/// <see cref="Has"/>, a column the file does not have) and which cells were numbers in the spreadsheet.
/// </summary>
public sealed record TabularRow(int Number, string?[] Cells, bool[] NumericCells, bool[] Present)
{
    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);

    /// <summary>False for an optional column missing from the file: the stored value of that field stays as it is.</summary>
    public bool Has(int column) => Present[column];
}

/// <summary>
/// Reads the import layouts from csv (UTF-8 or GB18030, see <see cref="CsvEncoding"/>) or xlsx (first worksheet). The
/// header row is found by its names below any title lines and columns are matched by name; every cell is handled as
/// text so codes such as an all-digit USCC never become numbers; Excel date cells become ISO dates.
/// </summary>
public static partial class TabularFile
{
    /// <summary>Title lines (often a merged cell) allowed above the header row.</summary>
    const int MaxLinesBeforeHeader = 10;

    public const string HeaderColumn = "表头";

    public static Result<TabularFormat> FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => TabularFormat.Csv,
        ".xlsx" => TabularFormat.Xlsx,
        _ => new Error("import.format", "文件格式应为 .csv 或 .xlsx", "file"),
    };

    /// <summary>
    /// Finds and checks the header row and yields the data rows. A header problem is one error on the header row that
    /// states the whole expected header; columns outside the layout become warnings.
    /// </summary>
    public static IEnumerable<TabularRow> ReadRows(Stream stream, TabularFormat format, TabularLayout layout, ImportReport report)
    {
        HeaderMap? map = null;
        var linesBefore = 0;
        var anyContent = false;
        foreach (var (number, values) in Records(stream, format, report))
        {
            if (map is null)
            {
                var names = Array.ConvertAll(values, HeaderText);
                if (names.Any(n => n.Length > 0)) anyContent = true;
                if (names.Count(n => layout.Headers.Contains(n)) >= Math.Min(2, layout.RequiredCount))
                {
                    map = HeaderMap.Create(layout, names, number, report);
                    if (map is null) yield break;
                    continue;
                }
                if (++linesBefore >= MaxLinesBeforeHeader) break;
                continue;
            }
            yield return map.Row(number, values, report);
        }
        if (map is null)
        {
            report.Add(1, HeaderColumn, anyContent
                ? $"未找到表头行：前{MaxLinesBeforeHeader}行中应有一行表头依次为 {layout.ExpectedHeader}"
                : $"文件为空，缺少表头行：表头应依次为 {layout.ExpectedHeader}");
        }
    }

    static IEnumerable<(int Number, object?[] Values)> Records(Stream stream, TabularFormat format, ImportReport report)
    {
        if (format == TabularFormat.Xlsx)
        {
            foreach (var row in XlsxRows.Read(stream)) yield return (row.Number, row.Cells);
            yield break;
        }
        var encoding = CsvEncoding.Detect(stream);
        report.Encoding = encoding;
        if (encoding.InvalidLine is not null) throw new UndecodableCsvException(encoding);
        stream.Position += encoding.PreambleLength;
        using var records = CsvRows.Read(stream, encoding.Encoding).GetEnumerator();
        var number = 0;
        while (true)
        {
            try
            {
                if (!records.MoveNext()) yield break;
            }
            catch (DecoderFallbackException)
            {
                throw new UndecodableCsvException(encoding);
            }
            var record = records.Current;
            for (var i = 0; i < record.Length; i++)
            {
                if (record[i] is { Length: > 1 } v && v[0] == '\'') record[i] = CellText.UnescapeFormula(v);
            }
            yield return (++number, record);
        }
    }

    /// <summary>A header cell as compared with the layout: trimmed, without a BOM or the * that marks required columns.</summary>
    static string HeaderText(object? value) => value is string s ? s.Trim().Trim('\uFEFF', '*', '＊', ' ', '\u3000') : "";

    /// <summary>Spreadsheet column letters for a zero-based index (A … Z, AA …).</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>Where each layout column is in the file, and the file's columns that are not imported.</summary>
    sealed class HeaderMap
    {
        readonly int[] _source;
        readonly bool[] _present;
        readonly bool[] _unnamed;
        readonly bool _anyUnnamed;
        readonly HashSet<int> _warned = [];

        HeaderMap(int[] source, bool[] unnamed)
        {
            _source = source;
            _present = Array.ConvertAll(source, i => i >= 0);
            _unnamed = unnamed;
            _anyUnnamed = unnamed.Contains(true);
        }

        public static HeaderMap? Create(TabularLayout layout, string[] names, int row, ImportReport report)
        {
            var source = Enumerable.Repeat(-1, layout.Headers.Count).ToArray();
            var duplicates = new List<string>();
            var unnamed = new bool[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                var column = IndexOf(layout.Headers, names[i]);
                if (column >= 0)
                {
                    if (source[column] >= 0) duplicates.Add(names[i]);
                    else source[column] = i;
                }
                else if (names[i].Length == 0) unnamed[i] = true;
                else report.Warn($"第{row}行表头中的第{ColumnName(i)}列“{names[i]}”不是导入格式中的列，该列未导入");
            }
            var missing = layout.Headers.Take(layout.RequiredCount).Where((_, i) => source[i] < 0).ToList();
            if (missing.Count == 0 && duplicates.Count == 0) return new HeaderMap(source, unnamed);
            var problems = new List<string>();
            if (missing.Count > 0) problems.Add($"缺少{string.Join("", missing.Select(m => $"“{m}”"))}");
            if (duplicates.Count > 0) problems.Add($"重复{string.Join("", duplicates.Distinct().Select(d => $"“{d}”"))}");
            report.Add(row, HeaderColumn, $"表头不符合导入格式（{string.Join("；", problems)}）：表头应依次为 {layout.ExpectedHeader}");
            return null;
        }

        static int IndexOf(IReadOnlyList<string> headers, string name)
        {
            for (var i = 0; i < headers.Count; i++)
            {
                if (string.Equals(headers[i], name, StringComparison.Ordinal)) return i;
            }
            return -1;
        }

        public TabularRow Row(int number, object?[] values, ImportReport report)
        {
            var count = _source.Length;
            var cells = new string?[count];
            var numeric = new bool[count];
            for (var i = 0; i < count; i++)
            {
                var at = _source[i];
                if (at >= 0 && at < values.Length) (cells[i], numeric[i]) = Text(values[at]);
            }
            if (!_anyUnnamed && values.Length <= _unnamed.Length) return new TabularRow(number, cells, numeric, _present);
            for (var i = 0; i < values.Length; i++)
            {
                if ((i >= _unnamed.Length || _unnamed[i]) && values[i] is not (null or "") && _warned.Add(i))
                    report.Warn($"第{ColumnName(i)}列没有表头，其中的数据（如第{number}行“{Text(values[i]).Text}”）未导入");
            }
            return new TabularRow(number, cells, numeric, _present);
        }
    }

    static (string? Text, bool Numeric) Text(object? value) => value switch
    {
        null => (null, false),
        string s => (s.Length == 0 ? null : s, false),
        double d => (d.ToString("R", CultureInfo.InvariantCulture), true),
        DateOnly day => (day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), false),
        bool b => (b ? "是" : "否", false),
        _ => (Convert.ToString(value, CultureInfo.InvariantCulture), false),
    };
}
