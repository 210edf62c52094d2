using System.Buffers.Binary;
using SpotCheck.Core.Notices;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;
using UglyToad.PdfPig;

namespace SpotCheck.Core.Tests.Notices;

/// <summary>
/// Both notices through LibreOffice headless as a bureau's printer would see them: A4 pages, the Chinese text intact
/// in a CJK font, and page 1 of each saved as a PNG under artifacts/notices.
/// </summary>
public sealed class NoticeRenderTests
{
    static readonly string ArtifactsDir = Path.Combine(AppContext.BaseDirectory, "artifacts", "notices");

    [RenderFact]
    public async Task Both_notices_render_to_A4_PDF_with_the_Chinese_text_intact()
    {
        await using var database = (await TestDatabase.CreateAsync(DbProvider.Sqlite))!;
        await using var store = new Store(database);
        var kit = await NoticeKit.CreateAsync(store);
        var id = await kit.Tasks.ComplaintTaskAsync(0, 1);
        var numbers = new Dictionary<string, string> { ["inspection-notice"] = (await kit.IssueAsync(id, NoticeKind.Inspection)).Number };
        await kit.Tasks.SubmitAsync(id, kit.Tasks.Record("PROBLEM_PENDING;COAL_NOT_FILED", "RECTIFY", new DateOnly(2026, 12, 10)), 0, 1);
        Assert.True((await new Reviews.ApproveRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(id, Tasks.TaskKit.Reviewer)).IsSuccess);
        numbers["result-notice"] = (await kit.IssueAsync(id, NoticeKind.Result)).Number;
        var work = Path.Combine(Path.GetTempPath(), "spotcheck-notices-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        Directory.CreateDirectory(ArtifactsDir);
        try
        {
            foreach (var (kind, name) in new[] { (NoticeKind.Inspection, "inspection-notice"), (NoticeKind.Result, "result-notice") })
                await File.WriteAllBytesAsync(Path.Combine(work, name + ".docx"), (await kit.DownloadAsync(id, kind)).Bytes);
            var docx = numbers.Keys.Select(n => Path.Combine(work, n + ".docx")).ToArray();
            await RenderTools.ToPdfAsync(work, docx);

            foreach (var (name, number) in numbers)
            {
                var pdf = Path.Combine(work, name + ".pdf");
                var png = Path.Combine(work, name + ".png");
                await RenderTools.FirstPageToPngAsync(pdf, png);
                File.Copy(pdf, Path.Combine(ArtifactsDir, name + ".pdf"), overwrite: true);
                File.Copy(png, Path.Combine(ArtifactsDir, name + ".png"), overwrite: true);

                using var document = PdfDocument.Open(pdf);
                var pages = document.GetPages().ToList();
                Assert.True(pages.Count >= 2, $"{name}: the notice and its 送达回证 need at least two pages");
                Assert.All(pages, p => Assert.True(Math.Abs(p.Width - 595.3) < 1 && Math.Abs(p.Height - 841.9) < 1, $"{name}: page {p.Number} is {p.Width}×{p.Height} pt, not A4"));
                var first = Compact(pages[0].Text);
                Assert.Contains("西平县示例煤业有限公司", first);
                Assert.Contains(number, first);
                Assert.Contains("统一社会信用代码：91350100M000100Y43", first);
                var last = Compact(pages[^1].Text);
                Assert.Contains("送达回证", last);
                Assert.Contains(number, last);
                // Every Chinese character came out in a font that has it (here the WenQuanYi fallback), not as blanks.
                var cjk = pages.SelectMany(p => p.Letters).Where(l => l.Value.Any(c => c is >= '\u4e00' and <= '\u9fff')).ToList();
                Assert.NotEmpty(cjk);
                Assert.All(cjk.Select(l => l.FontName).Distinct(), f => Assert.Matches(CjkFont, f));

                // Page 1 as a picture: an A4-shaped PNG.
                var header = await File.ReadAllBytesAsync(png);
                var (width, height) = (BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
                Assert.InRange(height * 1000 / width, 1400, 1428);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The official fonts where installed, otherwise a CJK family (WenQuanYi Zen Hei on CI).</summary>
    const string CjkFont = "(?i)WenQuanYi|FangSong|XiaoBiaoSong|SimSun|SimHei|Song|Hei|Kai|CJK|Source ?Han|FZ|仿宋|宋|黑";

    static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
