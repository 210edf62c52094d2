using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Statistics;

/// <summary>Percentages for display and export: one decimal, half away from zero, decimal maths (never a float).</summary>
public static class Percent
{
    public static decimal? Of(int part, int whole) =>
        whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}

/// <summary>Result codes that say a problem was found (domain.md §3.1): everything but 未发现问题, not inspectable and 其他.</summary>
public static class ProblemCodes
{
    public static bool IsProblem(string code) =>
        code is not (RecordCodes.NoProblem or RecordCodes.Other or "NO_RELEVANT_ACTIVITY") && !RecordCodes.NotInspectable.Contains(code);

    public static bool AnyProblem(string results) => results.Split(';').Any(IsProblem);
}

public sealed record CoverageRow(string RiskClass, string Label, int InDirectory, int Checked)
{
    public decimal? Rate => Percent.Of(Checked, InDirectory);
}

public sealed record ProgressRow(int? PlanId, string Name, int Tasks, int Inspected, int Reviewed, int Published, int Overdue);

public sealed record ItemProblemRow(string ItemCode, string ItemName, int Reviewed, int WithProblem)
{
    public decimal? Rate => Percent.Of(WithProblem, Reviewed);
}

/// <summary>Reviewed tasks and those with at least one problem result, each task once whatever its items.</summary>
public sealed record ProblemSummary(int Reviewed, int WithProblem)
{
    public decimal? Rate => Percent.Of(WithProblem, Reviewed);
}

public sealed record ResultCodeRow(string Code, string Label, int Count, bool IsProblem);

public sealed record FollowUpRow(string Code, string Label, int Total, int Open, int Overdue, int Rechecked, int Closed);

/// <summary>公示 timeliness: first publications measured against their deadline, plus results already past it unpublished.</summary>
public sealed record PublicationRow(int Published, int OnTime, int Late, int NoDeadline, int OverdueUnpublished)
{
    public decimal? OnTimeRate => Percent.Of(OnTime, Published + OverdueUnpublished);
}

public sealed record WorkloadRow(int OfficerId, string Code, string Name, string Department, int Tasks, int Open, int Cap)
{
    public bool OverCap => Open > Cap;
}

public sealed record TrendRow(int Year, int Tasks, int RandomTasks, int Reviewed, int WithProblem)
{
    public decimal? ProblemRate => Percent.Of(WithProblem, Reviewed);
}
