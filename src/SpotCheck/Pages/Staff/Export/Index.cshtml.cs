using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Transfer;
using SpotCheck.Hosting;

namespace SpotCheck.Pages.Staff.Export;

public sealed class IndexModel(TransferLists transfer, Storage storage, ILogger<IndexModel> log) : PageModel
{
    public void OnGet() { }

    /// <summary>Streams the list in its import layout; spooled to a temporary file because the writer is synchronous.</summary>
    public IActionResult OnGetDownload(string? kind, string? format)
    {
        if (ListKinds.Parse(kind) is not { } list || ListKinds.ParseFormat(format) is not { } tabular) return BadRequest();
        var dir = Path.Combine(storage.DataDir, "exports");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, Guid.NewGuid().ToString("N"));
        int count;
        using (var file = System.IO.File.Create(path)) count = transfer.Export(list, file, tabular);
        log.LogInformation("Export of {List} ({Count} rows) by {User}", list, count, User.Identity!.Name);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.DeleteOnClose);
        return File(stream, ListKinds.ContentType(tabular), ListKinds.FileName(list, "", tabular));
    }
}
