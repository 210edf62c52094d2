using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Pages.Staff.Draws;

/// <summary>The ceremony page: the current step, the frozen facts, and the form for the next step of the user's role.</summary>
public sealed class DetailsModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string DrawId { get; set; } = "";
    [BindProperty] public string? Secret { get; set; }
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public DrawSession Draw { get; private set; } = null!;
    public IReadOnlyList<DrawSelection> Selections { get; private set; } = [];
    /// <summary>Frame-error substitutions (§4.2) by USCC: the replaced target and its substitute.</summary>
    public IReadOnlyDictionary<string, string> SubstitutionLabels { get; private set; } = new Dictionary<string, string>();
    /// <summary>Names to read aloud beside the codes: enterprises by id, officers by code.</summary>
    public IReadOnlyDictionary<int, string> EnterpriseNames { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyDictionary<string, string> OfficerNames { get; private set; } = new Dictionary<string, string>();
    public string? Error { get; private set; }
    public string? Notice { get; private set; }
    /// <summary>A secret the server just generated: shown once, never stored.</summary>
    public string? ShownSecret { get; private set; }

    /// <summary>The organiser (Planner); which forms the page shows follows the same policies as the handlers.</summary>
    public bool IsPlanner { get; private set; }
    public bool IsParty { get; private set; }
    /// <summary>A superior department's view of a subordinate's draw: everything is shown, no step can be taken.</summary>
    public bool ReadOnly { get; private set; }
    public string Party => IsPlanner ? DrawSession.Organizer : DrawSession.Supervisor;

    [NonHandler]
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        IsPlanner = await HttpContext.MayAsync(Policies.Planners);
        IsParty = await HttpContext.MayAsync(Policies.DrawParties);
        await next();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetRecordAsync([FromServices] SpotCheck.Hosting.DrawRecordCache records, CancellationToken ct)
    {
        if (!await db.DrawSessions.AnyAsync(d => d.DrawId == DrawId, ct)) return NotFound();
        var record = await records.GetAsync(DrawId, includePrivateFiles: IsParty, ct);
        if (!record.IsSuccess) return NotFound();
        return PhysicalFile(record.Value.Path, "application/json", $"draw-record-{DrawId}.json");
    }

    [HandlerPolicy(Policies.DrawParties)]
    public async Task<IActionResult> OnPostCommitAsync([FromServices] CommitDraw.Handler commit, CancellationToken ct)
    {
        var r = await commit.HandleAsync(DrawId, Party, string.IsNullOrWhiteSpace(Secret) ? null : Secret.Trim(), User.Identity!.Name!, ct);
        if (r.IsSuccess) ShownSecret = r.Value;
        return await AfterAsync(r, "已提交承诺值。请妥善保管秘密值，揭示时需要重新输入。", ct);
    }

    [HandlerPolicy(Policies.DrawParties)]
    public async Task<IActionResult> OnPostRandomnessAsync([FromServices] EnterPublicRandomness.Handler enter, CancellationToken ct)
    {
        var r = await enter.HandleAsync(DrawId, Value?.Trim() ?? "", User.Identity!.Name!, ct);
        var notice = r.IsSuccess
            ? r.Value.Confirmed ? $"两次录入一致，已确认。宣读码：{r.Value.ReadAloudCode}" : $"已录入，等待另一人独立录入核对。宣读码：{r.Value.ReadAloudCode}"
            : "";
        return await AfterAsync(r, notice, ct);
    }

    [HandlerPolicy(Policies.DrawParties)]
    public async Task<IActionResult> OnPostRevealAsync([FromServices] RevealSecret.Handler reveal, CancellationToken ct) =>
        await AfterAsync(await reveal.HandleAsync(DrawId, Party, Secret?.Trim() ?? "", User.Identity!.Name!, ct), "秘密值与承诺值一致，已揭示。", ct);

    [HandlerPolicy(Policies.Planners)]
    public async Task<IActionResult> OnPostRunAsync([FromServices] RunDraw.Handler run, CancellationToken ct) =>
        await AfterAsync(await run.HandleAsync(DrawId, User.Identity!.Name!, ct), "抽取与配员已完成。", ct);

    [HandlerPolicy(Policies.Planners)]
    public async Task<IActionResult> OnPostVoidAsync([FromServices] VoidDraw.Handler voidDraw, CancellationToken ct) =>
        await AfterAsync(await voidDraw.HandleAsync(DrawId, Reason ?? "", User.Identity!.Name!, ct), "已作废。重新抽取需新的抽取编号和新的承诺。", ct);

    [HandlerPolicy(Policies.Planners)]
    public async Task<IActionResult> OnPostPublishAsync([FromServices] PublishDraw.Handler publish, CancellationToken ct) =>
        await AfterAsync(await publish.HandleAsync(DrawId, User.Identity!.Name!, ct), "已公示。", ct);

    /// <summary>An officer as read aloud: 张明（XP-OFF-01）.</summary>
    public string Officer(string code) => OfficerNames.TryGetValue(code, out var name) ? $"{name}（{code}）" : code;

    async Task<IActionResult> AfterAsync(Result result, string notice, CancellationToken ct)
    {
        if (result.IsSuccess) Notice = notice;
        else Error = result.Error!.Message;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    async Task<bool> LoadAsync(CancellationToken ct)
    {
        var draw = await db.DrawSessions.AsNoTracking().IgnoreAutoIncludes().SingleOrDefaultAsync(d => d.DrawId == DrawId, ct);
        if (draw is null) return false;
        Draw = draw;
        var departments = await db.Plans.AsNoTracking().Where(p => p.Id == draw.PlanId).Select(p => p.DepartmentCodes).SingleAsync(ct);
        ReadOnly = !db.Scope.ActsForAny(departments);
        if (ReadOnly) IsPlanner = IsParty = false;
        Selections = await db.DrawSelections.AsNoTracking().Where(s => s.DrawId == DrawId).OrderBy(s => s.Rank).ThenBy(s => s.Id).ToListAsync(ct);
        var enterpriseIds = Selections.Select(s => s.EnterpriseId).ToList();
        EnterpriseNames = await db.Enterprises.AsNoTracking().Where(e => enterpriseIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var codes = Selections.SelectMany(s => s.Team).Distinct(StringComparer.Ordinal).ToList();
        OfficerNames = await db.Officers.AsNoTracking().Where(o => codes.Contains(o.Code))
            .ToDictionaryAsync(o => o.Code, o => o.Name, StringComparer.Ordinal, ct);
        SubstitutionLabels = DrawSubstitutions.Labels(await db.AuditEntries.AsNoTracking()
            .Where(e => e.DrawId == DrawId && e.Type == DrawSubstitutions.AuditType).ToListAsync(ct));
        return true;
    }
}
