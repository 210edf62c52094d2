using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Transfer;
using SpotCheck.Hosting;

namespace SpotCheck.Pages.Staff.Import;

[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class IndexModel(TransferLists transfer, Storage storage, ILogger<IndexModel> log) : PageModel
{
    const long MaxUploadBytes = 512L * 1024 * 1024;

    [BindProperty(SupportsGet = true)] public string Kind { get; set; } = "enterprises";
    [BindProperty] public IFormFile? Upload { get; set; }

    public ListKind ListKind => ListKinds.Parse(Kind) ?? ListKind.Enterprises;
    public TabularLayout Layout => TransferLists.Layout(ListKind);
    public ImportResult? Result { get; private set; }
    public string? UploadedName { get; private set; }

    public void OnGet() { }

    public IActionResult OnGetTemplate(string? format)
    {
        var tabular = ListKinds.ParseFormat(format) ?? TabularFormat.Xlsx;
        var buffer = new MemoryStream();
        TransferLists.WriteTemplate(ListKind, buffer, tabular);
        buffer.Position = 0;
        return File(buffer, ListKinds.ContentType(tabular), ListKinds.FileName(ListKind, "导入模板", tabular));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "请选择要导入的 .xlsx 或 .csv 文件");
            return Page();
        }
        var format = TabularFile.FormatOf(Upload.FileName);
        if (!format.IsSuccess)
        {
            ModelState.AddModelError(nameof(Upload), format.Error!.Message);
            return Page();
        }
        UploadedName = Path.GetFileName(Upload.FileName);
        // A file of our own naming: the uploaded name only contributes its checked extension.
        var temp = Path.Combine(storage.DataDir, "uploads", $"{Guid.NewGuid():N}{(format.Value == TabularFormat.Xlsx ? ".xlsx" : ".csv")}");
        Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
        try
        {
            await using (var target = System.IO.File.Create(temp)) await Upload.CopyToAsync(target, ct);
            Result = await transfer.ImportAsync(ListKind, temp, User.Identity!.Name!, ct);
        }
        finally
        {
            System.IO.File.Delete(temp);
        }
        log.LogInformation("Import of {List} from {FileName} by {User}: {Imported} imported, {ErrorCount} errors",
            ListKind, UploadedName, User.Identity!.Name, Result.Imported, Result.ErrorCount);
        return Page();
    }
}
