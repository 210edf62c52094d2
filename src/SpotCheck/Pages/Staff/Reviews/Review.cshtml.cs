using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Evidence;
using SpotCheck.Core.Reviews;
using SpotCheck.Core.Tasks;
using SpotCheck.Pages.Staff.Tasks;

namespace SpotCheck.Pages.Staff.Reviews;

/// <summary>A reviewer reads a submitted record with its evidence and approves it or returns it with a reason.</summary>
public sealed class ReviewModel(AppDbContext db, GetTask.Handler getTask, ListEvidence.Handler listEvidence) : PageModel
{
    public TaskDetail Detail { get; private set; } = null!;
    public InspectionRecord Record { get; private set; } = null!;
    public IReadOnlyList<EvidenceFile> Evidence { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(int id, [FromServices] ApproveRecord.Handler review, CancellationToken ct)
    {
        var r = await review.HandleAsync(id, await TaskViewers.ForAsync(User, db, ct), ct);
        if (r.IsSuccess)
        {
            Message = "已审核通过；" + (r.Value.PublicationDeadline is DateOnly due
                    ? $"请于 {Ui.Date(due)} 前公示（自检查结束之日起20个工作日）"
                    : $"公示期限暂无法计算：{r.Value.DeadlineYearMissing}年节假日安排尚未导入，已提醒系统管理员")
                + (r.Value.RectificationOutcome is { } ro ? "；" + ro : "")
                + (r.Value.RecheckTaskId is { } rc ? $"；已生成复查任务 #{rc}" : "") + (r.Value.NewRiskClass is { } rk ? $"；已录入诚信档案，信用风险分类调整为 {rk}" : "");
            return RedirectToPage("/Staff/Tasks/Details", new { id });
        }
        return await FailAsync(id, r.Error!, ct);
    }

    public async Task<IActionResult> OnPostReturnAsync(int id, string? reason, [FromServices] ReturnRecord.Handler review, CancellationToken ct)
    {
        var r = await review.HandleAsync(id, reason ?? "", await TaskViewers.ForAsync(User, db, ct), ct);
        if (r.IsSuccess)
        {
            Message = "已退回检查组";
            return RedirectToPage("Index");
        }
        return await FailAsync(id, r.Error!, ct);
    }

    async Task<IActionResult> FailAsync(int id, Error error, CancellationToken ct)
    {
        if (error.Kind == ErrorKind.NotFound) return NotFound();
        ModelState.AddModelError(error.Field ?? "", error.Message);
        if (error.Field is not null) ModelState.AddModelError("", error.Message);
        if (!await LoadAsync(id, ct)) return NotFound();
        Response.StatusCode = error.Kind == ErrorKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var viewer = await TaskViewers.ForAsync(User, db, ct);
        var found = await getTask.HandleAsync(id, viewer, ct);
        if (!found.IsSuccess) return false;
        Detail = found.Value;
        var record = await db.InspectionRecords.AsNoTracking().SingleOrDefaultAsync(r => r.TaskId == id, ct);
        if (record is null) return false;
        Record = record;
        Evidence = await listEvidence.HandleAsync(id, viewer, ct);
        return true;
    }
}
