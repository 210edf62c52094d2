using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Scopes;
using SpotCheck.Core.Transfer;
using SpotCheck.Hosting;

namespace SpotCheck.Pages.Staff.Export;

public sealed class IndexModel(TransferLists transfer, ExportJobs jobs, DataScopeHolder scope, Storage storage, ILogger<IndexModel> log) : PageModel
{
    /// <summary>The export shown in the progress panel (the user's own), if any.</summary>
    public ExportJob? Job { get; private set; }
    /// <summary>A job id was asked for but is not (or no longer) the user's.</summary>
    public bool JobMissing { get; private set; }
    [TempData] public string? Notice { get; set; }

    string UserName => User.Identity!.Name!;

    public void OnGet(string? job)
    {
        if (job is null) return;
        Job = jobs.Find(job, UserName);
        JobMissing = Job is null;
    }

    /// <summary>Starts writing the list in the background; the page then shows its progress.</summary>
    public IActionResult OnPostStart(string? kind, string? format)
    {
        if (ListKinds.Parse(kind) is not { } list || ListKinds.ParseFormat(format) is not { } tabular) return BadRequest();
        var (job, started) = jobs.Start(UserName, scope.Current, list, tabular);
        if (!started) Notice = $"“{ListKinds.Title(job.Kind)}”的导出尚未完成，请等它完成或取消后再导出。";
        return RedirectToPage(new { job = job.Id });
    }

    /// <summary>The progress panel alone, polled by htmx while the export runs.</summary>
    public IActionResult OnGetStatus(string? job)
    {
        Job = jobs.Find(job, UserName);
        return Job is null ? NotFound() : Partial("_ExportProgress", Job);
    }

    public IActionResult OnPostCancel(string? job)
    {
        var found = jobs.Find(job, UserName);
        if (found is null) return NotFound();
        found.Cancel.Cancel();
        return RedirectToPage(new { job = found.Id });
    }

    /// <summary>The finished file, to the user who started it.</summary>
    public IActionResult OnGetFile(string? job)
    {
        if (jobs.Find(job, UserName) is not { State: ExportState.Done } done) return NotFound();
        var stream = new FileStream(done.Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16);
        return File(stream, ListKinds.ContentType(done.Format), ListKinds.FileName(done.Kind, "", done.Format));
    }

    /// <summary>
    /// The list in one request, for scripts and small lists: spooled to a temporary file because the writer is
    /// synchronous. A client that goes away stops the export and the spool file goes with it.
    /// </summary>
    public IActionResult OnGetDownload(string? kind, string? format)
    {
        if (ListKinds.Parse(kind) is not { } list || ListKinds.ParseFormat(format) is not { } tabular) return BadRequest();
        var dir = Path.Combine(storage.DataDir, "exports");
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
