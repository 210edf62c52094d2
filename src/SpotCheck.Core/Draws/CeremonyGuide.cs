namespace SpotCheck.Core.Draws;

/// <summary>
/// What the ceremony needs next, in words a clerk can follow: who acts (by role, as on the login) and what they must
/// have at hand. Shown on the draw page and on each role's home page.
/// </summary>
public static class CeremonyGuide
{
    /// <param name="Who">The parties that must act now (empty when the ceremony waits on nobody).</param>
    public sealed record Step(string Title, string Text, IReadOnlyList<string> Who);

    public static Step Next(DrawSession d)
    {
        var diceOnly = PublicRandomnessFormat.DeclaredKinds(d.RandomnessSource) is { Count: 1 } k && k.Contains("dice");
        var toCommit = Missing(p => d.CommitmentOf(p) is null);
        var toReveal = Missing(p => d.SecretOf(p) is null);
        return d.Status switch
        {
            DrawStatus.Frozen => new Step("第2步 · 提交承诺", $"等待{Names(toCommit)}提交承诺值。每一方各自保管一个秘密值（可由系统生成，只显示一次）："
                + "请抄写在纸上或存到只有本人能打开的地方，揭示时必须原样输入。", toCommit),
            DrawStatus.Committed => new Step("第3步 · 录入公共随机数",
                (diceOnly
                    ? $"当众掷骰子，记录至少{PublicRandomnessFormat.MinDiceDigits}位数字；双方各自在本页独立录入这些数字（只输入数字即可）。"
                    : $"按冻结时声明的来源（{d.RandomnessSource}）取得公共随机数，双方各自在本页独立录入，两次必须完全一致。")
                + (d.PendingRandomness is not null ? "已有一人录入，等待另一人录入核对。" : ""),
                DrawSession.Parties),
            DrawStatus.RandomnessEntered => new Step("第4步 · 揭示秘密值", $"等待{Names(toReveal)}输入提交承诺时保管的秘密值（须与当时完全一致）。", toReveal),
            DrawStatus.Revealed => new Step("第5步 · 抽取", "秘密值均已揭示。组织方（计划员）点击“计算种子、抽取对象并配员”，结果当场宣读。",
                [DrawSession.Organizer]),
            DrawStatus.Drawn or DrawStatus.Partial when d.PublishedAtUtc is null => new Step("第6步 · 公示",
                "组织方（计划员）当场宣读抽取结果（企业名称、所在层、检查组），核对无误后点击“公示”。", [DrawSession.Organizer]),
            DrawStatus.Drawn or DrawStatus.Partial => new Step("已公示", "抽取结果已公示，任何人都可以在公示网站下载抽取记录并独立验证。", []),
            _ => new Step("已作废", "本次抽取已作废。重新抽取须冻结新的抽取，双方重新提交承诺。", []),
        };
    }

    /// <summary>The badge beside the draw id: the ceremony status, or 已公示 once published.</summary>
    public static string Badge(DrawSession d) =>
        d.PublishedAtUtc is not null && d.Status is DrawStatus.Drawn or DrawStatus.Partial ? "已公示" : DrawLabels.Of(d.Status);

    static List<string> Missing(Func<string, bool> pending) => [.. DrawSession.Parties.Where(pending)];

    static string Names(IEnumerable<string> parties) => string.Join("和", parties.Select(DrawSession.PartyLabel));
}
