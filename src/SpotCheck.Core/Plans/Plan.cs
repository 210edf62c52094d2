using SpotCheck.Core.Common;
using SpotCheck.Core.Enterprises;

namespace SpotCheck.Core.Plans;

public enum PlanState { Draft, Published, Drawn, Closed }

/// <summary>How 严重失信/经营异常 targets get a higher chance: weights inside their risk stratum, or a stratum of their own.</summary>
public enum FlagPolicy { Weighted, SeparateStratum }

/// <summary>The validated content of a plan (see <see cref="PlanRules"/>).</summary>
public sealed record PlanData(
    int Year,
    int? Quarter,
    string Name,
    IReadOnlyList<int> ItemIds,
    IReadOnlyList<string> DepartmentCodes,
    IReadOnlyList<string> Tags,
    string? RegionPrefix,
    IReadOnlyList<EnterpriseStatus> Statuses,
    IReadOnlyDictionary<RiskClass, long> RatioPpm,
    FlagPolicy FlagPolicy,
    int SeriousViolationWeight,
    int AbnormalListWeight,
    long FlaggedRatioPpm,
    int WindowDays,
    int TeamSize,
    DateOnly EndDate);

/// <summary>抽查计划: what is drawn (frame filter and ratios) and how teams are formed. Only a draft can change.</summary>
public sealed class Plan : Data.IVersioned
{
    public int RowVersion { get; private set; }

    Plan() { }

    public int Id { get; private set; }
    public int Year { get; private set; }
    public int? Quarter { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Inspection item ids, ascending (an integer array on PostgreSQL, a JSON array on SQLite); one visit covers all of them.</summary>
    public int[] ItemIds { get; private set; } = [];
    /// <summary>Department codes in ordinal order (an array column, queried as one); several = joint check (联合抽查).</summary>
    public string[] DepartmentCodes { get; private set; } = [];
    public string Tags { get; private set; } = "";
    public string? RegionPrefix { get; private set; }
    public string Statuses { get; private set; } = "";
    public long RatioPpmA { get; private set; }
    public long RatioPpmB { get; private set; }
    public long RatioPpmC { get; private set; }
    public long RatioPpmD { get; private set; }
    /// <summary>';'-separated risk classes included in the frame.</summary>
    public string RiskClasses { get; private set; } = "";
    public FlagPolicy FlagPolicy { get; private set; }
    public int SeriousViolationWeight { get; private set; }
    public int AbnormalListWeight { get; private set; }
    public long FlaggedRatioPpm { get; private set; }
    public int WindowDays { get; private set; }
    public int TeamSize { get; private set; }
    public DateOnly EndDate { get; private set; }
    public PlanState State { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? PublishedAtUtc { get; private set; }

    public IReadOnlyList<int> ItemIdList => ItemIds;
    public IReadOnlyList<string> DepartmentCodeList => DepartmentCodes;
    public IReadOnlyList<string> TagList => Split(Tags);
    public IReadOnlyList<EnterpriseStatus> StatusList => Split(Statuses).Select(Enum.Parse<EnterpriseStatus>).ToList();
    public IReadOnlyList<RiskClass> RiskClassList => Split(RiskClasses).Select(Enum.Parse<RiskClass>).ToList();

    public long RatioPpmOf(RiskClass r) => r switch
    {
        RiskClass.A => RatioPpmA,
        RiskClass.B => RatioPpmB,
        RiskClass.C => RatioPpmC,
        _ => RatioPpmD,
    };

    public static Plan CreateDraft(PlanData data, DateTime utcNow)
    {
        var plan = new Plan { State = PlanState.Draft, CreatedAtUtc = utcNow };
        plan.Assign(data);
        return plan;
    }

    public Result Edit(PlanData data)
    {
        if (State != PlanState.Draft) return new Error("plan.not_draft", "已发布的抽查计划不能修改", Kind: ErrorKind.Conflict);
        Assign(data);
        return Result.Ok();
    }

    public Result Publish(DateTime utcNow)
    {
        if (State != PlanState.Draft) return new Error("plan.not_draft", "只有草稿状态的计划可以发布", Kind: ErrorKind.Conflict);
        State = PlanState.Published;
        PublishedAtUtc = utcNow;
        return Result.Ok();
    }

    /// <summary>A published plan can be drawn (again, e.g. a supplementary draw) until it is closed.</summary>
    public Result CanDraw() => State is PlanState.Published or PlanState.Drawn
        ? Result.Ok()
        : new Error("plan.not_published", "只有已发布的计划可以抽取", Kind: ErrorKind.Conflict);

    public void MarkDrawn()
    {
        if (State == PlanState.Published) State = PlanState.Drawn;
    }

    public Result Close()
    {
        if (State is not (PlanState.Published or PlanState.Drawn))
            return new Error("plan.not_published", "只有已发布或已抽取的计划可以关闭", Kind: ErrorKind.Conflict);
        State = PlanState.Closed;
        return Result.Ok();
    }

    void Assign(PlanData d)
    {
        Year = d.Year;
        Quarter = d.Quarter;
        Name = d.Name;
        ItemIds = [.. d.ItemIds.Distinct().Order()];
        DepartmentCodes = [.. d.DepartmentCodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Tags = string.Join(';', d.Tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        RegionPrefix = string.IsNullOrEmpty(d.RegionPrefix) ? null : d.RegionPrefix;
        Statuses = string.Join(';', d.Statuses.Distinct().Order());
        RiskClasses = string.Join(';', d.RatioPpm.Keys.Order());
        RatioPpmA = d.RatioPpm.GetValueOrDefault(RiskClass.A);
        RatioPpmB = d.RatioPpm.GetValueOrDefault(RiskClass.B);
        RatioPpmC = d.RatioPpm.GetValueOrDefault(RiskClass.C);
        RatioPpmD = d.RatioPpm.GetValueOrDefault(RiskClass.D);
        FlagPolicy = d.FlagPolicy;
        SeriousViolationWeight = d.SeriousViolationWeight;
        AbnormalListWeight = d.AbnormalListWeight;
        FlaggedRatioPpm = d.FlaggedRatioPpm;
        WindowDays = d.WindowDays;
        TeamSize = d.TeamSize;
        EndDate = d.EndDate;
    }

    static IReadOnlyList<string> Split(string s) => s.Length == 0 ? [] : s.Split(';');
}
