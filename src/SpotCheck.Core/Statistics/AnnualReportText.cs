using System.Globalization;

namespace SpotCheck.Core.Statistics;

/// <summary>The six sections of the annual report in plain Chinese, every figure read from the dashboard.</summary>
public static class AnnualReportText
{
    public static IReadOnlyList<(string Title, IReadOnlyList<string> Paragraphs)> Sections(StatisticsDashboard.Dashboard d, FairnessReport.Report f) =>
    [
        ("一、抽查计划与比例", Plans(d)),
        ("二、抽查实施情况", Implementation(d)),
        ("三、发现问题情况", Problems(d)),
        ("四、后续处置情况", FollowUps(d)),
        ("五、结果公示情况", [Publication(d.Publication)]),
        ("六、公平性说明", Fairness(f)),
    ];

    static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    static string Pct(decimal? rate) => rate is null ? "无从计算（分母为零）" : StatTable.N(rate) + "%";

    static List<string> Plans(StatisticsDashboard.Dashboard d)
    {
        var text = new List<string>
        {
            d.Plans.Count == 0 ? "本期没有制定抽查计划。" : $"本期共制定抽查计划{N(d.Plans.Count)}个：{string.Join("；", d.Plans.Select(p => p.Name))}。",
        };
        foreach (var draw in d.Strata.GroupBy(s => (s.DrawId, s.PlanName)))
            text.Add($"抽取{draw.Key.DrawId}（{draw.Key.PlanName}）按信用风险分类分层，按冻结的名录快照逐层计算应抽户数：" + string.Join("；", draw.Select(s =>
                $"{StrataReport.Label(s.Stratum)}抽查比例{StatTable.Ppm(s.RatioPpm)}%，名录快照{N(s.FrameSize)}户，应抽{N(s.Implied)}户，实抽{N(s.Drawn)}户"))
                + $"。合计名录快照{N(draw.Sum(s => s.FrameSize))}户，应抽{N(draw.Sum(s => s.Implied))}户，实抽{N(draw.Sum(s => s.Drawn))}户。");
        if (d.Strata.Count == 0) text.Add(d.Filter.NarrowsDirectory ? StrataReport.FilterNote + "；本期筛选范围内没有可整层核对的抽取层。" : "本期没有已完成的随机抽取。");
        return text;
    }

    static List<string> Implementation(StatisticsDashboard.Dashboard d)
    {
        var p = d.Progress;
        var unplanned = p.Where(r => r.PlanId is null).Sum(r => r.Tasks);
        var text = new List<string>
        {
            $"本期共有抽查任务{N(p.Sum(r => r.Tasks))}个，其中抽查计划任务{N(p.Sum(r => r.Tasks) - unplanned)}个、计划外任务（举报、交办、复查等）{N(unplanned)}个；"
            + $"已完成检查{N(p.Sum(r => r.Inspected))}个，已审核{N(p.Sum(r => r.Reviewed))}个，已公示{N(p.Sum(r => r.Published))}个。",
        };
        var c = d.Coverage;
        text.Add($"检查对象名录库内存续企业{N(c.Sum(r => r.InDirectory))}户，本期已检查{N(c.Sum(r => r.Checked))}户（一户多次只计一次），覆盖率"
            + Pct(Percent.Of(c.Sum(r => r.Checked), c.Sum(r => r.InDirectory))) + "。按信用风险分类："
            + string.Join("；", c.Select(r => $"{StatisticsHeading.RiskLabel(r.RiskClass)}名录内{N(r.InDirectory)}户、已检查{N(r.Checked)}户、覆盖率{Pct(r.Rate)}")) + "。");
        if (d.Workload.Count > 0)
            text.Add($"参加检查的执法检查人员{N(d.Workload.Count)}名，各自承担任务数：" + string.Join("、", d.Workload.Select(w => $"{w.Name}{N(w.Tasks)}个")) + "。");
        return text;
    }

    static List<string> Problems(StatisticsDashboard.Dashboard d)
    {
        var text = new List<string> { $"已审核的{N(d.Problems.Reviewed)}个任务中，发现问题的{N(d.Problems.WithProblem)}个，问题发现率{Pct(d.Problems.Rate)}。" };
        if (d.ItemProblems.Count > 0)
            text.Add("按检查事项（一次检查覆盖多个事项的，计入每个事项）：" + string.Join("；", d.ItemProblems.Select(i =>
                $"{i.ItemName}已审核{N(i.Reviewed)}个、发现问题{N(i.WithProblem)}个、问题发现率{Pct(i.Rate)}")) + "。");
        if (d.ResultCodes.Count > 0)
            text.Add("检查结果分布：" + string.Join("；", d.ResultCodes.Select(r => $"{r.Label}{N(r.Count)}次")) + "。");
        return text;
    }

    static List<string> FollowUps(StatisticsDashboard.Dashboard d) => d.FollowUps.Count == 0
        ? ["本期没有需要后续处置的事项。"]
        : [.. d.FollowUps.Select(x => $"{x.Label}{N(x.Total)}件，其中已复查{N(x.Rechecked)}件，已完结{N(x.Closed)}件，未完结{N(x.Open)}件（逾期未完结{N(x.Overdue)}件）。")];

    static string Publication(PublicationRow p) =>
        $"已公示检查结果{N(p.Published)}个，其中按时公示{N(p.OnTime)}个、逾期公示{N(p.Late)}个、公示期限未知（日历未导入）{N(p.NoDeadline)}个；"
        + $"已逾期尚未公示{N(p.OverdueUnpublished)}个。按时公示率（自检查结束之日起20个工作日内公示）为{Pct(p.OnTimeRate)}。";

    static List<string> Fairness(FairnessReport.Report f) =>
    [
        "抽取对象：" + f.StrataVerdict + "核对方法：" + FairnessReport.StrataMethod + "。",
        .. f.Officers.Select(o => $"检查人员分配（{o.DrawId}，{N(o.Targets)}个任务，每组{N(o.TeamSize)}人）：{o.Verdict.Verdict}"),
        .. f.Officers.Count > 0 ? (IEnumerable<string>)["检验方法：" + OfficerFairness.Method + "。"] : [],
        f.Passed ? "综上，本期抽查未发现对检查对象或检查人员的偏向。" : "综上，本期抽查存在上述异常，需逐项核查并说明原因。",
    ];
}
