namespace SpotCheck.Core.Tasks;

/// <summary>
/// domain.md §3.4. Only <see cref="AnnualPlan"/> and <see cref="AdHocRandom"/> are random checks; <see cref="Recheck"/>
/// is the 整改复查 of a 责令限期整改, created by the approval that ordered it.
/// </summary>
public enum TaskSource { AnnualPlan, AdHocRandom, Complaint, Assigned, Patrol, DataAlert, Recheck }

/// <summary>
/// The task's life: <see cref="Open"/> while the team records (the record is a DRAFT), <see cref="Submitted"/> for
/// review, <see cref="Returned"/> to the team with a reason (editable again), <see cref="Approved"/> (final), or
/// <see cref="Replaced"/> (final): the target was a frame error (draw-spec §4.2) and a substitute task took its place.
/// An approved result becomes <see cref="Published"/> by 公示 (domain.md §3.5: APPROVED → PUBLISHED).
/// </summary>
public enum TaskState { Open, Submitted, Returned, Approved, Replaced, Published }

public static class TaskStates
{
    /// <summary>Reviewed and approved, whether or not published yet: the record is final.</summary>
    public static readonly TaskState[] Reviewed = [TaskState.Approved, TaskState.Published];

    /// <summary>Nothing more to do for the team or the reviewer.</summary>
    public static readonly TaskState[] Finished = [TaskState.Approved, TaskState.Published, TaskState.Replaced];

    public static bool IsReviewed(TaskState s) => s is TaskState.Approved or TaskState.Published;
}

public static class TaskLabels
{
    public static bool IsRandom(TaskSource s) => s is TaskSource.AnnualPlan or TaskSource.AdHocRandom;

    public static string Code(TaskSource s) => s switch
    {
        TaskSource.AnnualPlan => "ANNUAL_PLAN",
        TaskSource.AdHocRandom => "AD_HOC_RANDOM",
        TaskSource.Complaint => "COMPLAINT",
        TaskSource.Assigned => "ASSIGNED",
        TaskSource.Patrol => "PATROL",
        TaskSource.Recheck => "RECHECK",
        _ => "DATA_ALERT",
    };

    public static string Of(TaskSource s) => s switch
    {
        TaskSource.AnnualPlan => "年度抽查计划",
        TaskSource.AdHocRandom => "临时随机任务",
        TaskSource.Complaint => "受理举报",
        TaskSource.Assigned => "交办转办",
        TaskSource.Patrol => "日常巡查",
        TaskSource.Recheck => "整改复查",
        _ => "数据监测",
    };

    public static string Of(TaskState s) => s switch
    {
        TaskState.Open => "检查中",
        TaskState.Submitted => "待审核",
        TaskState.Returned => "已退回",
        TaskState.Replaced => "已替换（名录错误）",
        TaskState.Published => "已公示",
        _ => "已审核（待公示）",
    };
}
