using System.Globalization;

namespace SpotCheck.Core.Statistics;

public sealed record OfficerShare(string Code, string Name, string Department, int Assigned, decimal Expected, double PValue, bool Flagged);

public sealed record OfficerVerdict(IReadOnlyList<OfficerShare> Officers, bool Passed, string Verdict);

/// <summary>
/// Is any officer favoured (or spared) by the draws? Under draw-spec §5.3 the eligible officers of one department are
/// interchangeable, so given the seats a department filled, each of its n eligible officers is on a team with
/// probability seats ÷ (targets × n), independently per target: the count of each officer is binomial. Each count gets
/// an exact two-sided test; with m officers tested, a p-value below α ÷ m (Bonferroni) flags the officer.
/// </summary>
public static class OfficerFairness
{
    public const double Alpha = 0.01;

    public const string Method = "精确二项检验（双侧）：期望次数 = 本部门实际席位数 ÷ 本部门合格人数，按人数作 Bonferroni 校正，显著性水平 1%";

    public sealed record Officer(string Code, string Name, string Department);

    public static OfficerVerdict Evaluate(int targets, IReadOnlyList<Officer> pool, IReadOnlyDictionary<string, int> assigned)
    {
        if (targets == 0 || pool.Count == 0) return new OfficerVerdict([], true, "没有已配备检查组的任务，无从检验。");
        var threshold = Alpha / pool.Count;
        var shares = new List<OfficerShare>();
        foreach (var dept in pool.GroupBy(o => o.Department, StringComparer.Ordinal))
        {
            var members = dept.ToList();
            var seats = members.Sum(o => assigned.GetValueOrDefault(o.Code));
            var tails = new BinomialTails(targets, (double)seats / ((double)targets * members.Count));
            foreach (var o in members)
            {
                var x = assigned.GetValueOrDefault(o.Code);
                var pValue = tails.TwoSidedP(x);
                shares.Add(new OfficerShare(o.Code, o.Name, o.Department, x, Math.Round((decimal)seats / members.Count, 2), pValue, pValue < threshold));
            }
        }
        shares = [.. shares.OrderBy(s => s.Code, StringComparer.Ordinal)];
        var flagged = shares.Where(s => s.Flagged).ToList();
        if (flagged.Count > 0)
            return new OfficerVerdict(shares, false, "发现异常：" + string.Join("、", flagged.Select(s => $"{s.Name}（{s.Assigned}次，预期约{s.Expected.ToString("0.##", CultureInfo.InvariantCulture)}次）"))
                + "的分配次数显著偏离按规则应得的次数，请核查回避、工作量上限、上次同组规则或人员名录的变动。");
        if (shares.All(s => s.Assigned == targets))
            return new OfficerVerdict(shares, true, $"合格人员人数等于每组人数：每名检查人员都参加了全部{targets}个任务，抽取对人员没有选择余地，不存在偏向。");
        return new OfficerVerdict(shares, true, $"未发现偏向：{shares.Count}名合格检查人员的分配次数均与按规则应得的次数相符（均未低于校正后的显著性界限）。");
    }
}
