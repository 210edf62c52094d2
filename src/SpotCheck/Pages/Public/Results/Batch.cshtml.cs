using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Publication;

namespace SpotCheck.Pages.Public.Results;

/// <summary>
/// One batch as its printable 抽查结果公告 (A4): the publishing bodies, number, date, the results as published and the
/// audit head the batch carries. A result corrected since says so and links to its history.
/// </summary>
public sealed class BatchModel(AppDbContext db, PublicBatches.Handler batches) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Number { get; set; } = "";

    public PublicationBatch Batch { get; private set; } = null!;
    /// <summary>检查实施机关 of the batch's results: the bodies that publish it.</summary>
    public string Publishers { get; private set; } = "";
    /// <summary>Task id → the day of its latest correction, for results corrected after this batch.</summary>
    public IReadOnlyDictionary<int, DateOnly> CorrectedOn { get; private set; } = new Dictionary<int, DateOnly>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await batches.FindAsync(Number, ct) is not { } batch) return NotFound();
        Batch = batch;
        Publishers = string.Join("、", batch.Results.SelectMany(r => r.DepartmentNames.Split('、')).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var taskIds = batch.Results.Select(r => r.TaskId).ToList();
        CorrectedOn = (await db.PublishedResults.AsNoTracking().Where(r => taskIds.Contains(r.TaskId) && r.Version > 1)
                .Select(r => new { r.TaskId, r.Version, r.VersionOn }).ToListAsync(ct))
            .GroupBy(r => r.TaskId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Version)!.VersionOn);
        return Page();
    }
}
