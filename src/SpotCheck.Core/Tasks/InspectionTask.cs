using SpotCheck.Core.Common;

namespace SpotCheck.Core.Tasks;

/// <summary>
/// 检查任务: one visit of one team to one enterprise, covering one or more check items. Draw tasks come from
/// <see cref="CreateDrawTasks"/>; the others (受理举报 …) are created by a planner and never count as random checks.
/// </summary>
public sealed class InspectionTask : Data.IVersioned
{
    readonly List<TaskMember> _members = [];

    InspectionTask() { }

    public int Id { get; private set; }
    public TaskSource Source { get; private set; }
    public int? PlanId { get; private set; }
    /// <summary>The DRAW-v1 drawId that staffed this task; null for non-draw tasks.</summary>
    public string? DrawId { get; private set; }
    /// <summary>The target's rank in the draw's selection (1-based); null for non-draw tasks.</summary>
    public int? DrawRank { get; private set; }
    /// <summary><see cref="Enterprises.Enterprise"/> id (an int in the database; <c>long</c> in the draw contract).</summary>
    public int EnterpriseId { get; private set; }
    /// <summary>Inspection item ids, ascending (an integer array on PostgreSQL, a JSON array on SQLite).</summary>
    public int[] ItemIds { get; private set; } = [];
    public DateOnly DueDate { get; private set; }
    public TaskState State { get; private set; }
    /// <summary>Approved, published or replaced: computed by the database from <see cref="State"/>, for the task list's index.</summary>
    public bool IsFinished { get; private set; }
    /// <summary>Why a non-draw task exists (complaint number, instruction, …); empty for draw tasks.</summary>
    public string Basis { get; private set; } = "";
    /// <summary>The task this one re-checks (RECTIFY → 复查), if any.</summary>
    public int? RecheckOfTaskId { get; private set; }
    /// <summary>The frame-error task this substitute task replaces (draw-spec §4.2), if any.</summary>
    public int? ReplacesTaskId { get; private set; }
    /// <summary>Why the target was found invalid for the frame (注销, 查无此企业 …); set when the task is replaced.</summary>
    public string? FrameErrorReason { get; private set; }
    /// <summary>The department responsible for a task outside any plan (a drawn task belongs to its plan's departments).</summary>
    public int? DepartmentId { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public int RowVersion { get; private set; }

    /// <summary>All members ever on the team, withdrawn ones included, in ticket order.</summary>
    public IReadOnlyList<TaskMember> Members => _members;

    public bool IsRandom => TaskLabels.IsRandom(Source);

    public IReadOnlyList<int> ItemIdList => ItemIds;

    public IEnumerable<TaskMember> ActiveMembers => _members.Where(m => m.IsActive).OrderBy(m => m.TicketOrder);

    public TaskMember? Leader => ActiveMembers.FirstOrDefault(m => m.IsLeader);

    public bool HasActiveMember(int officerId) => _members.Any(m => m.IsActive && m.OfficerId == officerId);

    internal static InspectionTask ForDraw(
        int planId, string drawId, int rank, int enterpriseId, IReadOnlyList<int> itemIds, DateOnly dueDate,
        IReadOnlyList<(int OfficerId, string Ticket)> teamInTicketOrder, string createdBy, DateTime utcNow)
    {
        var task = New(TaskSource.AnnualPlan, enterpriseId, itemIds, dueDate, "", createdBy, utcNow);
        task.PlanId = planId;
        task.DrawId = drawId;
        task.DrawRank = rank;
        foreach (var (officerId, ticket) in teamInTicketOrder) task.AddMember(officerId, ticket);
        task.ElectLeader();
        return task;
    }

    /// <summary>The draw task for the substitute of a frame-error target: same plan, draw, items and due date.</summary>
    internal static InspectionTask ForSubstitute(InspectionTask replaced, int enterpriseId,
        IReadOnlyList<(int OfficerId, string Ticket)> teamInTicketOrder, string createdBy, DateTime utcNow)
    {
        var task = ForDraw(replaced.PlanId!.Value, replaced.DrawId!, replaced.DrawRank!.Value, enterpriseId, replaced.ItemIdList,
            replaced.DueDate, teamInTicketOrder, createdBy, utcNow);
        task.ReplacesTaskId = replaced.Id;
        return task;
    }

    /// <summary>
    /// Ends the task as replaced (a frame error): the state is final and the members' seats are released, so the
    /// task no longer counts towards anybody's load. History stays: nothing is deleted.
    /// </summary>
    internal Result MarkReplaced(string reason, DateTime utcNow)
    {
        if (State is not (TaskState.Open or TaskState.Returned))
            return new Error("task.not_replaceable", $"任务当前状态为“{TaskLabels.Of(State)}”，已提交或已审核的任务不能按名录错误替换", Kind: ErrorKind.Conflict);
        FrameErrorReason = reason;
        foreach (var m in _members.Where(m => m.IsActive)) m.Withdraw(ReleasedNote + reason, utcNow);
        SetState(TaskState.Replaced);
        return Result.Ok();
    }

    /// <summary>Puts an officer picked by the ranking rule on a short-staffed team (补充检查人员).</summary>
    internal void AddSubstitute(int officerId, string? ticket, int replacesOfficerId)
    {
        AddMember(officerId, ticket, replaces: replacesOfficerId);
        ElectLeader();
        ResetConfirmations();
        Touch();
    }

    /// <summary>Starts the withdrawal reason of the members released by <see cref="MarkReplaced"/>.</summary>
    public const string ReleasedNote = "检查对象名录错误，任务已替换：";

    /// <summary>R7: an inspection needs at least two certified officers.</summary>
    public const int MinimumTeam = 2;

    public bool IsShortStaffed => State is TaskState.Open or TaskState.Returned && ActiveMembers.Count() < MinimumTeam;

    /// <summary>A non-random task; the team is listed in the order the planner gave (first = leader).</summary>
    public static InspectionTask NonRandom(
        TaskSource source, int enterpriseId, IReadOnlyList<int> itemIds, DateOnly dueDate, string basis,
        IReadOnlyList<int> team, string createdBy, DateTime utcNow, int? departmentId, int? recheckOfTaskId = null)
    {
        if (TaskLabels.IsRandom(source)) throw new ArgumentException("random tasks come from a draw", nameof(source));
        var task = New(source, enterpriseId, itemIds, dueDate, basis, createdBy, utcNow);
        task.RecheckOfTaskId = recheckOfTaskId;
        task.DepartmentId = departmentId;
        foreach (var officerId in team) task.AddMember(officerId, null);
        task.ElectLeader();
        return task;
    }

    /// <summary>Takes a member off the team (回避, illness) and, when given, puts the substitute on it.</summary>
    public Result Withdraw(int officerId, string reason, int? substituteOfficerId, string? substituteTicket, DateTime utcNow)
    {
        if (TaskStates.IsReviewed(State)) return new Error("task.closed", "任务已审核完成，不能再调整检查人员", Kind: ErrorKind.Conflict);
        var member = _members.FirstOrDefault(m => m.IsActive && m.OfficerId == officerId);
        if (member is null) return new Error("task.not_member", "该人员不是本任务的在岗检查人员", "officerId", ErrorKind.NotFound);
        if (string.IsNullOrWhiteSpace(reason)) return new Error("task.reason", "请填写回避或退出的原因", "reason");
        if (substituteOfficerId is int sub && _members.Any(m => m.IsActive && m.OfficerId == sub))
            return new Error("task.substitute_on_team", "替补人员已在检查组中", "substituteOfficerId", ErrorKind.Conflict);
        member.Withdraw(reason.Trim(), utcNow);
        if (substituteOfficerId is int s) AddMember(s, substituteTicket, replaces: officerId);
        ElectLeader();
        ResetConfirmations();
        return Result.Ok();
    }

    public void ResetConfirmations()
    {
        foreach (var m in _members) m.ClearConfirmation();
    }

    /// <summary>Raises the concurrency version for a change that only touches child rows (members, record, evidence).</summary>
    public void Touch() => RowVersion++;

    public IReadOnlyList<int> UnconfirmedOfficerIds => [.. ActiveMembers.Where(m => m.ConfirmedAtUtc is null).Select(m => m.OfficerId)];

    /// <summary>The team sends its record for review: every active member has confirmed it and the team is complete (R7).</summary>
    public Result Submit()
    {
        if (State is not (TaskState.Open or TaskState.Returned)) return TaskErrors.NotEditable(State);
        if (IsShortStaffed) return TaskErrors.ShortStaffed(this);
        if (UnconfirmedOfficerIds.Count > 0) return new Error("record.unconfirmed", "检查组成员尚未全部确认检查记录", Kind: ErrorKind.Conflict);
        State = TaskState.Submitted;
        return Result.Ok();
    }

    /// <summary>The reviewer sends the record back; every confirmation is void, the team edits and confirms again.</summary>
    public Result Return()
    {
        if (State != TaskState.Submitted) return TaskErrors.NotSubmitted(State);
        ResetConfirmations();
        State = TaskState.Returned;
        return Result.Ok();
    }

    public Result Approve()
    {
        if (State != TaskState.Submitted) return TaskErrors.NotSubmitted(State);
        State = TaskState.Approved;
        return Result.Ok();
    }

    /// <summary>公示: the approved result goes public (domain.md §3.5 APPROVED → PUBLISHED).</summary>
    public Result Publish()
    {
        if (State != TaskState.Approved)
            return new Error("publication.not_approved", $"只有审核通过、尚未公示的检查结果可以公示（任务 #{Id} 当前：{TaskLabels.Of(State)}）", Kind: ErrorKind.Conflict);
        State = TaskState.Published;
        return Result.Ok();
    }

    void SetState(TaskState state) => State = state;

    static InspectionTask New(TaskSource source, int enterpriseId, IReadOnlyList<int> itemIds, DateOnly dueDate,
        string basis, string createdBy, DateTime utcNow) => new()
    {
        Source = source,
        EnterpriseId = enterpriseId,
        ItemIds = [.. itemIds.Distinct().Order()],
        DueDate = dueDate,
        State = TaskState.Open,
        Basis = basis,
        CreatedBy = createdBy,
        CreatedAtUtc = utcNow,
    };

    void AddMember(int officerId, string? ticket, int? replaces = null) =>
        _members.Add(new TaskMember(officerId, ticket, _members.Count, replaces));

    /// <summary>Leader = the first active member by ticket (draw tasks) or by the planner's order (others).</summary>
    void ElectLeader()
    {
        var active = _members.Where(m => m.IsActive).ToList();
        var leader = active.All(m => m.Ticket is not null)
            ? active.OrderBy(m => m.Ticket, StringComparer.Ordinal).ThenBy(m => m.TicketOrder).FirstOrDefault()
            : active.OrderBy(m => m.TicketOrder).FirstOrDefault();
        foreach (var m in _members) m.SetLeader(ReferenceEquals(m, leader));
    }
}

/// <summary>One officer on a task's team. Withdrawn members stay (history is never edited).</summary>
public sealed class TaskMember
{
    TaskMember() { }

    internal TaskMember(int officerId, string? ticket, int ticketOrder, int? replacesOfficerId)
    {
        OfficerId = officerId;
        Ticket = ticket;
        TicketOrder = ticketOrder;
        ReplacesOfficerId = replacesOfficerId;
        IsActive = true;
    }

    public int Id { get; private set; }
    public int TaskId { get; private set; }
    public int OfficerId { get; private set; }
    /// <summary>DRAW-v1 assignment ticket (lowercase hex); null on non-draw tasks.</summary>
    public string? Ticket { get; private set; }
    /// <summary>Position in which the member joined (0 = first by ticket at the draw).</summary>
    public int TicketOrder { get; private set; }
    public bool IsLeader { get; private set; }
    public bool IsActive { get; private set; }
    public string? WithdrawnReason { get; private set; }
    public DateTime? WithdrawnAtUtc { get; private set; }
    public int? ReplacesOfficerId { get; private set; }
    /// <summary>The member's confirmation (签名) of the current record; cleared whenever the record changes.</summary>
    public DateTime? ConfirmedAtUtc { get; private set; }

    internal void Withdraw(string reason, DateTime utcNow)
    {
        IsActive = false;
        IsLeader = false;
        WithdrawnReason = reason;
        WithdrawnAtUtc = utcNow;
    }

    internal void SetLeader(bool isLeader) => IsLeader = isLeader && IsActive;
    internal void Confirm(DateTime utcNow) => ConfirmedAtUtc = utcNow;
    internal void ClearConfirmation() => ConfirmedAtUtc = null;
}
