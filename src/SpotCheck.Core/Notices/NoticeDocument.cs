using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SpotCheck.Core.Notices;

/// <summary>
/// An issued notice as a .docx: the notice itself (page-numbered), then its 送达回证 on a page of its own, which the
/// officer fills in when handing the notice over.
/// </summary>
public static class NoticeDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Build(NoticeContent c, string number, DateOnly issuedOn)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            OfficialDocx.AddParts(main);
            var body = new Body();
            foreach (var authority in c.Authorities) body.Append(OfficialDocx.Title(authority));
            body.Append(OfficialDocx.Title(c.Title));
            body.Append(OfficialDocx.Plain(number, JustificationValues.Right));
            body.Append(OfficialDocx.Plain($"被检查单位：{c.Addressee}"));
            body.Append(OfficialDocx.Plain($"统一社会信用代码：{c.Uscc}"));
            body.Append(OfficialDocx.Plain($"住所（经营场所）：{c.Address}"));
            body.Append(OfficialDocx.Plain($"{c.Addressee}："));
            body.Append(OfficialDocx.Body(c.Opening));
            for (var i = 0; i < c.Sections.Count; i++)
            {
                var last = i == c.Sections.Count - 1;
                body.Append(OfficialDocx.KeepWithNext(OfficialDocx.Heading($"{NoticeWording.Chinese(i + 1)}、{c.Sections[i].Heading}")));
                foreach (var p in c.Sections[i].Paragraphs)
                    body.Append(last ? OfficialDocx.KeepWithNext(OfficialDocx.Body(p)) : OfficialDocx.Body(p));
            }
            AppendSignature(body, c, issuedOn);
            body.Append(new Paragraph(new ParagraphProperties(OfficialDocx.Section(OfficialDocx.AddPageNumberFooter(main), lineGrid: true))));

            AppendServiceReceipt(body, c, number);
            body.Append(OfficialDocx.Section(OfficialDocx.AddEmptyFooter(main), lineGrid: false));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>落款: room for the seal, each authority's name and the date, right-aligned, kept with the last section.</summary>
    static void AppendSignature(Body body, NoticeContent c, DateOnly issuedOn)
    {
        body.Append(OfficialDocx.Blank(keepNext: true), OfficialDocx.Blank(keepNext: true));
        foreach (var authority in c.Authorities) body.Append(OfficialDocx.Plain($"{authority}（印章）", JustificationValues.Right, rightIndent: 640, keepNext: true));
        body.Append(OfficialDocx.Plain(NoticeWording.Date(issuedOn), JustificationValues.Right, rightIndent: 1280));
    }

    /// <summary>送达回证: what was served on whom, where and how, with the receipt and the server's signatures.</summary>
    static void AppendServiceReceipt(Body body, NoticeContent c, string number)
    {
        foreach (var authority in c.Authorities) body.Append(OfficialDocx.Title(authority));
        body.Append(OfficialDocx.Title("送达回证"));
        const string date = "　　　　年　　月　　日";
        body.Append(OfficialDocx.Form(
        [
            ("送达文书名称及文号", $"{c.Title}　{number}", false),
            ("受送达人", $"{c.Addressee}\n统一社会信用代码：{c.Uscc}", false),
            ("送达地点", c.Address, false),
            ("送达方式", "□直接送达　□留置送达　□邮寄送达\n□电子送达（受送达人已签署送达地址确认书）", false),
            ("签收人\n（签名或盖章）", "", true),
            ("签收日期", date, false),
            ("代收人及代收理由", "", false),
            ("送达人（签名）", "\n\n" + date, true),
            ("见证人（签名）", "", false),
            ("备注", "", true),
        ]));
        body.Append(OfficialDocx.Note("注：受送达人拒绝签收的，送达人可以邀请有关基层组织或者所在单位的代表到场，在备注栏记明拒收事由和日期，由送达人、见证人签名或者盖章，把文书留在受送达人的住所（留置送达）。"));
    }
}
