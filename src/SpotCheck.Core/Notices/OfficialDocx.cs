using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SpotCheck.Core.Notices;

/// <summary>
/// The page and type of Chinese official documents (GB/T 9704-2012): A4, margins 上37 下35 左28 右26 mm, 22 lines of
/// 28 characters, title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号, headings in 黑体. Where a reader lacks those fonts,
/// each has an installed-everywhere alternative (w:altName, charset GB2312) and every run is marked East Asian
/// (zh-CN), so Word, WPS and LibreOffice substitute a CJK font (here WenQuanYi Zen Hei) instead of a Latin one.
/// </summary>
static class OfficialDocx
{
    public const string TitleFont = "方正小标宋简体";
    public const string BodyFont = "仿宋_GB2312";
    public const string HeadingFont = "黑体";
    public const string PageNumberFont = "宋体";

    /// <summary>Twentieths of a point: A4 is 210 × 297 mm.</summary>
    public const int PageWidth = 11906, PageHeight = 16838;
    public const int MarginTop = 2098, MarginBottom = 1984, MarginLeft = 1587, MarginRight = 1474;
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;

    /// <summary>Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt.</summary>
    public const string SizeTitle = "44", SizeBody = "32", SizeSmall = "28", SizeForm = "24", SizeTable = "21";

    /// <summary>22 lines in the 225 mm text block: 28.95 pt.</summary>
    const int BodyLine = 579;
    /// <summary>Two characters of 三号 text: the first-line indent.</summary>
    const int TwoChars = 640;

    static readonly (string Name, string AltName, string Panose, string Family)[] Fonts =
    [
        (TitleFont, "宋体", "02000000000000000000", "script"),
        (BodyFont, "仿宋", "02010609030101010101", "modern"),
        (HeadingFont, "SimHei", "02010609060101010101", "modern"),
        (PageNumberFont, "SimSun", "02010600030101010101", "auto"),
    ];

    public static void AddParts(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(RunFonts(BodyFont), new FontSize { Val = SizeBody },
                    new FontSizeComplexScript { Val = SizeBody }, new Languages { Val = "zh-CN", EastAsia = "zh-CN", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Line = BodyLine.ToString(System.Globalization.CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" },
                    new Kinsoku(), new AutoSpaceDE { Val = false }, new AutoSpaceDN { Val = false }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Table Grid" }, new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 8 }, new LeftBorder { Val = BorderValues.Single, Size = 8 },
                new BottomBorder { Val = BorderValues.Single, Size = 8 }, new RightBorder { Val = BorderValues.Single, Size = 8 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 8 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 8 })))
            { Type = StyleValues.Table, StyleId = "TableGrid" });
        var fonts = main.AddNewPart<FontTablePart>();
        fonts.Fonts = new DocumentFormat.OpenXml.Wordprocessing.Fonts(Fonts.Select(f => new Font(
            new AltName { Val = f.AltName }, new Panose1Number { Val = f.Panose }, new FontCharSet { Val = "86" },
            new FontFamily { Val = new EnumValue<FontFamilyValues>(FontFamily(f.Family)) }, new Pitch { Val = FontPitchValues.Variable })
        { Name = f.Name }));
    }

    static FontFamilyValues FontFamily(string family) => family switch
    {
        "script" => FontFamilyValues.Script,
        "modern" => FontFamilyValues.Modern,
        _ => FontFamilyValues.Auto,
    };

    public static RunFonts RunFonts(string font) =>
        new() { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font, Hint = FontTypeHintValues.EastAsia };

    public static Run Run(string text, string font, string size, bool bold = false)
    {
        var props = new RunProperties(RunFonts(font));
        if (bold) props.Append(new Bold());
        props.Append(new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
        var run = new Run(props);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    public static Paragraph Title(string text) =>
        Para(Run(text, TitleFont, SizeTitle), JustificationValues.Center, line: 700);

    public static Paragraph Heading(string text) => Para(Run(text, HeadingFont, SizeBody), firstLine: TwoChars);

    public static Paragraph Body(string text) => Para(Run(text, BodyFont, SizeBody), firstLine: TwoChars);

    public static Paragraph Plain(string text, JustificationValues? align = null, int rightIndent = 0, bool keepNext = false) =>
        Para(Run(text, BodyFont, SizeBody), align, rightIndent: rightIndent, keepNext: keepNext);

    /// <summary>A small-print line under a form.</summary>
    public static Paragraph Note(string text) => Para(Run(text, BodyFont, SizeForm), line: 400);

    /// <summary>An empty line; <paramref name="keepNext"/> keeps it on the page of what follows (the 落款).</summary>
    public static Paragraph Blank(bool keepNext = false) => Para(null, keepNext: keepNext);

    /// <summary>Keeps a paragraph on the same page as the next one (GB/T 9704: the 落款 never stands alone on a page).</summary>
    public static T KeepWithNext<T>(T paragraph) where T : Paragraph
    {
        var props = paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties());
        props.PrependChild(new KeepNext());
        return paragraph;
    }

    static Paragraph Para(Run? run, JustificationValues? align = null, int firstLine = 0, int rightIndent = 0, int? line = null, bool keepNext = false)
    {
        var props = new ParagraphProperties();
        if (keepNext) props.Append(new KeepNext());
        if (line is int l)
            props.Append(new SpacingBetweenLines { Line = l.ToString(System.Globalization.CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact });
        if (firstLine > 0 || rightIndent > 0)
            props.Append(new Indentation
            {
                FirstLine = firstLine > 0 ? firstLine.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                Right = rightIndent > 0 ? rightIndent.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            });
        if (align is { } a) props.Append(new Justification { Val = a });
        var p = new Paragraph(props);
        if (run is not null) p.Append(run);
        return p;
    }

    /// <summary>A two-column form table (label, value) across the text width; <paramref name="tall"/> rows leave room to sign.</summary>
    public static Table Form(IEnumerable<(string Label, string Value, bool Tall)> rows)
    {
        const int labelWidth = 3000;
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = TextWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = labelWidth.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new GridColumn { Width = (TextWidth - labelWidth).ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        foreach (var (label, value, tall) in rows)
            table.Append(new TableRow(
                new TableRowProperties(new TableRowHeight { Val = tall ? 1500u : 680u, HeightType = HeightRuleValues.AtLeast }),
                Cell(label, labelWidth, JustificationValues.Center), Cell(value, TextWidth - labelWidth, JustificationValues.Left)));
        return table;
    }

    /// <summary>
    /// A data table across the text width in 五号, the header row bold and repeated on every page (附表 of a report),
    /// each column as wide as its longest text suggests (5 to 14 characters' worth, then scaled to the text width).
    /// Text stays text: numbers are written as shown on screen.
    /// </summary>
    public static Table Grid(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var weights = headers.Select((h, i) => Math.Clamp(rows.Select(r => i < r.Count ? r[i].Length : 0).Append(h.Length).Max() + 1, 5, 14)).ToList();
        var widths = weights.Select(w => TextWidth * w / weights.Sum()).ToList();
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(new TableRow([new TableRowProperties(new TableHeader()),
            .. headers.Select((h, i) => Cell(h, widths[i], JustificationValues.Center, SizeTable, bold: true))]));
        foreach (var row in rows)
            table.Append(new TableRow(row.Select((text, i) => Cell(text, widths[i], JustificationValues.Center, SizeTable))));
        return table;
    }

    static TableCell Cell(string text, int width, JustificationValues align, string size = SizeForm, bool bold = false) => new(
        new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
        new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Line = "360", LineRule = LineSpacingRuleValues.AtLeast }, new Justification { Val = align }),
            Run(text, BodyFont, size, bold)));

    /// <summary>
    /// A4 portrait with the GB/T 9704 margins and the given footer; <paramref name="lineGrid"/> snaps body lines to the
    /// 22-line grid (not wanted for a form, whose small print would be spread over grid lines).
    /// </summary>
    public static SectionProperties Section(string footerId, bool lineGrid)
    {
        var section = new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
            new SectionType { Val = SectionMarkValues.NextPage },
            new PageSize { Width = (UInt32Value)(uint)PageWidth, Height = (UInt32Value)(uint)PageHeight, Orient = PageOrientationValues.Portrait },
            new PageMargin
            {
                Top = MarginTop, Bottom = MarginBottom, Left = (UInt32Value)(uint)MarginLeft, Right = (UInt32Value)(uint)MarginRight,
                Header = 851u, Footer = 1247u, Gutter = 0u,
            });
        if (lineGrid) section.Append(new DocGrid { Type = DocGridValues.Lines, LinePitch = BodyLine });
        return section;
    }

    /// <summary>“— 1 —” centred in 宋体 四号 (GB/T 9704 §7.5).</summary>
    public static string AddPageNumberFooter(MainDocumentPart main)
    {
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            Run("— ", PageNumberFont, SizeSmall),
            new SimpleField(Run("1", PageNumberFont, SizeSmall)) { Instruction = " PAGE " },
            Run(" —", PageNumberFont, SizeSmall)));
        return main.GetIdOfPart(footer);
    }

    public static string AddEmptyFooter(MainDocumentPart main)
    {
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new Paragraph());
        return main.GetIdOfPart(footer);
    }
}
