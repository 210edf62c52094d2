namespace SpotCheck.Core.Notices;

/// <summary>
/// A numbered notice as it was issued: its 文号 (<see cref="Number"/>, the <see cref="Seq"/>-th of the issuing
/// department's series for its kind and <see cref="Year"/>) and the exact content printed on it, so every later
/// download is the same document. When the task's data changes, a new revision with a new number is issued; the
/// earlier one stays (numbers are never reused or left out).
/// </summary>
public sealed class IssuedNotice
{
    IssuedNotice() { }

    internal IssuedNotice(int taskId, NoticeKind kind, int revision, int departmentId, int year, int seq, string number,
        int taskVersion, string contentJson, string contentSha256, DateOnly issuedOn, DateTime issuedAtUtc, string issuedBy)
    {
        TaskId = taskId;
        Kind = kind;
        Revision = revision;
        DepartmentId = departmentId;
        Year = year;
        Seq = seq;
        Number = number;
        TaskVersion = taskVersion;
        ContentJson = contentJson;
        ContentSha256 = contentSha256;
        IssuedOn = issuedOn;
        IssuedAtUtc = issuedAtUtc;
        IssuedBy = issuedBy;
    }

    public int Id { get; private set; }
    public int TaskId { get; private set; }
    public NoticeKind Kind { get; private set; }
    /// <summary>1 for the first notice of this kind for the task, then 2, 3 … for re-issues after a change.</summary>
    public int Revision { get; private set; }
    /// <summary>The department whose 文号 series numbered it (the first authority on the notice).</summary>
    public int DepartmentId { get; private set; }
    public int Year { get; private set; }
    public int Seq { get; private set; }
    public string Number { get; private set; } = "";
    /// <summary>The task's concurrency version when the notice was issued.</summary>
    public int TaskVersion { get; private set; }
    /// <summary>The printed content (<see cref="NoticeContent"/>) as JSON; the document is rendered from it.</summary>
    public string ContentJson { get; private set; } = "";
    /// <summary>SHA-256 (lowercase hex) of <see cref="ContentJson"/>: tells whether today's data would print the same.</summary>
    public string ContentSha256 { get; private set; } = "";
    /// <summary>The 落款 date (China time).</summary>
    public DateOnly IssuedOn { get; private set; }
    public DateTime IssuedAtUtc { get; private set; }
    public string IssuedBy { get; private set; } = "";
}
