namespace SpotCheck.Core.Publication;

/// <summary>
/// 公示 of one batch of results: one audit entry, which carries the audit chain's head at that moment; the portal shows
/// the head beside the batch so anyone can later check that nothing published before it was rewritten.
/// </summary>
public sealed class PublicationBatch
{
    readonly List<PublishedResult> _results = [];

    PublicationBatch() { }

    internal PublicationBatch(string number, DateOnly publishedOn, DateTime utcNow, string publishedBy, long headSeq, string headHash, bool isDemo)
    {
        (Number, PublishedOn, PublishedAtUtc, PublishedBy, HeadSeq, HeadHash, IsDemo) = (number, publishedOn, utcNow, publishedBy, headSeq, headHash, isDemo);
    }

    public int Id { get; private set; }
    /// <summary>公告编号, e.g. 2026-003 (the third batch published in 2026).</summary>
    public string Number { get; private set; } = "";
    public DateOnly PublishedOn { get; private set; }
    public DateTime PublishedAtUtc { get; private set; }
    public string PublishedBy { get; private set; } = "";
    /// <summary>The audit chain's head just before this batch's entry.</summary>
    public long HeadSeq { get; private set; }
    public string HeadHash { get; private set; } = "";
    public int ResultCount { get; private set; }
    public bool IsDemo { get; private set; }
    public IReadOnlyList<PublishedResult> Results => _results;

    internal void Add(PublishedResult result)
    {
        _results.Add(result);
        ResultCount = _results.Count;
    }
}

/// <summary>
/// One published result as the public sees it: a frozen copy of the public fields only (SPEC §5), never edited. A
/// correction (条例 art. 12, an upheld objection) is a new version with its reason; the latest version is current.
/// The database refuses updates of these rows (<see cref="PublicationTriggers"/>).
/// </summary>
public sealed class PublishedResult
{
    readonly List<PublishedResultItem> _items = [];
    readonly List<PublishedResultDepartment> _departments = [];

    PublishedResult() { }

    public long Id { get; private set; }
    public int TaskId { get; private set; }
    public int Version { get; private set; }
    /// <summary>Null for a correction, which is not part of a batch.</summary>
    public int? BatchId { get; private set; }
    public int EnterpriseId { get; private set; }
    public string EnterpriseName { get; private set; } = "";
    public string Uscc { get; private set; } = "";
    /// <summary>检查事项, names joined with 、.</summary>
    public string ItemNames { get; private set; } = "";
    /// <summary>检查实施机关, names joined with 、.</summary>
    public string DepartmentNames { get; private set; } = "";
    /// <summary>双随机抽查 for random tasks, 检查 for the others (受理举报, 复查 …).</summary>
    public bool IsRandom { get; private set; }
    public DateOnly InspectedOn { get; private set; }
    /// <summary>The year of <see cref="InspectedOn"/>, for the portal's year filter.</summary>
    public int Year { get; private set; }
    public string ResultText { get; private set; } = "";
    public string ResultCodes { get; private set; } = "";
    public string FollowUpText { get; private set; } = "";
    public string FollowUpCodes { get; private set; } = "";
    /// <summary>The day the result was first published (kept on every version).</summary>
    public DateOnly PublishedOn { get; private set; }
    public DateTime PublishedAtUtc { get; private set; }
    /// <summary>This version's day: the publication for version 1, the correction for later ones.</summary>
    public DateOnly VersionOn { get; private set; }
    public DateTime VersionAtUtc { get; private set; }
    public string? CorrectionReason { get; private set; }
    public string VersionBy { get; private set; } = "";
    /// <summary>The publication deadline the result was measured against; null when it could not be computed.</summary>
    public DateOnly? Deadline { get; private set; }
    public bool IsDemo { get; private set; }
    public IReadOnlyList<PublishedResultItem> Items => _items;
    public IReadOnlyList<PublishedResultDepartment> Departments => _departments;

    public string CheckType => IsRandom ? "双随机抽查" : "检查";
    public bool IsCorrected => Version > 1;
    public bool WasLate => Deadline is DateOnly d && PublishedOn > d;

    internal static PublishedResult First(PublicResultContent content, DateOnly on, DateTime utcNow, string by, DateOnly? deadline) =>
        Build(content, 1, on, utcNow, on, utcNow, by, null, deadline);

    internal PublishedResult Correct(PublicResultContent content, DateOnly on, DateTime utcNow, string by, string reason) =>
        Build(content, Version + 1, PublishedOn, PublishedAtUtc, on, utcNow, by, reason, Deadline);

    static PublishedResult Build(PublicResultContent c, int version, DateOnly publishedOn, DateTime publishedAtUtc, DateOnly versionOn,
        DateTime versionAtUtc, string by, string? reason, DateOnly? deadline)
    {
        var r = new PublishedResult
        {
            TaskId = c.TaskId, Version = version, EnterpriseId = c.EnterpriseId, EnterpriseName = c.EnterpriseName, Uscc = c.Uscc,
            ItemNames = string.Join("、", c.Items.Select(i => i.Name)), DepartmentNames = string.Join("、", c.Departments.Select(d => d.Name)),
            IsRandom = c.IsRandom, InspectedOn = c.InspectedOn, Year = c.InspectedOn.Year, ResultText = c.ResultText,
            ResultCodes = string.Join(';', c.ResultCodes), FollowUpText = c.FollowUpText, FollowUpCodes = string.Join(';', c.FollowUpCodes),
            PublishedOn = publishedOn, PublishedAtUtc = publishedAtUtc, VersionOn = versionOn, VersionAtUtc = versionAtUtc,
            CorrectionReason = reason, VersionBy = by, Deadline = deadline, IsDemo = c.IsDemo,
        };
        r._items.AddRange(c.Items.Select(i => new PublishedResultItem(i.Code, i.Name)));
        r._departments.AddRange(c.Departments.Select(d => new PublishedResultDepartment(d.Code, d.Name)));
        return r;
    }
}

/// <summary>One check item of a published result (a joint visit covers several), for the portal's item filter.</summary>
public sealed class PublishedResultItem
{
    PublishedResultItem() { }

    internal PublishedResultItem(string code, string name) => (ItemCode, ItemName) = (code, name);

    public long PublishedResultId { get; private set; }
    public string ItemCode { get; private set; } = "";
    public string ItemName { get; private set; } = "";
}

/// <summary>One 检查实施机关 of a published result, for the portal's department filter.</summary>
public sealed class PublishedResultDepartment
{
    PublishedResultDepartment() { }

    internal PublishedResultDepartment(string code, string name) => (DepartmentCode, DepartmentName) = (code, name);

    public long PublishedResultId { get; private set; }
    public string DepartmentCode { get; private set; } = "";
    public string DepartmentName { get; private set; } = "";
}

/// <summary>The public fields of one result, gathered from the task, its record, items, departments and enterprise.</summary>
public sealed record PublicResultContent(
    int TaskId, int EnterpriseId, string EnterpriseName, string Uscc, bool IsRandom, DateOnly InspectedOn,
    IReadOnlyList<(string Code, string Name)> Items, IReadOnlyList<(string Code, string Name)> Departments,
    IReadOnlyList<string> ResultCodes, string ResultText, IReadOnlyList<string> FollowUpCodes, string FollowUpText, bool IsDemo);
