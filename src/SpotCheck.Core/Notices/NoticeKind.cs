namespace SpotCheck.Core.Notices;

/// <summary>检查通知书 (sent before the visit) and 检查结果告知书 (sent after the record is approved).</summary>
public enum NoticeKind { Inspection, Result }

public static class NoticeKinds
{
    public static readonly IReadOnlyList<NoticeKind> All = [NoticeKind.Inspection, NoticeKind.Result];

    public static string Title(NoticeKind kind) => kind == NoticeKind.Inspection ? "检查通知书" : "检查结果告知书";

    /// <summary>The route and API spelling: <c>Inspection</c> or <c>Result</c> (case-insensitive).</summary>
    public static NoticeKind? Parse(string? text) =>
        string.Equals(text, nameof(NoticeKind.Inspection), StringComparison.OrdinalIgnoreCase) ? NoticeKind.Inspection
        : string.Equals(text, nameof(NoticeKind.Result), StringComparison.OrdinalIgnoreCase) ? NoticeKind.Result
        : null;
}
