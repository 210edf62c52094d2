using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace SpotCheck.Core.Transfer;

/// <summary>
/// Streams the rows of the first worksheet of an xlsx file with their real row numbers. Cell values are strings,
/// doubles (numbers), <see cref="DateOnly"/> (numbers shown with a date format, including the Chinese built-in
/// formats 27–36 and 50–58 that MiniExcel reads as plain numbers) or booleans. Elements are matched by local name,
/// so transitional and strict OOXML both read.
/// </summary>
public static class XlsxRows
{
    public sealed record Row(int Number, object?[] Cells);

    public static IEnumerable<Row> Read(Stream stream)
    {
        using var zip = OpenZip(stream);
        var workbook = Part(zip, TargetOf(zip, "", "_rels/.rels", TypeIs("officeDocument")) ?? "xl/workbook.xml")
            ?? throw new InvalidDataException("xlsx without a workbook");
        var (sheetRelId, date1904) = FirstSheet(workbook);
        var sheet = Part(zip, TargetOf(zip, workbook.FullName, sheetRelId) ?? "") ?? throw new InvalidDataException("xlsx without a worksheet");
        var strings = ReadSharedStrings(zip, TargetOf(zip, workbook.FullName, TypeIs("sharedStrings")));
        var dateStyles = ReadDateStyles(zip, TargetOf(zip, workbook.FullName, TypeIs("styles")));
        foreach (var row in ReadSheet(sheet, strings, dateStyles, date1904)) yield return row;
    }

    static ZipArchive OpenZip(Stream stream)
    {
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception e) when (e is ArgumentException or IOException)
        {
            throw new InvalidDataException("not a zip file", e);
        }
    }

    static IEnumerable<Row> ReadSheet(ZipArchiveEntry sheet, List<string> strings, HashSet<int> dateStyles, bool date1904)
    {
        using var reader = Xml(sheet);
        var cells = new List<object?>(16);
        var number = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row") continue;
            number = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : number + 1;
            cells.Clear();
            foreach (var _ in Children(reader))
            {
                if (reader.LocalName != "c")
                {
                    reader.Skip();
                    continue;
                }
                var column = ColumnIndex(reader.GetAttribute("r")) ?? cells.Count;
                var value = ReadCell(reader, strings, dateStyles, date1904);
                while (cells.Count < column) cells.Add(null);
                if (cells.Count == column) cells.Add(value);
                else cells[column] = value;
            }
            yield return new Row(number, [.. cells]);
        }
    }

    /// <summary>
    /// Positions the reader on each child element of the current element in turn; the caller must consume the child
    /// (read its content or Skip), which leaves the reader after it. Ends on the parent's end tag.
    /// </summary>
    static IEnumerable<bool> Children(XmlReader reader)
    {
        if (reader.IsEmptyElement) yield break;
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element) yield return true;
            else reader.Read();
        }
    }

    static object? ReadCell(XmlReader reader, List<string> strings, HashSet<int> dateStyles, bool date1904)
    {
        var type = reader.GetAttribute("t");
        var style = int.TryParse(reader.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        string? raw = null;
        foreach (var _ in Children(reader))
        {
            if (reader.LocalName == "v") raw = reader.ReadElementContentAsString();
            else if (reader.LocalName == "is") raw = ReadRichText(reader);
            else reader.Skip();
        }
        reader.Read(); // past </c>
        if (raw is null) return null;
        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count
                    ? strings[index] : throw new InvalidDataException("shared string index out of range");
            case "inlineStr" or "str" or "e":
                return raw;
            case "b":
                return raw == "1";
            case "d":
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso) ? DateOnly.FromDateTime(iso) : raw;
        }
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw;
        if (dateStyles.Contains(style) && SerialToDate(number, date1904) is { } date) return date;
        return number;
    }

    /// <summary>Excel's serial day: 1900 system with its fictitious 1900-02-29 (serial 60), or the 1904 system.</summary>
    static DateOnly? SerialToDate(double serial, bool date1904)
    {
        if (serial < 1 || serial > 2958465) return null;
        var day = (int)Math.Floor(serial);
        if (date1904) return new DateOnly(1904, 1, 1).AddDays(day);
        if (day == 60) return null;
        return new DateOnly(1899, 12, 31).AddDays(day < 60 ? day : day - 1);
    }

    /// <summary>The text of an &lt;si&gt; or &lt;is&gt; (plain or rich-text runs, without phonetic rPh runs); leaves the reader after it.</summary>
    static string ReadRichText(XmlReader reader)
    {
        var text = new System.Text.StringBuilder();
        foreach (var _ in Children(reader))
        {
            if (reader.LocalName == "t") text.Append(reader.ReadElementContentAsString());
            else if (reader.LocalName == "r") text.Append(ReadRichText(reader));
            else reader.Skip();
        }
        reader.Read();
        return text.ToString();
    }

    static List<string> ReadSharedStrings(ZipArchive zip, string? path)
    {
        var strings = new List<string>();
        if (path is null || Part(zip, path) is not { } part) return strings;
        using var reader = Xml(part);
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si") strings.Add(ReadRichText(reader));
            else reader.Read();
        }
        return strings;
    }

    /// <summary>Indexes of the cell formats (cellXfs) whose number format shows a date.</summary>
    static HashSet<int> ReadDateStyles(ZipArchive zip, string? path)
    {
        var result = new HashSet<int>();
        if (path is null || Part(zip, path) is not { } part) return result;
        var custom = new Dictionary<int, string>();
        using var reader = Xml(part);
        var inCellXfs = false;
        var index = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs") inCellXfs = false;
            if (reader.NodeType != XmlNodeType.Element) continue;
            switch (reader.LocalName)
            {
                case "numFmt" when int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                    custom[id] = reader.GetAttribute("formatCode") ?? "";
                    break;
                case "cellXfs":
                    inCellXfs = !reader.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    var format = int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0;
                    if (custom.TryGetValue(format, out var code) ? IsDateFormat(code) : IsBuiltInDate(format)) result.Add(index);
                    index++;
                    break;
            }
        }
        return result;
    }

    /// <summary>
    /// ECMA-376 §18.8.30 built-in date formats, plus the zh-CN ones that show a day or month (27–31, 36, 50–54, 57, 58:
    /// yyyy"年"m"月"d"日" and its kin; 32–35, 55, 56 are times of day).
    /// </summary>
    static bool IsBuiltInDate(int id) => id is >= 14 and <= 17 or 22 or >= 27 and <= 31 or 36 or >= 50 and <= 54 or 57 or 58;

    /// <summary>A custom format shows a date when, outside quoted text, escapes and [brackets], it has y, d, 年 or 日.</summary>
    public static bool IsDateFormat(string code)
    {
        var section = code.Split(';')[0];
        var inQuote = false;
        var inBracket = false;
        for (var i = 0; i < section.Length; i++)
        {
            var c = section[i];
            if (inQuote) { inQuote = c != '"'; continue; }
            if (inBracket) { inBracket = c != ']'; continue; }
            switch (c)
            {
                case '"': inQuote = true; break;
                case '[': inBracket = true; break;
                case '\\' or '_' or '*': i++; break;
                case 'y' or 'Y' or 'd' or 'D' or '年' or '日': return true;
            }
        }
        return false;
    }

    static (string RelId, bool Date1904) FirstSheet(ZipArchiveEntry workbook)
    {
        using var reader = Xml(workbook);
        var date1904 = false;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.LocalName == "workbookPr") date1904 = reader.GetAttribute("date1904") is "1" or "true";
            if (reader.LocalName == "sheet")
            {
                var id = Attribute(reader, "id") ?? throw new InvalidDataException("sheet without relationship id");
                return (id, date1904);
            }
        }
        throw new InvalidDataException("xlsx workbook without sheets");
    }

    /// <summary>The r:id attribute in either namespace (transitional or strict relationships).</summary>
    static string? Attribute(XmlReader reader, string localName)
    {
        for (var i = 0; i < reader.AttributeCount; i++)
        {
            reader.MoveToAttribute(i);
            if (reader.LocalName == localName && reader.Prefix.Length > 0)
            {
                var value = reader.Value;
                reader.MoveToElement();
                return value;
            }
        }
        reader.MoveToElement();
        return null;
    }

    static Func<string?, string?, bool> TypeIs(string suffix) => (_, type) => type?.EndsWith("/" + suffix, StringComparison.Ordinal) == true;

    /// <summary>The zip path of the relationship (of the part at <paramref name="source"/>) with this id.</summary>
    static string? TargetOf(ZipArchive zip, string source, string id) => TargetOf(zip, source, (relId, _) => relId == id);

    static string? TargetOf(ZipArchive zip, string source, Func<string?, string?, bool> match) =>
        TargetOf(zip, DirectoryOf(source), $"{DirectoryOf(source)}_rels/{source[(source.LastIndexOf('/') + 1)..]}.rels", match);

    static string? TargetOf(ZipArchive zip, string baseDirectory, string relsPath, Func<string?, string?, bool> match)
    {
        if (Part(zip, relsPath) is not { } rels) return null;
        using var reader = Xml(rels);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship") continue;
            if (!match(reader.GetAttribute("Id"), reader.GetAttribute("Type"))) continue;
            var target = reader.GetAttribute("Target") ?? "";
            return target.StartsWith('/') ? target[1..] : Normalize(baseDirectory + target);
        }
        return null;
    }

    static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var p in path.Split('/'))
        {
            if (p == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (p is not ("" or ".")) parts.Add(p);
        }
        return string.Join('/', parts);
    }

    static string DirectoryOf(string path) => path.LastIndexOf('/') is var i and >= 0 ? path[..(i + 1)] : "";

    static ZipArchiveEntry? Part(ZipArchive zip, string path) =>
        zip.GetEntry(path) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase));

    static XmlReader Xml(ZipArchiveEntry entry) => XmlReader.Create(entry.Open(), new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = false, CloseInput = true,
    });

    /// <summary>The zero-based column of a cell reference such as "AB12".</summary>
    static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var n = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++) n = n * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        return i == 0 ? null : n - 1;
    }
}
