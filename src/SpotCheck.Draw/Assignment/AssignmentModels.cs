namespace SpotCheck.Draw.Assignment;

/// <summary>An officer as frozen in inspectors.tsv (draw-spec §5.1); <see cref="Load"/> counts open assignments.</summary>
public sealed record Inspector(string Id, string Dept, bool Active, DateOnly CertValidTo, int Load, int Cap);

/// <summary>Everything an assignment depends on (draw-spec §5.1); targets in selection order.</summary>
public sealed record AssignmentInput(
    string Seed,
    IReadOnlyList<string> Targets,
    IReadOnlyList<string> Departments,
    int TeamSize,
    DateOnly PlanEndDate,
    IReadOnlyList<Inspector> Inspectors,
    IReadOnlyList<(string InspectorId, string TargetId)> Conflicts,
    IReadOnlyDictionary<string, IReadOnlyList<string>> PreviousTeams);

/// <summary>The eligibility rules of draw-spec §5.2, in the order they are checked.</summary>
public enum EligibilityRule { Inactive, CertExpired, DeptMismatch, Conflict, RepeatPrevious, CapReached }

public static class EligibilityRules
{
    public static readonly EligibilityRule[] InOrder = Enum.GetValues<EligibilityRule>();

    public static string Name(EligibilityRule rule) => rule switch
    {
        EligibilityRule.Inactive => "INACTIVE",
        EligibilityRule.CertExpired => "CERT_EXPIRED",
        EligibilityRule.DeptMismatch => "DEPT_MISMATCH",
        EligibilityRule.Conflict => "CONFLICT",
        EligibilityRule.RepeatPrevious => "REPEAT_PREVIOUS",
        _ => "CAP_REACHED",
    };
}

public sealed record TeamAssignment(string Target, IReadOnlyList<string> Team, IReadOnlyList<TicketKey> Tickets);

public static class InfeasibleReason
{
    public const string NoEligibleInDept = "NO_ELIGIBLE_IN_DEPT";
    public const string InsufficientEligible = "INSUFFICIENT_ELIGIBLE";
}

/// <summary>draw-spec §5.4; <see cref="Rejected"/> is indexed by <see cref="EligibilityRule"/>, all six always present.</summary>
public sealed record Infeasibility(
    string Target, string Reason, IReadOnlyList<string> MissingDepts, int Needed, int Eligible, int PoolSize, IReadOnlyList<int> Rejected)
{
    public int RejectedBy(EligibilityRule rule) => Rejected[(int)rule];
}

/// <summary>The teams, the failed targets, and every officer's load after the run (for demand against capacity).</summary>
public sealed record AssignmentResult(
    IReadOnlyList<TeamAssignment> Assigned,
    IReadOnlyList<Infeasibility> Infeasible,
    IReadOnlyDictionary<string, int> FinalLoads)
{
    public bool IsPartial => Infeasible.Count > 0;
}

/// <summary>The officer who replaces a withdrawn one (draw-spec §5.5), with the ticket that ranked him.</summary>
public sealed record Replacement(string OfficerId, TicketKey Ticket);
