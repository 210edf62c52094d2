using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Publication;

/// <summary>
/// The staff export of one year's results in the layout of the 国家企业信用信息公示系统's 抽查检查结果 (序号, 检查实施机关,
/// 类型, 日期, 结果) with the enterprise's name and USCC, for entry into the 协同平台 (domain.md R10). Every cell but
/// 序号 is text, so codes and dates reach the platform as written. Columns: docs/publication-exports.md.
/// </summary>
public static class CreditPublicityWorkbook
{
    public static readonly IReadOnlyList<string> Headers = ["序号", "企业名称", "统一社会信用代码", "检查实施机关", "类型", "日期", "结果"];

    const uint TextStyle = 1, HeaderStyle = 2;

    public static async Task<byte[]> BuildAsync(AppDbContext db, int year, CancellationToken ct)
    {
        var rows = new List<string[]>();
        await foreach (var r in ResultsOpenData.OfYearAsync(db, year).WithCancellation(ct))
            rows.Add([r.EnterpriseName, r.Uscc, r.Department, r.CheckType, ResultsOpenData.Day(r.InspectedOn), r.Result]);
        return Write(rows);
    }

    /// <summary>An xlsx of the given rows (without 序号, which is numbered here).</summary>
    public static byte[] Write(IReadOnlyList<string[]> rows)
    {
        using var memory = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook(new Sheets(new Sheet { Id = "rSheet1", SheetId = 1, Name = "抽查检查结果" }));
            book.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheet = book.AddNewPart<WorksheetPart>("rSheet1");
            using var w = OpenXmlWriter.Create(sheet);
            w.WriteStartElement(new Worksheet());
            w.WriteElement(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 }));
            w.WriteElement(Columns(rows));
            w.WriteStartElement(new SheetData());
            WriteRow(w, 1, Headers.Select(h => (h, HeaderStyle)));
            for (var i = 0; i < rows.Count; i++)
            {
                w.WriteStartElement(new Row { RowIndex = (uint)i + 2 });
                w.WriteElement(new Cell { CellReference = "A" + (i + 2).ToString(CultureInfo.InvariantCulture), DataType = CellValues.Number,
                    CellValue = new CellValue(i + 1) });
                for (var c = 0; c < rows[i].Length; c++) w.WriteElement(TextCell(c + 1, i + 2, rows[i][c], TextStyle));
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
        return memory.ToArray();
    }

    static void WriteRow(OpenXmlWriter w, int row, IEnumerable<(string Text, uint Style)> cells)
    {
        w.WriteStartElement(new Row { RowIndex = (uint)row });
        var c = 0;
        foreach (var (text, style) in cells) w.WriteElement(TextCell(c++, row, text, style));
        w.WriteEndElement();
    }

    static Cell TextCell(int column, int row, string text, uint style) => new()
    {
        CellReference = ((char)('A' + column)).ToString() + row.ToString(CultureInfo.InvariantCulture),
        DataType = CellValues.InlineString, StyleIndex = style,
        InlineString = new InlineString(new Text(SpreadsheetText.Neutralise(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    /// <summary>Widths that fit the longest value (a Chinese character counts two), within reason.</summary>
    static Columns Columns(IReadOnlyList<string[]> rows)
    {
        var columns = new Columns();
        for (var c = 0; c < Headers.Count; c++)
        {
            var widest = SpreadsheetText.DisplayWidth(Headers[c]);
            if (c == 0) widest = Math.Max(widest, rows.Count.ToString(CultureInfo.InvariantCulture).Length);
            else foreach (var r in rows) widest = Math.Max(widest, SpreadsheetText.DisplayWidth(r[c - 1]));
            columns.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = Math.Clamp(widest + 2, 6, 80), CustomWidth = true });
        }
        return columns;
    }

    /// <summary>Style 0 default, 1 text (number format 49 "@"), 2 bold text for the header.</summary>
    static Stylesheet Styles() => new(
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true, FontId = 1, ApplyFont = true }) { Count = 3 });
}
