using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;

namespace SpotCheck.Pages.Audit;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public AuditPage Entries { get; private set; } = new(0, []);
    public AuditHead Head { get; private set; } = AuditHead.Empty;
    public IReadOnlyDictionary<string, string> People { get; private set; } = new Dictionary<string, string>();
    public int PageCount => Math.Max(1, (Entries.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var reader = new AuditReader(db);
        PageNumber = Math.Max(1, PageNumber);
        Head = await reader.HeadAsync(ct);
        Entries = await reader.ListAsync(new AuditQuery(Type?.Trim() is { Length: > 0 } t ? t : null, Page: PageNumber, PageSize: PageSize), ct);
        People = await Core.Identity.DisplayNames.ForAsync(db, Entries.Items.Select(e => e.Actor), ct);
    }
}
