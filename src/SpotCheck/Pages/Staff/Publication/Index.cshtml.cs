using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Data;
using SpotCheck.Core.Publication;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Pages.Staff.Publication;

/// <summary>公示: the reviewer publishes approved results, one or a batch; recent batches with the audit head each carries.</summary>
[Authorize(Policy = Policies.Reviewers)]
public sealed class IndexModel(AppDbContext db, DeadlineBoard.Handler board, PublicBatches.Handler batches, TimeProvider clock) : PageModel
{
    public IReadOnlyList<DeadlineBoard.Row> Awaiting { get; private set; } = [];
    public IReadOnlyList<PublicationBatch> Batches { get; private set; } = [];
    public DateOnly Today => Ui.LocalToday(clock);
    [BindProperty] public List<int> TaskIds { get; set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync([FromServices] PublishResults.Handler publish, CancellationToken ct)
    {
        var result = await publish.HandleAsync(TaskIds, await TaskViewers.ForAsync(User, db, ct), ct);
        if (result.IsSuccess)
        {
            var o = result.Value;
            Message = $"已公示 {o.Count} 条检查结果（公告编号 {o.Number}），公示时审计日志链头：第 {o.HeadSeq} 条 {o.HeadHash[..16]}…"
                + (o.Late > 0 ? $"；其中 {o.Late} 条超过公示期限" : "");
            return RedirectToPage();
        }
        ModelState.AddError(result.Error);
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Awaiting = await board.AwaitingPublicationAsync(await TaskViewers.ForAsync(User, db, ct), ct);
        Batches = (await batches.ListAsync(1, 20, ct)).Items;
    }
}
