namespace SpotCheck.Core.Reviews;

public enum FollowUpState { Open, Closed }

/// <summary>
/// One 后续处置 of an approved record (domain.md §3.2), OPEN → CLOSED with closing date and note. RECTIFY links its
/// re-check task; TRANSFER_CASE and the others are recorded for tracking.
/// </summary>
public sealed class FollowUpAction : Data.IVersioned
{
    public int RowVersion { get; private set; }

    FollowUpAction() { }

    public FollowUpAction(int taskId, string code, string? note, DateOnly? dueDate, DateTime createdAtUtc)
    {
        TaskId = taskId;
        Code = code;
        Note = note;
        DueDate = dueDate;
        State = FollowUpState.Open;
        CreatedAtUtc = createdAtUtc;
    }

    public int Id { get; private set; }
    public int TaskId { get; private set; }
    public string Code { get; private set; } = "";
    public string? Note { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public int? RecheckTaskId { get; private set; }
    public FollowUpState State { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string? ClosingNote { get; private set; }
    public string? ClosedBy { get; private set; }

    internal void LinkRecheck(int taskId) => RecheckTaskId = taskId;

    public Common.Result Close(DateOnly on, string note, string actor)
    {
        if (State == FollowUpState.Closed) return new Common.Error("followup.closed", "该处置已完结", Kind: Common.ErrorKind.Conflict);
        if (string.IsNullOrWhiteSpace(note)) return new Common.Error("followup.note", "请填写完结说明", "note");
        (State, ClosedOn, ClosingNote, ClosedBy) = (FollowUpState.Closed, on, note.Trim(), actor);
        return Common.Result.Ok();
    }
}
