namespace SpotCheck.Core.Statistics;

/// <summary>The dashboards' tables, built once from the statistics and shown, printed, exported and appended to the annual report alike.</summary>
public static class StatisticsTables
{
    static StatCell C(string text, string? href = null) => new(text, href);
    static StatCell C(int n) => new(StatTable.N(n));
    static StatCell C(decimal? d) => new(StatTable.N(d));

    public static IReadOnlyList<StatTable> Build(StatisticsDashboard.Dashboard d, FairnessReport.Report f, RepeatChecks.Alerts a) =>
        [.. Work(d, f), .. Alerts(a)];

    /// <summary>Coverage, strata, progress, problems, follow-up, publication, workload, trend and the officers' fairness.</summary>
    public static IReadOnlyList<StatTable> Work(StatisticsDashboard.Dashboard d, FairnessReport.Report f)
    {
        var narrowed = d.Filter.NarrowsDirectory;
        var tables = new List<StatTable>
        {
            new("coverage", "检查覆盖（按信用风险分类）", ["信用风险分类", "名录内（存续）", "已检查企业", "覆盖率（%）"],
                [.. d.Coverage.Select(c => (IReadOnlyList<StatCell>)[C(StatisticsHeading.RiskLabel(c.RiskClass)), C(c.InDirectory), C(c.Checked), C(c.Rate)])],
                new ChartSpec("bar", 0, [1, 2]), "已检查：本期有检查记录的企业（一户多次只计一次），按企业当前的风险分类和行政区划统计。"),
            new("strata", "按计划比例抽取（分层）", ["抽取编号", "计划", "层", "计划比例（%）", "名录快照户数", "应抽户数", "实抽户数", "名录错误替补", "是否一致"],
                [.. f.Strata.Select(s => (IReadOnlyList<StatCell>)[C(s.DrawId, "/Staff/Draws/Details?drawId=" + Uri.EscapeDataString(s.DrawId)), C(s.PlanName),
                    C(StrataReport.Label(s.Stratum)), C(StatTable.Ppm(s.RatioPpm)), C(s.FrameSize), C(s.Implied), C(s.Drawn), C(s.Substitutes), C(s.Matches ? "一致" : "不一致")])],
                new ChartSpec("bar", 2, [5, 6]), FairnessReport.StrataMethod + (narrowed ? "。" + StrataReport.FilterNote : "")),
            new("progress", "计划进度", ["计划", "任务数", "已检查", "已审核", "已公示", "逾期未公示"],
                [.. d.Progress.Select(p => (IReadOnlyList<StatCell>)[C(p.Name, p.PlanId is null ? null : "/Staff/Plans"),
                    C(p.Tasks), C(p.Inspected), C(p.Reviewed), C(p.Published), C(StatTable.N(p.Overdue), "/Staff/Deadlines")])],
                new ChartSpec("bar", 0, [1, 2, 3, 4, 5]), "不含因名录错误被替换的任务。已检查：检查记录已提交审核。"),
            new("item-problems", "问题发现率（按检查事项）", ["检查事项", "已审核任务", "发现问题", "问题发现率（%）"],
                [.. d.ItemProblems.Select(i => (IReadOnlyList<StatCell>)[C($"{i.ItemName}（{i.ItemCode}）"), C(i.Reviewed), C(i.WithProblem), C(i.Rate)])],
                new ChartSpec("bar", 0, [1, 2]), "一次检查覆盖多个事项时（进一次门查多项事），计入每个事项。"),
            new("result-codes", "检查结果分布", ["检查结果", "代码", "次数", "是否发现问题"],
                [.. d.ResultCodes.Select(r => (IReadOnlyList<StatCell>)[C(r.Label), C(r.Code), C(r.Count), C(r.IsProblem ? "是" : "否")])],
                new ChartSpec("pie", 0, [2]), "一条检查记录可有多个结果代码。"),
            new("follow-ups", "后续处置", ["后续处置", "代码", "合计", "未完结", "逾期未完结", "已复查", "已完结"],
                [.. d.FollowUps.Select(x => (IReadOnlyList<StatCell>)[C(x.Label), C(x.Code), C(x.Total), C(x.Open), C(x.Overdue), C(x.Rechecked), C(x.Closed)])],
                new ChartSpec("bar", 0, [3, 4, 5, 6])),
            new("publication", "公示及时性", ["项目", "数量"],
                [[C("按时公示"), C(d.Publication.OnTime)], [C("逾期公示"), C(d.Publication.Late)], [C("期限未知（日历未导入）"), C(d.Publication.NoDeadline)],
                 [C("已逾期尚未公示", "/Staff/Deadlines"), C(d.Publication.OverdueUnpublished)]],
                new ChartSpec("pie", 0, [1]),
                $"按时公示率 = 按时公示 ÷（已公示 + 已逾期尚未公示）= {StatTable.N(d.Publication.OnTimeRate)}%（自检查结束之日起20个工作日）。"),
            new("workload", "检查人员工作量", ["检查人员", "编号", "部门", "本期任务", "在办任务", "在办上限"],
                [.. d.Workload.Select(w => (IReadOnlyList<StatCell>)[C(w.Name), C(w.Code), C(w.Department), C(w.Tasks), C(w.Open), C(w.Cap)])],
                new ChartSpec("bar", 0, [3, 4])),
            new("trend", "年度趋势", ["年度", "任务数", "随机抽查任务", "已审核", "发现问题", "问题发现率（%）"],
                [.. d.Trend.Select(t => (IReadOnlyList<StatCell>)[C(StatTable.N(t.Year)), C(t.Tasks), C(t.RandomTasks), C(t.Reviewed), C(t.WithProblem), C(t.ProblemRate)])],
                new ChartSpec("line", 0, [1, 2, 4]), "按部门、事项、区域、风险等级筛选，不按年度和计划筛选。"),
        };
        foreach (var draw in f.Officers)
            tables.Add(new StatTable("officers-" + draw.DrawId, $"检查人员分配公平性：{draw.DrawId}（{draw.Targets}个任务，每组{draw.TeamSize}人）",
                ["检查人员", "编号", "部门", "实际次数", "预期次数", "p值", "是否异常"],
                [.. draw.Verdict.Officers.Select(o => (IReadOnlyList<StatCell>)[C(o.Name), C(o.Code), C(o.Department), C(o.Assigned),
                    C(o.Expected.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)), C(FairnessReport.PValueText(o.PValue)), C(o.Flagged ? "异常" : "正常")])],
                new ChartSpec("bar", 0, [3, 4]), draw.Verdict.Verdict + " 检验方法：" + OfficerFairness.Method + "。"));
        return tables;
    }

    /// <summary>The repeat-check alerts: enterprises over the yearly cap, officers back at one enterprise, departments over their ratios.</summary>
    public static IReadOnlyList<StatTable> Alerts(RepeatChecks.Alerts a)
    {
        var tables = new List<StatTable>();
        tables.Add(new StatTable("alert-enterprises", $"预警：企业年度检查次数超过上限（每年{a.Cap}次）", ["企业", "统一社会信用代码", "检查次数", "涉及任务"],
            [.. a.Enterprises.Select(e => (IReadOnlyList<StatCell>)[C(e.Name, $"/Staff/Enterprises/Details/{e.EnterpriseId}"), C(e.Uscc), C(e.Checks), .. Tasks(e.TaskIds)])],
            Note: "计入年度抽查计划、临时随机、受理举报、交办等各类检查；整改复查和因名录错误被替换的任务不计。"));
        tables.Add(new StatTable("alert-officers", $"预警：同一检查人员多次检查同一企业（一年内{RepeatChecks.RepeatVisits}次及以上）", ["检查人员", "企业", "次数", "涉及任务"],
            [.. a.Officers.Select(o => (IReadOnlyList<StatCell>)[C(o.OfficerName), C(o.EnterpriseName, $"/Staff/Enterprises/Details/{o.EnterpriseId}"), C(o.Visits), .. Tasks(o.TaskIds)])]));
        tables.Add(new StatTable("alert-departments", "预警：部门随机抽查户数超过计划比例", ["部门", "代码", "按比例应抽", "实际检查户数"],
            [.. a.Departments.Select(x => (IReadOnlyList<StatCell>)[C(x.Name), C(x.Code), C(x.Planned), C(x.Checked)])],
            Note: "按计划整体核对（计划比例约束整个名录范围），不按区域、风险等级筛选。"));
        return tables;
    }

    /// <summary>The tasks behind an alert, each linked to its details.</summary>
    static IEnumerable<StatCell> Tasks(IReadOnlyList<int> ids) =>
        [new StatCell(string.Join("、", ids.Select(i => "#" + StatTable.N(i))), null, [.. ids.Select(i => ("#" + StatTable.N(i), $"/Staff/Tasks/Details/{i}"))])];
}
