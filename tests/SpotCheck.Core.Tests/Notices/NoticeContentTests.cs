using DocumentFormat.OpenXml.Wordprocessing;
using SpotCheck.Core.Notices;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Notices;

/// <summary>What the generated .docx says and how it is laid out, read back with the Open XML SDK.</summary>
public sealed class NoticeContentTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task The_inspection_notice_is_an_A4_official_document_in_CJK_fonts(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await NoticeKit.CreateAsync(store);
        var id = await kit.Tasks.ComplaintTaskAsync(0, 1);
        await kit.IssueAsync(id, NoticeKind.Inspection);
        using var doc = new Docx((await kit.DownloadAsync(id, NoticeKind.Inspection)).Bytes);

        // Two sections, the notice and its 送达回证, each A4 portrait with the GB/T 9704 margins (37/35/28/26 mm).
        Assert.Equal(2, doc.Sections.Count);
        foreach (var section in doc.Sections)
        {
            var size = section.GetFirstChild<PageSize>()!;
            Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
            var margin = section.GetFirstChild<PageMargin>()!;
            Assert.Equal((2098, 1984, 1587u, 1474u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
        }

        var title = doc.ParagraphWith("检查通知书").Descendants<RunProperties>().Single();
        Assert.Equal(("方正小标宋简体", "44"), (title.RunFonts!.EastAsia!.Value, title.FontSize!.Val!.Value));
        var opening = doc.Body.Descendants<Paragraph>().First(p => p.InnerText.StartsWith("根据举报线索", StringComparison.Ordinal));
        var body = opening.Descendants<RunProperties>().Single();
        Assert.Equal(("仿宋_GB2312", "仿宋_GB2312", "32"), (body.RunFonts!.EastAsia!.Value, body.RunFonts.Ascii!.Value, body.FontSize!.Val!.Value));
        Assert.Equal(FontTypeHintValues.EastAsia, body.RunFonts.Hint!.Value);
        Assert.Equal("640", opening.ParagraphProperties!.Indentation!.FirstLine!.Value);

        // Readers without the official fonts substitute by the alternative name and the GB2312 charset; text is zh-CN.
        var fonts = doc.Main.FontTablePart!.Fonts.Elements<Font>().ToDictionary(f => f.Name!.Value!);
        Assert.Equal(("仿宋", "86"), (fonts["仿宋_GB2312"].AltName!.Val!.Value, fonts["仿宋_GB2312"].FontCharSet!.Val!.Value));
        Assert.Equal(("宋体", "86"), (fonts["方正小标宋简体"].AltName!.Val!.Value, fonts["方正小标宋简体"].FontCharSet!.Val!.Value));
        var language = doc.Main.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<Languages>().Single();
        Assert.Equal(("zh-CN", "zh-CN"), (language.EastAsia!.Value, language.Val!.Value));

        // The notice pages carry “— n —” page numbers; the 送达回证 page does not.
        var footers = doc.Sections.Select(s => doc.Main.GetPartById(s.GetFirstChild<FooterReference>()!.Id!.Value!)).Cast<DocumentFormat.OpenXml.Packaging.FooterPart>().ToList();
        Assert.Equal(" PAGE ", footers[0].Footer.Descendants<SimpleField>().Single().Instruction!.Value);
        Assert.Empty(footers[1].Footer.InnerText);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task The_inspection_notice_names_authority_addressee_items_officers_rights_and_contact(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await NoticeKit.CreateAsync(store);
        var id = await kit.Tasks.ComplaintTaskAsync(0, 1);
        var issued = await kit.IssueAsync(id, NoticeKind.Inspection);
        Assert.Equal("西市监检通〔2026〕1号", issued.Number);
        var download = await kit.DownloadAsync(id, NoticeKind.Inspection);
        Assert.Equal("检查通知书-西市监检通〔2026〕1号.docx", download.FileName);
        using var doc = new Docx(download.Bytes);
        var p = doc.Paragraphs;

        Assert.Equal(["西平县市场监督管理局", "检查通知书", "西市监检通〔2026〕1号"], p.Take(3));
        Assert.Equal(["被检查单位：西平县示例煤业有限公司", "统一社会信用代码：91350100M000100Y43", "住所（经营场所）：西平县柏城大道1号", "西平县示例煤业有限公司："],
            p.Skip(3).Take(4));
        var opening = p.Single(x => x.StartsWith("根据举报线索，", StringComparison.Ordinal));
        Assert.Contains("我局定于2026年12月31日前对你单位开展检查", opening);
        Assert.DoesNotContain("双随机", doc.Text);
        Assert.DoesNotContain("JB-2026-0001", doc.Text); // the complaint's number stays internal

        // Only the task's item, with its legal basis: the vehicle item exists but is not this firm's.
        Assert.Contains("（一）煤炭经营。执法依据：《煤炭法》。检查内容：告知性备案及变更。检查方式：实地检查、书面检查。", p);
        Assert.DoesNotContain(kit.VehicleItem.Name, doc.Text);
        Assert.DoesNotContain("道路交通安全法", doc.Text);

        Assert.Contains("检查员1（执法证号：CERT1，组长）、检查员2（执法证号：CERT2）。检查人员不少于两人，检查时将主动出示行政执法证件。", p);
        Assert.Contains(p, x => x.Contains("与“煤炭经营”检查内容（告知性备案及变更）有关的证照、台账、合同、票据、报告等档案资料", StringComparison.Ordinal));
        Assert.Contains(p, x => x.Contains("开放相关生产经营场所、仓储场所接受实地检查", StringComparison.Ordinal));
        Assert.Contains(p, x => x.Contains("有权申请回避", StringComparison.Ordinal));
        Assert.Contains(p, x => x.Contains("有权进行陈述和申辩", StringComparison.Ordinal));
        Assert.Contains(p, x => x.Contains("未出示行政执法证件的，你单位有权拒绝接受检查", StringComparison.Ordinal));
        Assert.Contains("联系人：王晓；联系电话：0396-6220000；联系地址：西平县柏城大道88号。", p);
        Assert.Equal(["一、检查事项及依据", "二、检查时间", "三、检查人员", "四、请准备的材料", "五、你单位的权利和义务", "六、联系方式"],
            p.Where(x => x.Length > 2 && x[1] == '、' && "一二三四五六七".Contains(x[0])));

        // 落款: room for the seal, the authority and the issue date (China time).
        var seal = p.ToList().IndexOf("西平县市场监督管理局（印章）");
        Assert.True(seal > 0);
        Assert.Equal(["", ""], p.Skip(seal - 2).Take(2));
        Assert.NotNull(doc.ParagraphWith("西平县市场监督管理局（印章）").ParagraphProperties!.KeepNext);
        Assert.Equal("2026年11月26日", p[seal + 1]);

        var receipt = doc.ReceiptRows;
        Assert.Equal("检查通知书　西市监检通〔2026〕1号", receipt["送达文书名称及文号"]);
        Assert.Equal("西平县示例煤业有限公司\n统一社会信用代码：91350100M000100Y43", receipt["受送达人"]);
        Assert.Equal("西平县柏城大道1号", receipt["送达地点"]);
        Assert.Contains("□直接送达", receipt["送达方式"]);
        Assert.Contains("□电子送达", receipt["送达方式"]);
        Assert.Equal("", receipt["签收人\n（签名或盖章）"]);
        Assert.Equal("　　　　年　　月　　日", receipt["签收日期"]);
        Assert.Contains("送达人（签名）", receipt.Keys);
        Assert.Contains("见证人（签名）", receipt.Keys);
        Assert.Contains("送达回证", p);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_drawn_task_cites_the_draw_and_a_recheck_cites_the_rectification_order(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await NoticeKit.CreateAsync(store);

        var drawn = await kit.DrawTaskAsync();
        await kit.IssueAsync(drawn, NoticeKind.Inspection);
        using (var doc = new Docx((await kit.DownloadAsync(drawn, NoticeKind.Inspection)).Bytes))
        {
            Assert.Contains(doc.Paragraphs, x => x.StartsWith("根据“双随机、一公开”监管工作安排，你单位经随机抽取（抽取编号：2026-P1-01）确定为检查对象，", StringComparison.Ordinal));
            Assert.Contains("抽查比例与频次：5%。", doc.Text);
        }

        var original = await kit.ApprovedComplaintTaskAsync();
        var result = await kit.IssueAsync(original, NoticeKind.Result);
        var recheck = store.Db.InspectionTasks.Single(t => t.RecheckOfTaskId == original).Id;
        await kit.IssueAsync(recheck, NoticeKind.Inspection);
        using var notice = new Docx((await kit.DownloadAsync(recheck, NoticeKind.Inspection)).Bytes);
        var opening = notice.Paragraphs.Single(x => x.StartsWith("你单位于", StringComparison.Ordinal));
        Assert.Equal($"你单位于2026年11月25日经检查发现问题，我局已责令你单位于2026年12月10日前完成整改（原检查任务第{original}号，{result.Number}）。"
            + "根据整改复查安排，依据下列检查事项的执法依据，我局定于2026年12月17日前对你单位的整改情况进行复查。现将有关事项通知如下：", opening);
        Assert.Contains("整改情况的书面报告及相关证明材料。", notice.Text);
        Assert.DoesNotContain("双随机", notice.Text);
        Assert.DoesNotContain("举报", notice.Text);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task The_result_notice_states_the_findings_the_remedies_and_the_exact_publication_date(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await NoticeKit.CreateAsync(store);
        var id = await kit.Tasks.ComplaintTaskAsync(0, 1);
        var inspection = await kit.IssueAsync(id, NoticeKind.Inspection);
        Assert.Equal("notice.not_approved", (await kit.Issuer().HandleAsync(id, NoticeKind.Result, Tasks.TaskKit.Planner)).Error!.Code);
        await kit.Tasks.SubmitAsync(id, kit.Tasks.Record("PROBLEM_PENDING;COAL_NOT_FILED", "RECTIFY", new DateOnly(2026, 12, 10)), 0, 1);
        Assert.True((await new Reviews.ApproveRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(id, Tasks.TaskKit.Reviewer)).IsSuccess);

        var issued = await kit.IssueAsync(id, NoticeKind.Result);
        Assert.Equal("西市监检告〔2026〕1号", issued.Number); // its own series
        using var doc = new Docx((await kit.DownloadAsync(id, NoticeKind.Result)).Bytes);
        var p = doc.Paragraphs;
        Assert.Equal(["西平县市场监督管理局", "检查结果告知书", "西市监检告〔2026〕1号"], p.Take(3));
        Assert.Contains($"根据举报线索，我局检查人员于2026年11月25日对你单位进行了检查（检查通知书：{inspection.Number}）。现将检查结果告知如下：", p);
        Assert.Contains("检查日期：2026年11月25日；检查地点：企业经营场所；检查方式：实地检查。", p);
        Assert.Contains("检查人员：检查员1（执法证号：CERT1，组长）、检查员2（执法证号：CERT2）。", p);
        Assert.Contains("检查情况：现场核查经营台账。", p);
        Assert.Contains("未备案/变更未告知；发现问题待后续处理。", p);
        Assert.Contains("请你单位于2026年12月10日前完成整改，并将整改情况书面报告我局；我局将对整改情况进行复查。", p);
        // Approved on 2026-11-26; 20 working days under the loaded 2026 calendar.
        Assert.Contains("本次检查结果将于2026年12月24日前通过国家企业信用信息公示系统等渠道依法向社会公示。", p);
        Assert.Contains(p, x => x.Contains("可以自收到本告知书之日起15个工作日内向我局书面提出", StringComparison.Ordinal));
        Assert.Contains(p, x => x.Contains("六十日内向西平县人民政府申请行政复议，也可以自收到本告知书之日起六个月内向西平县人民法院提起行政诉讼", StringComparison.Ordinal));
        Assert.Contains(p, x => x.Contains("有权进行陈述和申辩", StringComparison.Ordinal));
        Assert.Contains("检查结果告知书　西市监检告〔2026〕1号", doc.ReceiptRows["送达文书名称及文号"]);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_deadline_counted_without_the_next_years_calendar_is_never_printed(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await NoticeKit.CreateAsync(store);
        // issue 11: approved on 2026-12-04, the 20 working days run into 2027, whose holidays are not loaded.
        store.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero));
        var id = await kit.ApprovedComplaintTaskAsync("NO_PROBLEM", "NONE_REQUIRED");
        Assert.Equal(2027, store.Db.InspectionRecords.Single(r => r.TaskId == id).DeadlineYearMissing);

        await kit.IssueAsync(id, NoticeKind.Result);
        using var doc = new Docx((await kit.DownloadAsync(id, NoticeKind.Result)).Bytes);
        Assert.Contains("本次检查结果将自检查结束之日起20个工作日内通过国家企业信用信息公示系统等渠道依法向社会公示。", doc.Paragraphs);
        Assert.DoesNotContain("2027年", doc.Text);
        Assert.DoesNotContain("暂定", doc.Text);
    }
}
