using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Plans;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Pages.Staff.Draws;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? PlanId { get; set; }
    [BindProperty] public string RandomnessKind { get; set; } = "dice";
    [BindProperty] public string RandomnessNote { get; set; } = "组织方与监督方现场各掷骰子，依次记录不少于20位数字";

    public static readonly IReadOnlyList<(string Kind, string Label)> KindOptions =
    [
        ("dice", "dice · 现场掷骰子"), ("drand", "drand · League of Entropy 公开信标"), ("nist", "nist · NIST 随机信标"),
        ("drand+dice", "drand+dice · 公开信标与现场掷骰组合"),
    ];
    [BindProperty] public string? SupplementOf { get; set; }

    public Plan? Plan { get; private set; }
    public IReadOnlyList<DrawSession> Draws { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return PlanId is not null && Plan is null ? NotFound() : Page();
    }

    [HandlerPolicy(Policies.Planners)]
    public async Task<IActionResult> OnPostFreezeAsync([FromServices] FreezeDraw.Handler freeze, [FromServices] IConfiguration config, CancellationToken ct)
    {
        var result = await freeze.HandleAsync(new FreezeDraw.Command
        {
            PlanId = PlanId ?? 0, RandomnessSource = $"{RandomnessKind}：{RandomnessNote?.Trim()}", SupplementOf = SupplementOf,
            YearlyCap = config.GetValue("SpotCheck:YearlyCapPerEnterprise", PlanRules.DefaultYearlyCap),
        }, User.Identity!.Name!, ct);
        if (result.IsSuccess) return this.RedirectOrHx($"/Staff/Draws/Details?drawId={Uri.EscapeDataString(result.Value)}");
        Error = result.Error!.Message;
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var q = db.DrawSessions.AsNoTracking().IgnoreAutoIncludes();
        if (PlanId is { } id)
        {
            Plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
            q = q.Where(d => d.PlanId == id);
        }
        Draws = await q.OrderByDescending(d => d.Id).Take(200).ToListAsync(ct);
    }
}
