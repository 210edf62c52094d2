using System.Text.RegularExpressions;

namespace SpotCheck.Core.Officers;

public enum ConflictKind { Relative, PastEmployment, DeclaredInterest }

public static class ConflictKinds
{
    public static string Label(ConflictKind k) => k switch
    {
        ConflictKind.Relative => "亲属关系",
        ConflictKind.PastEmployment => "曾任职",
        ConflictKind.DeclaredInterest => "申报的利害关系",
        _ => k.ToString(),
    };
}

/// <summary>The editable fields of an officer, validated by <see cref="OfficerRules"/>.</summary>
public sealed record OfficerData(
    string Code,
    string Name,
    int DepartmentId,
    string CertificateNo,
    DateOnly CertificateValidTo,
    IReadOnlyList<string> Specialties,
    bool Active,
    int WorkloadCap);

/// <summary>执法检查人员. Draws refer to the opaque <see cref="Code"/>, never to name or certificate number.</summary>
public sealed partial class Officer : Data.IVersioned
{
    public int RowVersion { get; private set; }

    readonly List<OfficerConflict> _conflicts = [];

    Officer() { }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int DepartmentId { get; private set; }
    public Department? Department { get; private set; }
    public string CertificateNo { get; private set; } = "";
    public DateOnly CertificateValidTo { get; private set; }
    public string Specialties { get; private set; } = "";
    public bool Active { get; private set; }
    public int WorkloadCap { get; private set; }
    public bool IsDemo { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public IReadOnlyList<OfficerConflict> Conflicts => _conflicts;

    public IReadOnlyList<string> SpecialtyList =>
        Specialties.Length == 0 ? [] : Specialties.Split(';');

    public bool CertificateValidOn(DateOnly day) => day <= CertificateValidTo;

    public static Officer Create(OfficerData data, DateTime utcNow, bool isDemo = false)
    {
        var o = new Officer { IsDemo = isDemo };
        o.Update(data, utcNow);
        return o;
    }

    /// <summary>Applies new values; returns the names of the fields that changed (for the audit entry).</summary>
    public IReadOnlyList<string> Update(OfficerData d, DateTime utcNow)
    {
        var changed = new List<string>();
        void Set<T>(string field, T current, T next, Action<T> assign)
        {
            if (EqualityComparer<T>.Default.Equals(current, next)) return;
            assign(next);
            changed.Add(field);
        }
        Set(nameof(Code), Code, d.Code, v => Code = v);
        Set(nameof(Name), Name, d.Name, v => Name = v);
        Set(nameof(DepartmentId), DepartmentId, d.DepartmentId, v => DepartmentId = v);
        Set(nameof(CertificateNo), CertificateNo, d.CertificateNo, v => CertificateNo = v);
        Set(nameof(CertificateValidTo), CertificateValidTo, d.CertificateValidTo, v => CertificateValidTo = v);
        Set(nameof(Specialties), Specialties, string.Join(';', d.Specialties), v => Specialties = v);
        Set(nameof(Active), Active, d.Active, v => Active = v);
        Set(nameof(WorkloadCap), WorkloadCap, d.WorkloadCap, v => WorkloadCap = v);
        if (changed.Count > 0) UpdatedAtUtc = utcNow;
        return changed;
    }

    public OfficerConflict DeclareConflict(int enterpriseId, ConflictKind kind, string? note, DateTime utcNow)
    {
        var conflict = new OfficerConflict(enterpriseId, kind, note, utcNow);
        _conflicts.Add(conflict);
        return conflict;
    }

    /// <summary>Only declarations still in force count: a withdrawn one is history.</summary>
    public bool HasConflictWith(int enterpriseId) => _conflicts.Any(c => c.IsActive && c.EnterpriseId == enterpriseId);

    /// <summary>draw-spec §2.3: officer ids match ^[0-9A-Za-z_.-]{1,64}$.</summary>
    public static bool IsValidCode(string code) => CodePattern().IsMatch(code);

    [GeneratedRegex("^[0-9A-Za-z_.-]{1,64}$")]
    private static partial Regex CodePattern();
}

/// <summary>
/// A declared 回避 reason between an officer and an enterprise; enforced at draw time while in force. A withdrawn
/// declaration is kept with who withdrew it, when and why; it no longer counts anywhere.
/// </summary>
public sealed class OfficerConflict : Data.IVersioned
{
    public int RowVersion { get; private set; }

    OfficerConflict() { }

    public OfficerConflict(int enterpriseId, ConflictKind kind, string? note, DateTime declaredAtUtc)
    {
        EnterpriseId = enterpriseId;
        Kind = kind;
        Note = note;
        DeclaredAtUtc = declaredAtUtc;
    }

    public int Id { get; private set; }
    public int OfficerId { get; private set; }
    public int EnterpriseId { get; private set; }
    public ConflictKind Kind { get; private set; }
    public string? Note { get; private set; }
    public DateTime DeclaredAtUtc { get; private set; }
    public DateTime? WithdrawnAtUtc { get; private set; }
    public string? WithdrawnBy { get; private set; }
    public string? WithdrawnReason { get; private set; }

    public bool IsActive => WithdrawnAtUtc is null;

    internal void Withdraw(string reason, string actor, DateTime utcNow)
    {
        WithdrawnReason = reason;
        WithdrawnBy = actor;
        WithdrawnAtUtc = utcNow;
    }
}
