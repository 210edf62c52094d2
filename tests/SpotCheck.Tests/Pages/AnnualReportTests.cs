using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SpotCheck.Core.Identity;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Pages;

/// <summary>
/// 年度总结 (issue 13 §4) downloaded from /Staff/Statistics for the demo's 2025, against the figures counted by hand in
/// StatisticsDashboardTests: 192 存续 enterprises (A 57, B 95, C 30, D 10), 12 drawn at 3/5/10/20 %, one 整改 and its
/// re-check, all 13 reviewed and published on time, one task with a problem.
/// </summary>
public sealed class AnnualReportTests
{
    static readonly string ArtifactsDir = Path.Combine(AppContext.BaseDirectory, "artifacts", "annual-report");

    public static TheoryData<DbProvider> Providers => [DbProvider.Sqlite, DbProvider.Postgres];

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task The_2025_report_states_the_dashboard_figures_in_prose_and_appendix_tables(DbProvider provider)
    {
        await using var host = await TestHost.StartOrSkipAsync(provider, demo: true);
        var client = await host.SignedInClientAsync(Roles.Supervisor);

        var page = await client.GetStringAsync("/Staff/Statistics?year=2025");
        Assert.Contains("id=\"docx-link\" href=\"/Staff/Statistics?handler=Docx&amp;year=2025\">下载年度总结（Word）</a>", page);
        var (bytes, text) = await DownloadAsync(client, "/Staff/Statistics?handler=Docx&year=2025");

        Assert.StartsWith("西平县科技和工业信息化局2025年度“双随机、一公开”抽查工作总结\n统计期间：2025年度\n生成时间：", text);
        Assert.Matches(@"生成时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）", text);
        string[] sections = ["一、抽查计划与比例", "二、抽查实施情况", "三、发现问题情况", "四、后续处置情况", "五、结果公示情况", "六、公平性说明", "附表"];
        Assert.Equal(sections, sections.OrderBy(s => text.IndexOf(s, StringComparison.Ordinal)));
        Assert.Contains("本期共制定抽查计划1个", text);
        Assert.Contains("A类（信用风险）抽查比例3%，名录快照57户，应抽2户，实抽2户", text);
        Assert.Contains("D类（信用风险）抽查比例20%，名录快照10户，应抽2户，实抽2户。合计名录快照192户，应抽12户，实抽12户。", text);
        Assert.Contains("本期共有抽查任务13个，其中抽查计划任务12个、计划外任务（举报、交办、复查等）1个；已完成检查13个，已审核13个，已公示13个。", text);
        Assert.Contains("检查对象名录库内存续企业192户，本期已检查12户（一户多次只计一次），覆盖率6.3%", text);
        Assert.Contains("B类 信用风险一般名录内95户、已检查5户、覆盖率5.3%", text);
        Assert.Contains("张明13个、李华13个", text);
        Assert.Contains("已审核的13个任务中，发现问题的1个，问题发现率7.7%。", text);
        Assert.Contains("责令限期整改1件，其中已复查1件，已完结1件，未完结0件（逾期未完结0件）。", text);
        Assert.Contains("已公示检查结果13个，其中按时公示13个、逾期公示0个", text);
        Assert.Contains("按时公示率（自检查结束之日起20个工作日内公示）为100.0%。", text);
        Assert.Contains("各层抽取数均等于按计划比例计算的应抽数（4个层，共抽取12户）", text);
        Assert.Contains("综上，本期抽查未发现对检查对象或检查人员的偏向。", text);
        Assert.Contains("附表1　检查覆盖（按信用风险分类）", text);

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var runs = doc.MainDocumentPart!.Document!.Body!.Descendants<Run>().ToList();
        Assert.All(runs, r => Assert.False(string.IsNullOrEmpty(r.RunProperties?.RunFonts?.EastAsia?.Value), "a run without an East Asian font"));
        var coverage = doc.MainDocumentPart.Document.Body.Elements<Table>().First();
        Assert.Equal(["信用风险分类", "名录内（存续）", "已检查企业", "覆盖率（%）"], coverage.Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText));
        Assert.Equal(["A类 信用风险低", "57", "2", "3.5"], coverage.Elements<TableRow>().ElementAt(1).Elements<TableCell>().Select(c => c.InnerText));

        var (_, risky) = await DownloadAsync(client, "/Staff/Statistics?handler=Docx&year=2025&risk=D");
        Assert.Contains("统计期间：2025年度，风险等级：D类 信用风险高", risky);
        Assert.Contains("本期共有抽查任务2个，其中抽查计划任务2个", risky);
    }

    [SkippableFact]
    public async Task LibreOffice_prints_the_report_with_its_chinese_intact()
    {
        await using var host = await TestHost.StartOrSkipAsync(DbProvider.Sqlite, demo: true);
        var client = await host.SignedInClientAsync(Roles.Officer);
        var (bytes, _) = await DownloadAsync(client, "/Staff/Statistics?handler=Docx&year=2025");
        Directory.CreateDirectory(ArtifactsDir);
        var docx = Path.Combine(ArtifactsDir, "annual-report-2025.docx");
        await File.WriteAllBytesAsync(docx, bytes);

        var text = await LibreOffice.DocxAsPdfTextAsync(docx, Path.ChangeExtension(docx, ".pdf"));

        var flat = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("西平县科技和工业信息化局2025年度“双随机、一公开”抽查工作总结", flat);
        Assert.Contains("一、抽查计划与比例", flat);
        Assert.Contains("已审核的13个任务中，发现问题的1个，问题发现率7.7%。", flat);
        Assert.Contains("六、公平性说明", flat);
        Assert.Contains("附表1检查覆盖（按信用风险分类）", flat);
    }

    static async Task<(byte[] Bytes, string Text)> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var text = string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0));
        return (bytes, text);
    }
}
