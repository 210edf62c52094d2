using System.Globalization;
using SpotCheck.Core.Common;

namespace SpotCheck.Core.Items;

public enum ItemStatus { Draft, Published, Retired }

public enum ItemCategory { General, Key }

/// <summary>domain.md §3.5 target types.</summary>
public enum TargetType { Enterprise, Individual, Cooperative, ForeignRep }

/// <summary>The content of one version of a check item; validated by <see cref="ItemRules"/>.</summary>
public sealed record ItemData(
    string Name,
    string EnforcementBody,
    string LegalBasis,
    int DepartmentId,
    TargetType TargetType,
    string Content,
    IReadOnlyList<string> Methods,
    ItemCategory Category,
    string RatioFrequencyNote,
    DateOnly EffectiveFrom);

/// <summary>
/// One version of a 检查事项 (stable <see cref="Code"/> + <see cref="Version"/>). Published versions are never edited:
/// a change becomes the next version (domain.md R9 动态清单).
/// </summary>
public sealed class InspectionItem : Data.IVersioned
{
    public int RowVersion { get; private set; }

    InspectionItem() { }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public int Version { get; private set; }
    public string Name { get; private set; } = "";
    public string EnforcementBody { get; private set; } = "";
    public string LegalBasis { get; private set; } = "";
    public int DepartmentId { get; private set; }
    public TargetType TargetType { get; private set; }
    public string Content { get; private set; } = "";
    /// <summary>domain.md §3.3 method codes, ';'-separated (ONSITE;DOCUMENT).</summary>
    public string Methods { get; private set; } = "";
    public ItemCategory Category { get; private set; }
    public string RatioFrequencyNote { get; private set; } = "";
    public ItemStatus Status { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    public DateOnly? EffectiveTo { get; private set; }
    public bool IsDemo { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? PublishedAtUtc { get; private set; }

    public IReadOnlyList<string> MethodList => Methods.Length == 0 ? [] : Methods.Split(';');

    public static InspectionItem CreateDraft(string code, ItemData data, DateTime utcNow, bool isDemo = false)
    {
        var item = new InspectionItem { Code = code, Version = 1, Status = ItemStatus.Draft, CreatedAtUtc = utcNow, IsDemo = isDemo };
        item.Assign(data);
        return item;
    }

    /// <summary>The next version as a draft; this version stays as it is until the draft is published.</summary>
    public InspectionItem NextVersion(ItemData data, DateTime utcNow)
    {
        var next = new InspectionItem { Code = Code, Version = Version + 1, Status = ItemStatus.Draft, CreatedAtUtc = utcNow, IsDemo = IsDemo };
        next.Assign(data);
        return next;
    }

    public Result EditDraft(ItemData data)
    {
        if (Status != ItemStatus.Draft)
            return new Error("item.not_draft", "已发布或已废止的事项版本不能直接修改，请创建新版本", Kind: ErrorKind.Conflict);
        Assign(data);
        return Result.Ok();
    }

    public bool HasSameContent(ItemData d) =>
        Name == d.Name && EnforcementBody == d.EnforcementBody && LegalBasis == d.LegalBasis && DepartmentId == d.DepartmentId
        && TargetType == d.TargetType && Content == d.Content && Methods == string.Join(';', d.Methods)
        && Category == d.Category && RatioFrequencyNote == d.RatioFrequencyNote && EffectiveFrom == d.EffectiveFrom;

    /// <summary>Publishes this draft; the previously published version (if any) ends the day before.</summary>
    public Result Publish(InspectionItem? previous, DateTime utcNow)
    {
        if (Status != ItemStatus.Draft)
            return new Error("item.not_draft", "只有草稿可以发布", Kind: ErrorKind.Conflict);
        if (previous is not null && EffectiveFrom <= previous.EffectiveFrom)
            return new Error("item.effective_from", string.Create(CultureInfo.InvariantCulture, $"新版本的生效日期必须晚于上一版本的生效日期（{previous.EffectiveFrom:yyyy-MM-dd}）"), nameof(EffectiveFrom));
        previous?.Supersede(EffectiveFrom.AddDays(-1));
        Status = ItemStatus.Published;
        PublishedAtUtc = utcNow;
        return Result.Ok();
    }

    public Result Retire(DateOnly effectiveTo)
    {
        if (Status != ItemStatus.Published)
            return new Error("item.not_published", "只有已发布的事项可以废止", Kind: ErrorKind.Conflict);
        if (effectiveTo < EffectiveFrom)
            return new Error("item.effective_to", "失效日期不能早于生效日期", nameof(EffectiveTo));
        Supersede(effectiveTo);
        return Result.Ok();
    }

    public bool IsInForceOn(DateOnly day) =>
        Status != ItemStatus.Draft && EffectiveFrom <= day && (EffectiveTo is null || day <= EffectiveTo);

    void Supersede(DateOnly effectiveTo)
    {
        EffectiveTo = effectiveTo;
        Status = ItemStatus.Retired;
    }

    void Assign(ItemData d)
    {
        Name = d.Name;
        EnforcementBody = d.EnforcementBody;
        LegalBasis = d.LegalBasis;
        DepartmentId = d.DepartmentId;
        TargetType = d.TargetType;
        Content = d.Content;
        Methods = string.Join(';', d.Methods);
        Category = d.Category;
        RatioFrequencyNote = d.RatioFrequencyNote;
        EffectiveFrom = d.EffectiveFrom;
    }
}
