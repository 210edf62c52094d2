using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SpotCheck.Core.Data;
using SpotCheck.Core.Notices;

namespace SpotCheck.Core.Statistics;

/// <summary>
/// 年度“双随机、一公开”抽查工作总结 (issue 13 §4): what a bureau files with its superior, as a .docx in the official
/// document style — six sections of prose (<see cref="AnnualReportText"/>) and the dashboards' tables as 附表, all
/// from one <see cref="StatisticsDashboard"/> computation, so its figures equal the screen, the print and the xlsx.
/// </summary>
public static class AnnualReport
{
    public sealed class Handler(AppDbContext db, StatisticsDashboard.Handler dashboard, FairnessReport.Handler fairness, TimeProvider clock)
    {
        public async Task<byte[]> HandleAsync(StatisticsFilter filter, CancellationToken ct = default)
        {
            var d = await dashboard.HandleAsync(filter, ct);
            var f = await fairness.HandleAsync(filter, d.Strata, ct);
            var heading = await StatisticsHeading.ResolveAsync(db, filter, d.Plans, ct);
            return Build(heading, clock.GetUtcNow().UtcDateTime, d, f);
        }
    }

    public static string Title(StatisticsHeading heading, int year) => $"{heading.Bureau}{year}年度“双随机、一公开”抽查工作总结";

    public static byte[] Build(StatisticsHeading heading, DateTime generatedAtUtc, StatisticsDashboard.Dashboard d, FairnessReport.Report f)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            OfficialDocx.AddParts(main);
            var body = new Body(OfficialDocx.Title(Title(heading, d.Filter.Year)),
                OfficialDocx.Plain("统计期间：" + heading.Period, JustificationValues.Center),
                OfficialDocx.Plain($"生成时间：{ChinaTime(generatedAtUtc)}（北京时间）", JustificationValues.Center),
                OfficialDocx.Blank());
            foreach (var (title, paragraphs) in AnnualReportText.Sections(d, f))
            {
                body.Append(OfficialDocx.KeepWithNext(OfficialDocx.Heading(title)));
                foreach (var p in paragraphs) body.Append(OfficialDocx.Body(p));
            }
            AppendTables(body, StatisticsTables.Work(d, f));
            body.Append(OfficialDocx.Section(OfficialDocx.AddPageNumberFooter(main), lineGrid: false));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>附表1 … on a new page: each dashboard table with its note; an empty one says 无.</summary>
    static void AppendTables(Body body, IReadOnlyList<StatTable> tables)
    {
        var appendix = OfficialDocx.Heading("附表");
        appendix.ParagraphProperties!.PrependChild(new PageBreakBefore());
        body.Append(OfficialDocx.KeepWithNext(appendix));
        for (var i = 0; i < tables.Count; i++)
        {
            var t = tables[i];
            body.Append(OfficialDocx.KeepWithNext(OfficialDocx.Plain($"附表{(i + 1).ToString(CultureInfo.InvariantCulture)}　{t.Title}")));
            if (t.Rows.Count == 0) body.Append(OfficialDocx.Note("无。"));
            else body.Append(OfficialDocx.Grid(t.Headers, [.. t.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(c => c.Text)])]));
            if (t.Note is { } note) body.Append(OfficialDocx.Note("注：" + note));
            body.Append(OfficialDocx.Blank());
        }
    }

    /// <summary>China has kept UTC+8 without daylight saving since 1991.</summary>
    static string ChinaTime(DateTime utc) => utc.AddHours(8).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
