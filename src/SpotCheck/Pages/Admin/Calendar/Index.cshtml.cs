using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Calendar;
using SpotCheck.Core.Data;

namespace SpotCheck.Pages.Admin.Calendar;

/// <summary>Loaded working-day years and the import of new ones: upload → preview of the changes → confirm.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    const long MaxFileBytes = 1024 * 1024;

    public sealed record YearRow(int Year, string Status, int OffDays, int MakeupWorkdays, string Source);

    public IReadOnlyList<YearRow> Years { get; private set; } = [];
    public ImportCalendar.Outcome? Preview { get; private set; }
    public ImportCalendar.Outcome? Imported { get; private set; }
    [BindProperty] public string? FileText { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), "请选择日历文件（cn-holidays.json 格式）");
        else if (Upload.Length > MaxFileBytes) ModelState.AddModelError(nameof(Upload), "文件过大（上限 1 MB）");
        else
        {
            using var reader = new StreamReader(Upload.OpenReadStream());
            FileText = await reader.ReadToEndAsync(ct);
            var preview = await ImportCalendar.PreviewAsync(db, FileText, ct);
            if (preview.IsSuccess) Preview = preview.Value;
            else ModelState.AddModelError(nameof(Upload), preview.Error!.Message);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync([FromServices] ImportCalendar.Handler import, CancellationToken ct)
    {
        var result = await import.HandleAsync(FileText ?? "", User.Identity!.Name!, ct);
        if (result.IsSuccess) Imported = result.Value;
        else ModelState.AddModelError(nameof(Upload), result.Error!.Message);
        FileText = null;
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var imported = await db.CalendarYears.AsNoTracking().Where(y => y.IsCurrent)
            .ToDictionaryAsync(y => y.Year, y => $"导入 v{y.Version}（{y.ImportedBy}，{Ui.Local(y.ImportedAtUtc)}）", ct);
        Years = [.. (await CalendarStore.YearsAsync(db, ct)).Select(y => new YearRow(y.Year, y.Status, y.OffDays.Count,
            y.MakeupWorkdays.Count, imported.GetValueOrDefault(y.Year, "随软件提供")))];
    }
}
