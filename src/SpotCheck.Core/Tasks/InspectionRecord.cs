using SpotCheck.Core.Common;

namespace SpotCheck.Core.Tasks;

/// <summary>The validated content of a record (see <see cref="RecordRules"/>).</summary>
public sealed record RecordData(
    DateOnly InspectedOn,
    /// <summary>The day the inspection ended (抽查结束之日): the 20-working-day publication clock starts here.</summary>
    DateOnly ConcludedOn,
    string Place,
    IReadOnlyList<string> Methods,
    IReadOnlyList<ChecklistLine> Checklist,
    string Findings,
    IReadOnlyList<string> Results,
    string? ResultOtherText,
    IReadOnlyList<string> FollowUps,
    DateOnly? RectifyDueDate,
    string? FollowUpOtherText);

/// <summary>One line of the checklist: a check item's content and what the team found for it.</summary>
public sealed record ChecklistLine(int ItemId, string Content, bool Compliant, string Note);

/// <summary>
/// 检查记录 of one task (one per task). Editable by the team while the task is open or returned; any change clears
/// every member's confirmation. The publication deadline runs from the day the inspection ended
/// (<see cref="ConclusionDate"/>), so it is known from the first save and a slow review cannot hide a late publication.
/// </summary>
public sealed class InspectionRecord : Data.IVersioned
{
    public int RowVersion { get; private set; }

    InspectionRecord() { }

    public int Id { get; private set; }
    public int TaskId { get; private set; }
    public DateOnly InspectedOn { get; private set; }
    public string Place { get; private set; } = "";
    public string Methods { get; private set; } = "";
    /// <summary>JSON array of <see cref="ChecklistLine"/>.</summary>
    public string ChecklistJson { get; private set; } = "[]";
    public string Findings { get; private set; } = "";
    public string Results { get; private set; } = "";
    public string? ResultOtherText { get; private set; }
    public string FollowUps { get; private set; } = "";
    public DateOnly? RectifyDueDate { get; private set; }
    public string? FollowUpOtherText { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public DateTime UpdatedAtUtc { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }
    public string? ReturnReason { get; private set; }
    public string? ReviewedBy { get; private set; }
    /// <summary>The day the inspection ended (检查结束日期), entered with the record; the publication clock starts here.</summary>
    public DateOnly ConclusionDate { get; private set; }
    public DateOnly? ApprovedOn { get; private set; }
    /// <summary>自抽查结束之日起20个工作日: null while a calendar year it runs into is not loaded (never guessed).</summary>
    public DateOnly? PublicationDeadline { get; private set; }
    /// <summary>The calendar year that must be imported before <see cref="PublicationDeadline"/> can be known.</summary>
    public int? DeadlineYearMissing { get; private set; }
    public int? RecheckTaskId { get; private set; }

    public IReadOnlyList<string> MethodList => Split(Methods);
    public IReadOnlyList<string> ResultList => Split(Results);
    public IReadOnlyList<string> FollowUpList => Split(FollowUps);
    public IReadOnlyList<ChecklistLine> ChecklistLines =>
        System.Text.Json.JsonSerializer.Deserialize<List<ChecklistLine>>(ChecklistJson) ?? [];

    public static InspectionRecord Create(int taskId, RecordData data, string actor, DateTime utcNow)
    {
        var r = new InspectionRecord { TaskId = taskId };
        r.Assign(data, actor, utcNow);
        return r;
    }

    public bool HasSameContent(RecordData d) =>
        InspectedOn == d.InspectedOn && ConclusionDate == d.ConcludedOn && Place == d.Place && Methods == string.Join(';', d.Methods)
        && ChecklistJson == Json(d.Checklist) && Findings == d.Findings && Results == string.Join(';', d.Results)
        && ResultOtherText == d.ResultOtherText && FollowUps == string.Join(';', d.FollowUps)
        && RectifyDueDate == d.RectifyDueDate && FollowUpOtherText == d.FollowUpOtherText;

    public void Assign(RecordData d, string actor, DateTime utcNow)
    {
        InspectedOn = d.InspectedOn;
        ConclusionDate = d.ConcludedOn;
        Place = d.Place;
        Methods = string.Join(';', d.Methods);
        ChecklistJson = Json(d.Checklist);
        Findings = d.Findings;
        Results = string.Join(';', d.Results);
        ResultOtherText = d.ResultOtherText;
        FollowUps = string.Join(';', d.FollowUps);
        RectifyDueDate = d.RectifyDueDate;
        FollowUpOtherText = d.FollowUpOtherText;
        UpdatedBy = actor;
        UpdatedAtUtc = utcNow;
    }

    internal void MarkSubmitted(DateTime utcNow)
    {
        SubmittedAtUtc = utcNow;
        ReturnReason = null;
    }

    internal void MarkReturned(string reason, string reviewer)
    {
        ReturnReason = reason;
        ReviewedBy = reviewer;
    }

    internal void MarkApproved(string reviewer, DateOnly on)
    {
        ReviewedBy = reviewer;
        ApprovedOn = on;
    }

    /// <summary>Stores the deadline computed from <see cref="ConclusionDate"/>; true when it changed.</summary>
    public bool SetDeadline(Publication.Deadline deadline)
    {
        if (PublicationDeadline == deadline.Date && DeadlineYearMissing == deadline.MissingYear) return false;
        (PublicationDeadline, DeadlineYearMissing) = (deadline.Date, deadline.MissingYear);
        return true;
    }

    internal void LinkRecheck(int taskId) => RecheckTaskId = taskId;

    static string Json(IReadOnlyList<ChecklistLine> lines) => System.Text.Json.JsonSerializer.Serialize(lines);

    static IReadOnlyList<string> Split(string s) => s.Length == 0 ? [] : s.Split(';');
}
