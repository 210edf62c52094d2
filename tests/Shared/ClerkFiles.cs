using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SpotCheck.TestFiles;

/// <summary>A date cell as Excel stores it: the serial day number, shown through a date number format.</summary>
public sealed record ExcelDate(DateOnly Day, ExcelDateFormat Format = ExcelDateFormat.ChineseCustom)
{
    /// <summary>Excel's 1900 serial (with its fictitious 1900-02-29, so from March 1900 on: days since 1899-12-30).</summary>
    public int Serial => Day.DayNumber - new DateOnly(1899, 12, 30).DayNumber;
}

public enum ExcelDateFormat
{
    /// <summary>What Excel on Chinese Windows writes for 2028年3月1日: a custom format yyyy"年"m"月"d"日";@.</summary>
    ChineseCustom,
    /// <summary>The zh-CN built-in format 31 (yyyy"年"m"月"d"日") referenced by id, with no numFmt element.</summary>
    ChineseBuiltIn31,
    /// <summary>The built-in short date, format 14.</summary>
    ShortDate14,
}

/// <summary>A number cell (Excel's General format), as when a clerk types digits into a cell not formatted as text.</summary>
public sealed record ExcelNumber(double Value);

/// <summary>Files as clerks have them: csv saved by Excel on Chinese Windows, xlsx with a merged title row and date cells.</summary>
public static class ClerkFiles
{
    public static readonly Encoding Gb18030 =
        CodePagesEncodingProvider.Instance.GetEncoding(54936) ?? throw new InvalidOperationException("GB18030 missing");

    /// <summary>Excel's “CSV（逗号分隔）” on Chinese Windows: GB18030 (GBK) bytes, no BOM, CRLF, quotes only where needed.</summary>
    public static string Gb18030Csv(string path, IEnumerable<IReadOnlyList<string?>> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines) text.Append(string.Join(',', line.Select(Quote))).Append("\r\n");
        File.WriteAllBytes(path, Gb18030.GetBytes(text.ToString()));
        return path;
    }

    static string Quote(string? v) => v is null ? "" : v.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{v.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : v;

    /// <summary>
    /// An xlsx written with the Open XML SDK as Excel writes it: shared strings, a title in A1 merged across the
    /// header's width (when given), the header row, then the rows (string, <see cref="ExcelDate"/>, <see cref="ExcelNumber"/> or null).
    /// </summary>
    public static string Xlsx(string path, string? title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = doc.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 176, FormatCode = "yyyy\"年\"m\"月\"d\"日\";@" }) { Count = 1 },
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 176, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 31, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 4 });
        var strings = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        Cell Text(string reference, string value)
        {
            if (!index.TryGetValue(value, out var i)) { i = strings.Count; strings.Add(value); index[value] = i; }
            return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)) };
        }
        var data = new SheetData();
        var rowNumber = 0;
        if (title is not null) data.Append(new Row(Text("A1", title)) { RowIndex = (uint)++rowNumber });
        var header = new Row { RowIndex = (uint)++rowNumber };
        for (var i = 0; i < headers.Count; i++) header.Append(Text(Column(i) + rowNumber, headers[i]));
        data.Append(header);
        foreach (var values in rows)
        {
            var row = new Row { RowIndex = (uint)++rowNumber };
            for (var i = 0; i < values.Count; i++)
            {
                var reference = Column(i) + rowNumber;
                switch (values[i])
                {
                    case null: break;
                    case string s: row.Append(Text(reference, s)); break;
                    case ExcelNumber n: row.Append(new Cell { CellReference = reference, CellValue = new CellValue(n.Value.ToString("R", CultureInfo.InvariantCulture)) }); break;
                    case ExcelDate d:
                        row.Append(new Cell
                        {
                            CellReference = reference, StyleIndex = d.Format switch { ExcelDateFormat.ChineseCustom => 1u, ExcelDateFormat.ChineseBuiltIn31 => 2u, _ => 3u },
                            CellValue = new CellValue(d.Serial.ToString(CultureInfo.InvariantCulture)),
                        });
                        break;
                    default: throw new ArgumentException($"unsupported cell value {values[i]}");
                }
            }
            data.Append(row);
        }
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var worksheet = new Worksheet(data);
        if (title is not null) worksheet.Append(new MergeCells(new MergeCell { Reference = $"A1:{Column(headers.Count - 1)}1" }) { Count = 1 });
        sheetPart.Worksheet = worksheet;
        var sst = workbook.AddNewPart<SharedStringTablePart>();
        sst.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })))
        {
            Count = (uint)strings.Count, UniqueCount = (uint)strings.Count,
        };
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "名录" }));
        return path;
    }

    static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
