using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Items;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Pages.Staff.Tasks;

/// <summary>A planner creates a non-random task (受理举报 and the like) outside any draw.</summary>
public sealed class CreateModel(AppDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>A complaint is usually handled within a month; the planner changes it when the basis says otherwise.</summary>
    const int DefaultDueDays = 30;

    [BindProperty] public CreateTask.Command Input { get; set; } = new() { Source = "COMPLAINT" };
    /// <summary>What the planner typed into the enterprise picker (name or USCC).</summary>
    [BindProperty] public string? EnterpriseQuery { get; set; }
    public IReadOnlyList<SearchEnterprises.Row> Choices { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> Items { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> Officers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.DueDate = Ui.LocalToday(clock).AddDays(DefaultDueDays);
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The picker's candidates as the planner types (htmx), by USCC or anywhere in the name.</summary>
    public async Task<IActionResult> OnGetEnterprisesAsync(string? enterpriseQuery, [FromServices] SearchEnterprises.Handler search, CancellationToken ct)
    {
        EnterpriseQuery = enterpriseQuery;
        Choices = await FindAsync(enterpriseQuery, search, ct);
        return Partial("_EnterpriseChoices", this);
    }

    public async Task<IActionResult> OnPostAsync([FromServices] CreateTask.Handler create, [FromServices] SearchEnterprises.Handler search, CancellationToken ct)
    {
        if (Input.EnterpriseId == 0 && !string.IsNullOrWhiteSpace(EnterpriseQuery))
        {
            Choices = await FindAsync(EnterpriseQuery, search, ct);
            if (Choices.Count == 1) Input.EnterpriseId = Choices[0].Id;
            else
            {
                ModelState.AddModelError(nameof(EnterpriseQuery), Choices.Count == 0
                    ? $"未找到检查对象“{EnterpriseQuery.Trim()}”，请输入企业名称中的字或完整的统一社会信用代码"
                    : "有多个检查对象符合，请在候选列表中选择一个");
                await LoadAsync(ct);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            }
        }
        var result = await create.HandleAsync(Input, User.Identity!.Name!, ct);
        if (result.IsSuccess) return RedirectToPage("Details", new { id = result.Value });
        ModelState.AddError(result.Error!, nameof(Input));
        ModelState.AddModelError("", result.Error!.Message);
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    static async Task<IReadOnlyList<SearchEnterprises.Row>> FindAsync(string? q, SearchEnterprises.Handler search, CancellationToken ct)
    {
        var text = q?.Trim() ?? "";
        if (text.Length == 0) return [];
        var byUscc = text.Length == 18 && text.All(char.IsAsciiLetterOrDigit);
        var query = byUscc
            ? new SearchEnterprises.Query { Uscc = text, PageSize = 10, IncludeTotal = false }
            : new SearchEnterprises.Query { Name = text, NameContains = true, PageSize = 10, IncludeTotal = false };
        return (await search.HandleAsync(query, ct)).Items;
    }

    async Task LoadAsync(CancellationToken ct)
    {
        if (Input.EnterpriseId != 0 && Choices.Count == 0)
            Choices = await db.Enterprises.AsNoTracking().Where(e => e.Id == Input.EnterpriseId)
                .Select(e => new SearchEnterprises.Row(e.Id, e.Name, e.Uscc, e.RegionCode, e.Address, e.RiskClass, e.AbnormalList,
                    e.SeriousViolation, e.Status, e.IsDemo, false, Array.Empty<string>(), e.RowVersion)).ToListAsync(ct);
        Items = (await db.InspectionItems.AsNoTracking().Where(i => i.Status == ItemStatus.Published).OrderBy(i => i.Code).ToListAsync(ct))
            .Select(i => (i.Id, $"{i.Code} {i.Name}")).ToList();
        Officers = (await db.Officers.AsNoTracking().Where(o => o.Active).OrderBy(o => o.Code).ToListAsync(ct))
            .Select(o => (o.Id, $"{o.Code} {o.Name}")).ToList();
    }
}
