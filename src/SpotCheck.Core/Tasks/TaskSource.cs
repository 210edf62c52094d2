namespace SpotCheck.Core.Tasks;

/// <summary>domain.md §3.4. Only <see cref="AnnualPlan"/> and <see cref="AdHocRandom"/> are random checks.</summary>
public enum TaskSource { AnnualPlan, AdHocRandom, Complaint, Assigned, Patrol, DataAlert }

/// <summary>
/// The task's life: <see cref="Open"/> while the team records (the record is a DRAFT), <see cref="Submitted"/> for
/// review, <see cref="Returned"/> to the team with a reason (editable again), <see cref="Approved"/> (final), or
/// <see cref="Replaced"/> (final): the target was a frame error (draw-spec §4.2) and a substitute task took its place.
/// </summary>
public enum TaskState { Open, Submitted, Returned, Approved, Replaced }

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
        _ => "DATA_ALERT",
    };

    public static string Of(TaskSource s) => s switch
    {
        TaskSource.AnnualPlan => "年度抽查计划",
        TaskSource.AdHocRandom => "临时随机任务",
        TaskSource.Complaint => "受理举报",
        TaskSource.Assigned => "交办转办",
        TaskSource.Patrol => "日常巡查",
        _ => "数据监测",
    };

    public static string Of(TaskState s) => s switch
    {
        TaskState.Open => "检查中",
        TaskState.Submitted => "待审核",
        TaskState.Returned => "已退回",
        TaskState.Replaced => "已替换（名录错误）",
        _ => "已审核",
    };
}
