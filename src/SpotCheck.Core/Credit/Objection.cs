using SpotCheck.Core.Common;

namespace SpotCheck.Core.Credit;

public enum ObjectionOutcome { Upheld, PartlyUpheld, Rejected }

/// <summary>
/// 异议: the enterprise disputes an approved result. Recorded once and resolved once; the outcome is kept next to the
/// original record, which is never edited.
/// </summary>
public sealed class Objection : Data.IVersioned
{
    public int RowVersion { get; private set; }

    Objection() { }

    public Objection(int taskId, int enterpriseId, DateOnly receivedOn, string submittedBy, string content, string recordedBy, DateTime utcNow)
    {
        TaskId = taskId;
        EnterpriseId = enterpriseId;
        ReceivedOn = receivedOn;
        SubmittedBy = submittedBy;
        Content = content;
        RecordedBy = recordedBy;
        RecordedAtUtc = utcNow;
    }

    public int Id { get; private set; }
    public int TaskId { get; private set; }
    public int EnterpriseId { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    public string Content { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAtUtc { get; private set; }
    public ObjectionOutcome? Outcome { get; private set; }
    public string? ResolutionNote { get; private set; }
    public string? ResolvedBy { get; private set; }
    public DateTime? ResolvedAtUtc { get; private set; }

    public bool IsResolved => Outcome is not null;

    public Result Resolve(ObjectionOutcome outcome, string note, string actor, DateTime utcNow)
    {
        if (IsResolved) return new Error("objection.resolved", "该异议已处理，处理结果不能修改", Kind: ErrorKind.Conflict);
        if (string.IsNullOrWhiteSpace(note) || note.Length > 2000) return new Error("objection.note", "请填写处理意见（不超过2000个字符）", "note");
        (Outcome, ResolutionNote, ResolvedBy, ResolvedAtUtc) = (outcome, note.Trim(), actor, utcNow);
        return Result.Ok();
    }

    public static string Label(ObjectionOutcome o) => o switch
    {
        ObjectionOutcome.Upheld => "异议成立",
        ObjectionOutcome.PartlyUpheld => "异议部分成立",
        _ => "异议不成立",
    };
}
