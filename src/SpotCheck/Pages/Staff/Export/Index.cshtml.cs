using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Data;
using SpotCheck.Core.Scopes;
using SpotCheck.Core.Transfer;
using SpotCheck.Hosting;

namespace SpotCheck.Pages.Staff.Export;

public sealed class IndexModel(TransferLists transfer, ExportJobs jobs, AppDbContext db, DataScopeHolder scope, Storage storage, ILogger<IndexModel> log)
    : PageModel
{
    /// <summary>The export shown in the progress panel (the user's own), if any.</summary>
    public ExportJob? Job { get; private set; }
    /// <summary>A job id was asked for but is not (or no longer) the user's.</summary>
    public bool JobMissing { get; private set; }
    [TempData] public string? Notice { get; set; }

    string UserName => User.Identity!.Name!;

    public async Task OnGetAsync(string? job, CancellationToken ct)
    {
        if (job is null) return;
        Job = await jobs.FindAsync(db, job, UserName, ct);
        JobMissing = Job is null;
    }

    /// <summary>Starts writing the list in the background; the page then shows its progress.</summary>
    public async Task<IActionResult> OnPostStartAsync(string? kind, string? format, CancellationToken ct)
    {
        if (ListKinds.Parse(kind) is not { } list || ListKinds.ParseFormat(format) is not { } tabular) return BadRequest();
        var (job, started) = await jobs.StartAsync(db, UserName, scope.Current, list, tabular, ct);
        if (!started) Notice = $"“{ListKinds.Title(job.Kind)}”的导出尚未完成，请等它完成或取消后再导出。";
        return RedirectToPage(new { job = job.Id });
    }

    /// <summary>The progress panel alone, polled by htmx while the export runs.</summary>
    public async Task<IActionResult> OnGetStatusAsync(string? job, CancellationToken ct)
    {
        Job = await jobs.FindAsync(db, job, UserName, ct);
        return Job is null ? NotFound() : Partial("_ExportProgress", Job);
    }

    public async Task<IActionResult> OnPostCancelAsync(string? job, CancellationToken ct) =>
        await jobs.CancelAsync(db, job, UserName, ct) is { } found ? RedirectToPage(new { job = found.Id }) : NotFound();

    /// <summary>The finished file, to the user who started it.</summary>
    public async Task<IActionResult> OnGetFileAsync(string? job, CancellationToken ct) =>
        await jobs.OpenFileAsync(db, job, UserName, ct) is { } done
            ? File(done.File, ListKinds.ContentType(done.Job.Format), ListKinds.FileName(done.Job.Kind, "", done.Job.Format))
            : NotFound();

    /// <summary>
    /// The list in one request, for scripts and small lists: spooled to a temporary file because the writer is
    /// synchronous. A client that goes away stops the export and the spool file goes with it.
    /// </summary>
    public IActionResult OnGetDownload(string? kind, string? format)
    {
        if (ListKinds.Parse(kind) is not { } list || ListKinds.ParseFormat(format) is not { } tabular) return BadRequest();
        var dir = storage.ExportRoot;
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, Guid.NewGuid().ToString("N"));
        int count;
        try
        {
            using var file = System.IO.File.Create(path);
            count = transfer.Export(list, file, tabular, HttpContext.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            System.IO.File.Delete(path);
            throw;
        }
        log.LogInformation("Export of {List} ({Count} rows) by {User}", list, count, UserName);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.DeleteOnClose);
        return File(stream, ListKinds.ContentType(tabular), ListKinds.FileName(list, "", tabular));
    }
}
