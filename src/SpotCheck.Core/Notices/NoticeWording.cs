using System.Globalization;
using SpotCheck.Core.Items;
using SpotCheck.Core.Publication;
using SpotCheck.Core.Reviews;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Notices;

/// <summary>
/// The text of 检查通知书 and 检查结果告知书 after 司法部《行政检查文书基本格式文本（试行）》: the grounds (worded per task
/// source), the items with their 执法依据, the officers with their 执法证 numbers, the enterprise's rights and remedies,
/// the contact and, after the check, the result and the publication date when it is exact.
/// </summary>
public static class NoticeWording
{
    public static NoticeContent Compose(NoticeKind kind, NoticeFacts f) =>
        kind == NoticeKind.Inspection ? Inspection(f) : Result(f);

    /// <summary>GB/T 9704-2012 §7.3.5.2: Arabic numerals, year in full, no leading zeros.</summary>
    public static string Date(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{d.Year}年{d.Month}月{d.Day}日");

    /// <summary>
    /// The one place a notice reads the publication deadline: the date stored on the approved record, and only when it
    /// is exact. A deadline counted without a year's holiday calendar is never printed.
    /// </summary>
    public static DateOnly? ExactPublicationDeadline(InspectionRecord r) =>
        r is { PublicationDeadline: { } d, DeadlineYearMissing: null } ? d : null;

    public static string Publication(InspectionRecord r) => ExactPublicationDeadline(r) is { } d
        ? $"本次检查结果将于{Date(d)}前通过国家企业信用信息公示系统等渠道依法向社会公示。"
        : $"本次检查结果将自检查结束之日起{Deadline.Workdays}个工作日内通过国家企业信用信息公示系统等渠道依法向社会公示。";

    static NoticeContent Inspection(NoticeFacts f)
    {
        var self = Self(f);
        var what = f.Recheck is null ? "开展检查" : "的整改情况进行复查";
        var opening = $"{Grounds(f)}，依据下列检查事项的执法依据，{self}定于{Date(f.Task.DueDate)}前对你单位{what}。现将有关事项通知如下：";
        return Content(f, NoticeKind.Inspection, opening,
        [
            new("检查事项及依据", Items(f)),
            new("检查时间", [$"{Date(f.Task.DueDate)}前。具体时间由检查人员与你单位联系确定。"]),
            new("检查人员", [$"{Officers(f)}。检查人员不少于两人，检查时将主动出示行政执法证件。"]),
            new("请准备的材料", Numbered(Materials(f))),
            new("你单位的权利和义务", Numbered(InspectionRights(self))),
            new("联系方式", [Contact(f)]),
        ]);
    }

    static NoticeContent Result(NoticeFacts f)
    {
        var r = f.Record!;
        var self = Self(f);
        var what = f.Recheck is null ? "进行了检查" : "的整改情况进行了复查";
        var notice = f.InspectionNoticeNumber is { } n ? $"（检查通知书：{n}）" : "";
        var opening = $"{Grounds(f)}，{self}检查人员于{Date(r.InspectedOn)}对你单位{what}{notice}。现将{(f.Recheck is null ? "检查" : "复查")}结果告知如下：";
        var findings = new List<string>
        {
            $"检查日期：{Date(r.InspectedOn)}；检查地点：{r.Place}；检查方式：{Labels(r.MethodList, ItemCodes.Methods)}。",
            $"检查人员：{Officers(f)}。",
        };
        if (!string.IsNullOrWhiteSpace(r.Findings)) findings.Add($"检查情况：{Sentence(r.Findings)}");
        var result = RecordCodes.Labels(r.ResultList, RecordCodes.Results) + (r.ResultOtherText is { Length: > 0 } other ? $"（{other}）" : "");
        return Content(f, NoticeKind.Result, opening,
        [
            new("检查事项及依据", Items(f)),
            new("检查情况", findings),
            new("检查结果", [Sentence(result)]),
            new("后续处置", FollowUps(r, self)),
            new("结果公示", [Publication(r)]),
            new("异议和权利救济", Numbered(ResultRights(f, self))),
            new("联系方式", [Contact(f)]),
        ]);
    }

    static NoticeContent Content(NoticeFacts f, NoticeKind kind, string opening, IReadOnlyList<NoticeSection> sections) =>
        new(kind, [.. f.Authorities.Select(a => a.Name)], f.Enterprise.Name, f.Enterprise.Uscc, f.Enterprise.Address, opening, sections);

    /// <summary>Why the enterprise is checked: a random draw, a complaint, a re-check of a 责令整改, …</summary>
    static string Grounds(NoticeFacts f)
    {
        if (f.Recheck is { } o)
        {
            var found = o.InspectedOn is { } d ? $"于{Date(d)}" : "";
            var due = o.RectifyDueDate is { } r ? $"于{Date(r)}前" : "限期";
            var cited = o.ResultNoticeNumber is { } n ? $"，{n}" : "";
            return $"你单位{found}经检查发现问题，{Self(f)}已责令你单位{due}完成整改（原检查任务第{o.TaskId}号{cited}）。根据整改复查安排";
        }
        return f.Task.Source switch
        {
            TaskSource.AnnualPlan or TaskSource.AdHocRandom =>
                "根据“双随机、一公开”监管工作安排，你单位经随机抽取" + (f.Task.DrawId is { } id ? $"（抽取编号：{id}）" : "") + "确定为检查对象",
            TaskSource.Complaint => "根据举报线索",
            TaskSource.Assigned => "根据上级交办（转办）事项",
            TaskSource.Patrol => "根据日常监管工作安排",
            TaskSource.DataAlert => "根据监测发现的线索",
            _ => "根据监管工作安排",
        };
    }

    static List<string> Items(NoticeFacts f) =>
    [
        .. f.Items.Select((i, n) =>
            $"（{Chinese(n + 1)}）{i.Name}。执法依据：{Sentence(i.LegalBasis)}检查内容：{Sentence(i.Content)}检查方式：{Labels(i.MethodList, ItemCodes.Methods)}。"
            + (f.Task.IsRandom && i.RatioFrequencyNote.Length > 0 ? $"抽查比例与频次：{Sentence(i.RatioFrequencyNote)}" : "")),
    ];

    static string Officers(NoticeFacts f) =>
        string.Join("、", f.Team.Select(o => $"{o.Name}（执法证号：{o.CertificateNo}{(o.IsLeader ? "，组长" : "")}）"));

    /// <summary>From the items' 抽查方式 and 抽查内容: what the enterprise should have ready.</summary>
    static List<string> Materials(NoticeFacts f)
    {
        var list = new List<string> { "营业执照（副本）复印件、法定代表人（负责人）身份证明；委托他人配合检查的，请出具授权委托书及受托人身份证件。" };
        if (f.Recheck is not null) list.Add("整改情况的书面报告及相关证明材料。");
        list.AddRange(f.Items.Where(i => i.MethodList.Contains("DOCUMENT"))
            .Select(i => $"与“{i.Name}”检查内容（{Clause(i.Content)}）有关的证照、台账、合同、票据、报告等档案资料。"));
        var methods = f.Items.SelectMany(i => i.MethodList).ToHashSet(StringComparer.Ordinal);
        if (methods.Contains("ONSITE")) list.Add("检查时请安排熟悉情况的人员在场，开放相关生产经营场所、仓储场所接受实地检查。");
        if (methods.Contains("ONLINE")) list.Add("网站、网店等网络经营信息的账号及相关资料。");
        if (methods.Contains("LAB_TEST")) list.Add("检验检测所需的样品及其进货、生产凭证。");
        if (methods.Contains("ADOPT_RESULT") || methods.Contains("EXPERT_ASSIST")) list.Add("已有的检验检测报告、专业机构意见等材料。");
        return list;
    }

    static List<string> InspectionRights(string self) =>
    [
        "检查人员未出示行政执法证件的，你单位有权拒绝接受检查。",
        "你单位认为检查人员与你单位有直接利害关系或者有其他关系可能影响公正检查的，有权申请回避。",
        "你单位对检查中发现的问题有权进行陈述和申辩。",
        "检查人员不得索取、收受财物，不得谋取其他利益；发现检查人员违反检查纪律的，你单位可以向" + self + "或者纪检监察机关反映。",
        "你单位应当如实提供有关情况和资料，不得拒绝、阻碍检查。",
    ];

    static List<string> ResultRights(NoticeFacts f, string self)
    {
        var s = f.Settings;
        var review = s.ReviewBody.Length > 0 ? $"向{s.ReviewBody}申请行政复议" : "依法申请行政复议";
        var court = s.Court.Length > 0 ? $"向{s.Court}提起行政诉讼" : "依法向人民法院提起行政诉讼";
        return
        [
            $"你单位对检查结果有异议的，可以自收到本告知书之日起{s.ObjectionWorkdays.ToString(CultureInfo.InvariantCulture)}个工作日内向{self}书面提出，并提供相关证明材料；{self}将依法核实处理。",
            "你单位对检查结果有权进行陈述和申辩。",
            $"你单位对本告知书所涉行政行为不服的，可以自收到本告知书之日起六十日内{review}，也可以自收到本告知书之日起六个月内{court}。",
        ];
    }

    static List<string> FollowUps(InspectionRecord r, string self)
    {
        var list = new List<string>
        {
            Sentence(RecordCodes.Labels(r.FollowUpList, RecordCodes.FollowUps) + (r.FollowUpOtherText is { Length: > 0 } o ? $"（{o}）" : "")),
        };
        if (r.RectifyDueDate is { } due)
            list.Add($"请你单位于{Date(due)}前完成整改，并将整改情况书面报告{self}；{self}将对整改情况进行复查。");
        return list;
    }

    static string Contact(NoticeFacts f)
    {
        const string blank = "＿＿＿＿＿＿";
        var s = f.Settings;
        var text = $"联系人：{(s.ContactName.Length > 0 ? s.ContactName : blank)}；联系电话：{(s.ContactPhone.Length > 0 ? s.ContactPhone : blank)}";
        return text + (s.ContactAddress.Length > 0 ? $"；联系地址：{s.ContactAddress}。" : "。");
    }

    /// <summary>How the authority refers to itself: 我局, 我委 … (我们 for a joint check by several departments).</summary>
    static string Self(NoticeFacts f)
    {
        if (f.Authorities.Count > 1) return "我们";
        var name = f.Authorities[0].Name;
        foreach (var (suffix, self) in SelfNames)
            if (name.EndsWith(suffix, StringComparison.Ordinal)) return self;
        return "我单位";
    }

    static readonly (string Suffix, string Self)[] SelfNames =
    [
        ("委员会", "我委"), ("办公室", "我办"), ("中心", "我中心"), ("局", "我局"), ("委", "我委"), ("厅", "我厅"), ("办", "我办"),
        ("所", "我所"), ("部", "我部"), ("院", "我院"), ("署", "我署"),
    ];

    static List<string> Numbered(IEnumerable<string> lines) =>
        [.. lines.Select((l, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}．{l}"))];

    static string Labels(IEnumerable<string> codes, IReadOnlyDictionary<string, string> table) =>
        string.Join("、", codes.Select(c => table.GetValueOrDefault(c, c)));

    /// <summary>Free text as a clause: list separators full-width, no closing punctuation.</summary>
    static string Clause(string text) => text.Trim().Replace(';', '；').TrimEnd('。', '；', '.', '，', ',');

    static string Sentence(string text) => Clause(text) + "。";

    /// <summary>一 … 九十九, for （一）（二）… and the section numbers.</summary>
    public static string Chinese(int n)
    {
        const string digits = "〇一二三四五六七八九";
        if (n is < 1 or > 99) return n.ToString(CultureInfo.InvariantCulture);
        if (n < 10) return digits[n].ToString();
        var tens = n / 10 == 1 ? "十" : digits[n / 10] + "十";
        return n % 10 == 0 ? tens : tens + digits[n % 10];
    }
}
