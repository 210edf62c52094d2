using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace SpotCheck.Core.Transfer;

public static partial class TabularFile
{
    const string NotesSheet = "填写说明";

    /// <summary>
    /// Writes a list in its layout: csv in UTF-8 with a BOM (so that Excel shows the Chinese text) and every cell that a
    /// spreadsheet would run as a formula escaped; xlsx with every cell as text and columns wide enough for Chinese.
    /// </summary>
    public static void Write(Stream stream, TabularFormat format, TabularLayout layout, IEnumerable<string?[]> rows, string sheetName = "Sheet1")
    {
        if (format == TabularFormat.Csv) WriteCsv(stream, layout, rows);
        else WriteXlsx(stream, new Dictionary<string, object> { [sheetName] = SheetRows(layout.Headers, rows) }, Widths(layout));
    }

    /// <summary>
    /// The template: the header row and no data (an example row would be imported as real data); the xlsx template
    /// carries a second sheet 填写说明 with each column's rule, which import never reads (it reads the first sheet only).
    /// </summary>
    public static void WriteTemplate(Stream stream, TabularFormat format, TabularLayout layout, string sheetName)
    {
        if (format == TabularFormat.Csv)
        {
            WriteCsv(stream, layout, []);
            return;
        }
        string?[][] notes =
        [
            ["列名", "是否必填", "填写说明"],
            .. layout.Columns.Select(c => new[] { c.Header, c.Requirement, c.Rule }),
            [],
            ["说明", "", $"只导入第一个工作表“{sheetName}”，从表头下一行开始每行一条；本工作表不会导入。整个文件要么全部导入，要么在发现任何错误时一条都不导入。"],
        ];
        var widths = Widths(layout);
        widths.AddRange([NoteWidth(0, 18), NoteWidth(1, 16), NoteWidth(2, 90)]);
        WriteXlsx(stream, new Dictionary<string, object>
        {
            [sheetName] = SheetRows(layout.Headers, []),
            [NotesSheet] = notes.Select(r => Cells(r, "n", 3)),
        }, widths);
    }

    static void WriteCsv(Stream stream, TabularLayout layout, IEnumerable<string?[]> rows)
    {
        stream.Write(Encoding.UTF8.Preamble);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        CsvRows.Write(writer, layout.Headers);
        var escaped = new string?[layout.Headers.Count];
        foreach (var row in rows)
        {
            for (var i = 0; i < escaped.Length; i++) escaped[i] = i < row.Length && row[i] is { } v ? CellText.EscapeFormula(v) : null;
            CsvRows.Write(writer, escaped);
        }
    }

    /// <summary>MiniExcel writes string values as text cells, so codes keep their leading zeros and all their digits.</summary>
    static void WriteXlsx(Stream stream, Dictionary<string, object> sheets, List<DynamicExcelColumn> widths) =>
        stream.SaveAs(sheets, printHeader: false, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration
        {
            TableStyles = TableStyles.None,
            DynamicColumns = [.. widths],
        });

    static IEnumerable<Dictionary<string, object?>> SheetRows(IReadOnlyList<string> headers, IEnumerable<string?[]> rows)
    {
        yield return Cells([.. headers], "c", headers.Count);
        foreach (var r in rows) yield return Cells(r, "c", headers.Count);
    }

    /// <summary>One row for MiniExcel, which needs the same keys in every row: short rows are padded with empty cells.</summary>
    static Dictionary<string, object?> Cells(IReadOnlyList<string?> values, string prefix, int width)
    {
        var d = new Dictionary<string, object?>(width, StringComparer.Ordinal);
        for (var i = 0; i < width; i++) d[prefix + i] = i < values.Count ? values[i] ?? "" : "";
        return d;
    }

    static List<DynamicExcelColumn> Widths(TabularLayout layout) =>
        [.. layout.Columns.Select((c, i) => new DynamicExcelColumn("c" + i) { Width = Math.Max(c.Width, DisplayWidth(c.Header) + 4) })];

    static DynamicExcelColumn NoteWidth(int index, int width) => new("n" + index) { Width = width };

    /// <summary>Excel character units: a Chinese (full-width) character takes two.</summary>
    static int DisplayWidth(string text) => text.Sum(c => c > '\u2E7F' ? 2 : 1);
}
