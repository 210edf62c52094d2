using SpotCheck.Core.Common;

namespace SpotCheck.Core.Enterprises;

public enum RiskClass { A, B, C, D }

public enum EnterpriseStatus { Active, Deregistered, Revoked, MovedOut }

public static class EnterpriseLabels
{
    public static string Of(EnterpriseStatus s) => s switch
    {
        EnterpriseStatus.Active => "存续",
        EnterpriseStatus.Deregistered => "注销",
        EnterpriseStatus.Revoked => "吊销",
        EnterpriseStatus.MovedOut => "迁出",
        _ => s.ToString(),
    };

    public static EnterpriseStatus? ParseStatus(string text) => text switch
    {
        "存续" or "在业" => EnterpriseStatus.Active,
        "注销" => EnterpriseStatus.Deregistered,
        "吊销" => EnterpriseStatus.Revoked,
        "迁出" => EnterpriseStatus.MovedOut,
        _ => null,
    };

    public static string Of(RiskClass r) => r switch
    {
        RiskClass.A => "信用风险低",
        RiskClass.B => "信用风险一般",
        RiskClass.C => "信用风险较高",
        RiskClass.D => "信用风险高",
        _ => r.ToString(),
    };
}

/// <summary>The editable fields of a 检查对象, validated before they reach an <see cref="Enterprise"/>.</summary>
public sealed record EnterpriseData(
    string Name,
    /// <summary>A code that passed <see cref="Enterprises.Uscc.Parse"/>, or one covered by a <see cref="UsccOverride"/>.</summary>
    string Uscc,
    string RegionCode,
    string Address,
    IReadOnlyList<string> Tags,
    RiskClass RiskClass,
    bool AbnormalList,
    bool SeriousViolation,
    EnterpriseStatus Status,
    string? ContactName,
    string? ContactPhone,
    string? LegalRepresentative = null,
    string? LegacyRegistrationNo = null);

/// <summary>检查对象 in the 检查对象名录库. Every change after creation is recorded as <see cref="EnterpriseChange"/> rows.</summary>
public sealed class Enterprise : Data.IVersioned
{
    public int RowVersion { get; private set; }

    readonly List<EnterpriseTag> _tags = [];
    readonly List<EnterpriseChange> _changes = [];

    Enterprise() { }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Uscc { get; private set; } = "";
    public string? LegacyRegistrationNo { get; private set; }
    public string RegionCode { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string? LegalRepresentative { get; private set; }
    public RiskClass RiskClass { get; private set; }
    public bool AbnormalList { get; private set; }
    public bool SeriousViolation { get; private set; }
    public EnterpriseStatus Status { get; private set; }
    public string? ContactName { get; private set; }
    public string? ContactPhone { get; private set; }
    public bool IsDemo { get; private set; }
    public string? UsccOverrideReason { get; private set; }
    public string? UsccOverrideBy { get; private set; }
    public DateTime? UsccOverrideAtUtc { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    public IReadOnlyList<EnterpriseTag> Tags => _tags;
    public IReadOnlyList<EnterpriseChange> Changes => _changes;

    /// <summary>True when the USCC was saved despite a failed check character (domain.md §5 escape hatch).</summary>
    public bool UsccOverridden => UsccOverrideReason is not null;

    public static Enterprise Create(EnterpriseData data, DateTime utcNow, bool isDemo = false, UsccOverride? usccOverride = null)
    {
        var e = new Enterprise { CreatedAtUtc = utcNow, IsDemo = isDemo };
        e.Assign(data, utcNow);
        if (usccOverride is not null) e.SetOverride(usccOverride);
        return e;
    }

    /// <summary>
    /// Applies new values and records one history row per changed field. A new USCC without an override clears the
    /// previous override; an override (Admin, audited) flags the record.
    /// </summary>
    public IReadOnlyList<EnterpriseChange> Update(EnterpriseData data, string actor, string source, DateTime utcNow, UsccOverride? usccOverride = null)
    {
        var before = Snapshot();
        var updatedBefore = UpdatedAtUtc;
        Assign(data, utcNow);
        if (usccOverride is not null) SetOverride(usccOverride);
        else if (before[nameof(Uscc)] != Uscc) ClearOverride();
        var after = Snapshot();
        var changes = new List<EnterpriseChange>();
        foreach (var (field, old) in before)
        {
            var now = after[field];
            if (!string.Equals(old, now, StringComparison.Ordinal))
                changes.Add(new EnterpriseChange(Id, utcNow, actor, source, field, old, now));
        }
        _changes.AddRange(changes);
        if (changes.Count == 0) UpdatedAtUtc = updatedBefore;
        return changes;
    }

    /// <summary>Changes only the risk class (credit record, or its correction after an upheld objection), with history.</summary>
    public IReadOnlyList<EnterpriseChange> ChangeRiskClass(RiskClass riskClass, string actor, string source, DateTime utcNow) =>
        Update(Data with { RiskClass = riskClass }, actor, source, utcNow);

    /// <summary>The editable values as stored now.</summary>
    public EnterpriseData Data => new(Name, Uscc, RegionCode, Address, TagNames, RiskClass, AbnormalList, SeriousViolation, Status,
        ContactName, ContactPhone, LegalRepresentative, LegacyRegistrationNo);

    /// <summary>The fields where <paramref name="submitted"/> differs from what is stored now (a stale edit's both values).</summary>
    public IReadOnlyList<FieldConflict> DifferencesFrom(EnterpriseData submitted)
    {
        var current = Snapshot();
        var wanted = Snapshot(submitted, UsccOverrideReason);
        return [.. current.Where(kv => !string.Equals(kv.Value, wanted[kv.Key], StringComparison.Ordinal))
            .Select(kv => new FieldConflict(kv.Key, EnterpriseFields.Label(kv.Key), kv.Value, wanted[kv.Key]))];
    }

    public IReadOnlyList<string> TagNames => [.. _tags.Select(t => t.Tag).Order(StringComparer.Ordinal)];

    void Assign(EnterpriseData d, DateTime utcNow)
    {
        Name = d.Name;
        Uscc = d.Uscc;
        RegionCode = d.RegionCode;
        Address = d.Address;
        RiskClass = d.RiskClass;
        AbnormalList = d.AbnormalList;
        SeriousViolation = d.SeriousViolation;
        Status = d.Status;
        ContactName = d.ContactName;
        ContactPhone = d.ContactPhone;
        LegalRepresentative = d.LegalRepresentative;
        LegacyRegistrationNo = d.LegacyRegistrationNo;
        var wanted = d.Tags.Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        _tags.RemoveAll(t => !wanted.Contains(t.Tag));
        foreach (var tag in wanted.Except(_tags.Select(t => t.Tag), StringComparer.Ordinal).Order(StringComparer.Ordinal))
            _tags.Add(new EnterpriseTag(tag));
        UpdatedAtUtc = utcNow;
    }

    void SetOverride(UsccOverride o)
    {
        UsccOverrideReason = o.Reason;
        UsccOverrideBy = o.By;
        UsccOverrideAtUtc = o.AtUtc;
    }

    void ClearOverride()
    {
        UsccOverrideReason = null;
        UsccOverrideBy = null;
        UsccOverrideAtUtc = null;
    }

    /// <summary>Tags as one <see cref="EnterpriseChange"/> value: distinct, in ordinal order, joined by ';'.</summary>
    internal static string TagHistoryValue(IEnumerable<string> tags) => string.Join(';', tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    Dictionary<string, string> Snapshot() => Snapshot(Data, UsccOverrideReason);

    /// <summary>
    /// True when <see cref="Update"/> with <paramref name="wanted"/> (same USCC, no override) would record no change to an
    /// enterprise whose values are <paramref name="stored"/>: a re-import skips such rows without loading the entity.
    /// </summary>
    public static bool WouldNotChange(EnterpriseData stored, EnterpriseData wanted)
    {
        var before = Snapshot(stored, null);
        var after = Snapshot(wanted, null);
        return before.All(kv => string.Equals(kv.Value, after[kv.Key], StringComparison.Ordinal));
    }

    static Dictionary<string, string> Snapshot(EnterpriseData d, string? overrideReason) => new(StringComparer.Ordinal)
    {
        [nameof(Name)] = d.Name,
        [nameof(Uscc)] = d.Uscc,
        [nameof(RegionCode)] = d.RegionCode,
        [nameof(Address)] = d.Address,
        ["Tags"] = TagHistoryValue(d.Tags),
        [nameof(RiskClass)] = d.RiskClass.ToString(),
        [nameof(AbnormalList)] = d.AbnormalList ? "是" : "否",
        [nameof(SeriousViolation)] = d.SeriousViolation ? "是" : "否",
        [nameof(Status)] = EnterpriseLabels.Of(d.Status),
        [nameof(ContactName)] = d.ContactName ?? "",
        [nameof(ContactPhone)] = d.ContactPhone ?? "",
        [nameof(LegalRepresentative)] = d.LegalRepresentative ?? "",
        [nameof(LegacyRegistrationNo)] = d.LegacyRegistrationNo ?? "",
        [nameof(UsccOverrideReason)] = overrideReason ?? "",
    };
}

/// <summary>zh-CN names of the fields recorded in <see cref="EnterpriseChange.Field"/>.</summary>
public static class EnterpriseFields
{
    static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Name"] = "名称", ["Uscc"] = "统一社会信用代码", ["RegionCode"] = "行政区划代码", ["Address"] = "地址", ["Tags"] = "行业标签",
        ["RiskClass"] = "信用风险分类", ["AbnormalList"] = "经营异常名录", ["SeriousViolation"] = "严重违法失信", ["Status"] = "登记状态",
        ["ContactName"] = "联系人", ["ContactPhone"] = "联系电话", ["LegalRepresentative"] = "法定代表人",
        ["LegacyRegistrationNo"] = "注册号", ["UsccOverrideReason"] = "代码校验覆盖理由",
    };

    public static string Label(string field) => Labels.GetValueOrDefault(field, field);
}

/// <summary>An Admin's audited decision to keep a USCC whose check character fails (domain.md §5).</summary>
public sealed record UsccOverride(string Reason, string By, DateTime AtUtc);

/// <summary>行业标签; its own table so that tag filters use an index.</summary>
public sealed class EnterpriseTag
{
    EnterpriseTag() { }

    public EnterpriseTag(string tag) => Tag = tag;

    public int EnterpriseId { get; private set; }
    public string Tag { get; private set; } = "";
}

/// <summary>One field of one enterprise changed: who, when, from where (form, import file hash, demo seed).</summary>
public sealed class EnterpriseChange
{
    EnterpriseChange() { }

    public EnterpriseChange(int enterpriseId, DateTime atUtc, string actor, string source, string field, string? oldValue, string? newValue)
    {
        EnterpriseId = enterpriseId;
        ChangedAtUtc = atUtc;
        Actor = actor;
        Source = source;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
    }

    public long Id { get; private set; }
    public int EnterpriseId { get; private set; }
    public DateTime ChangedAtUtc { get; private set; }
    public string Actor { get; private set; } = "";
    public string Source { get; private set; } = "";
    public string Field { get; private set; } = "";
    public string? OldValue { get; private set; }
    public string? NewValue { get; private set; }
}
