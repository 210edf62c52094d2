using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SpotCheck.Core.Notices;

/// <summary>A minimal .docx: a centred title and plain paragraphs, in a Chinese font (宋体).</summary>
static class NoticeDocument
{
    public static byte[] Build(string title, IEnumerable<string> paragraphs)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(title, bold: true, size: "36", centred: true));
            foreach (var p in paragraphs) body.Append(Paragraph(p, bold: false, size: "24", centred: false));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    static Paragraph Paragraph(string text, bool bold, string size, bool centred)
    {
        var runProps = new RunProperties(new RunFonts { Ascii = "SimSun", HighAnsi = "SimSun", EastAsia = "宋体" }, new FontSize { Val = size });
        if (bold) runProps.Append(new Bold());
        var paragraph = new Paragraph();
        if (centred) paragraph.Append(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        paragraph.Append(new Run(runProps, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }
}
