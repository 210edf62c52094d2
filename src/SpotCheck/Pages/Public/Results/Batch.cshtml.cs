using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Publication;

namespace SpotCheck.Pages.Public.Results;

/// <summary>
/// One batch as its printable 抽查结果公告 (A4): the publishing bodies, number, date, the results as published and the
/// audit head the batch carries. A result corrected since says so and links to its history. A batch may hold thousands
/// of results, so the page shows them <see cref="DefaultSize"/> at a time; <c>?all=true</c> is the whole notice for printing.
/// </summary>
public sealed class BatchModel(AppDbContext db, PublicBatches.Handler batches) : PageModel
{
    public const int DefaultSize = 100;

    [BindProperty(SupportsGet = true)] public string Number { get; set; } = "";
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "size")] public int Size { get; set; } = DefaultSize;
    [FromQuery(Name = "all")] public bool All { get; set; }

    public PublicationBatch Batch { get; private set; } = null!;
    public IReadOnlyList<PublishedResult> Results { get; private set; } = [];
    public int PageCount { get; private set; } = 1;
    /// <summary>序号 of the first row shown.</summary>
    public int FirstNumber { get; private set; } = 1;
    /// <summary>检查实施机关 of the batch's results: the bodies that publish it.</summary>
    public string Publishers { get; private set; } = "";
    /// <summary>Task id → the day of its latest correction, for results corrected after this batch.</summary>
    public IReadOnlyDictionary<int, DateOnly> CorrectedOn { get; private set; } = new Dictionary<int, DateOnly>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await batches.HeaderAsync(Number, ct) is not { } batch) return NotFound();
        Batch = batch;
        Size = Math.Clamp(Size, 1, PublicResults.MaxPageSize);
        PageCount = All ? 1 : Math.Max(1, (batch.ResultCount + Size - 1) / Size);
        PageNumber = All ? 1 : Math.Clamp(PageNumber, 1, PageCount);
        FirstNumber = (PageNumber - 1) * Size + 1;
        Results = await batches.ResultsAsync(batch.Id, PageNumber, All ? 0 : Size, ct);
        Publishers = await batches.PublishersAsync(batch.Id, ct);
        var taskIds = Results.Select(r => r.TaskId).ToList();
        CorrectedOn = (await db.PublishedResults.AsNoTracking().Where(r => taskIds.Contains(r.TaskId) && r.Version > 1)
                .Select(r => new { r.TaskId, r.Version, r.VersionOn }).ToListAsync(ct))
            .GroupBy(r => r.TaskId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Version)!.VersionOn);
        return Page();
    }
}
