using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Transfer;
using SpotCheck.Hosting;

namespace SpotCheck.Pages.Staff.Export;

public sealed class IndexModel(TransferLists transfer, Storage storage, ILogger<IndexModel> log) : PageModel
{
    public void OnGet() { }

    /// <summary>
    /// Streams the list in its import layout; spooled to a temporary file because the writer is synchronous. A user who
    /// leaves the page stops the export (a million rows take a while) and the spool file goes with it.
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
        log.LogInformation("Export of {List} ({Count} rows) by {User}", list, count, User.Identity!.Name);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.DeleteOnClose);
        return File(stream, ListKinds.ContentType(tabular), ListKinds.FileName(list, "", tabular));
    }
}
