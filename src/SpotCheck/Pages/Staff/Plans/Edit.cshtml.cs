using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Items;
using SpotCheck.Core.Plans;

namespace SpotCheck.Pages.Staff.Plans;

public sealed class EditModel(AppDbContext db, SavePlan.Handler handler, TimeProvider clock) : PageModel
{
    public static readonly RiskClass[] RiskClasses = Enum.GetValues<RiskClass>();

    [BindProperty(SupportsGet = true, Name = "id")] public int Id { get; set; }
    [BindProperty] public SavePlan.Command Input { get; set; } = new();
    /// <summary>Ratios in per cent as typed (e.g. 5 or 2.5), converted to ppm exactly; empty = class not in the plan.</summary>
    [BindProperty] public Dictionary<string, string?> Percent { get; set; } = [];

    public IReadOnlyList<InspectionItem> Items { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id != 0)
        {
            var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == Id, ct);
            if (plan is null) return NotFound();
            Input = new SavePlan.Command
            {
                Id = plan.Id, Year = plan.Year, Quarter = plan.Quarter, Name = plan.Name, ItemIds = [.. plan.ItemIdList],
                DepartmentCodes = [.. plan.DepartmentCodeList], Tags = string.Join(';', plan.TagList), RegionPrefix = plan.RegionPrefix,
                Statuses = [.. plan.StatusList.Select(s => s.ToString())], FlagPolicy = plan.FlagPolicy.ToString(),
                SeriousViolationWeight = plan.SeriousViolationWeight, AbnormalListWeight = plan.AbnormalListWeight,
                FlaggedRatioPpm = plan.FlaggedRatioPpm, WindowDays = plan.WindowDays, TeamSize = plan.TeamSize, EndDate = plan.EndDate,
                ExpectedVersion = plan.RowVersion,
            };
            Percent = plan.RiskClassList.ToDictionary(r => r.ToString(), r => (string?)PpmText.Percent(plan.RatioPpmOf(r)));
        }
        else
        {
            var today = Ui.LocalToday(clock);
            Input.Year = today.Year;
            Input.EndDate = new DateOnly(today.Year, 12, 31);
            Percent = new() { ["A"] = "3", ["B"] = "5", ["C"] = "10", ["D"] = "20" };
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input.Id = Id;
        Input.RatioPpm = [];
        foreach (var (risk, text) in Percent)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (PpmText.Parse(text) is { } ppm) Input.RatioPpm[risk] = ppm;
            else ModelState.AddModelError("Input.RatioPpm", $"{risk}类抽查比例“{text}”不是有效的百分数（最多4位小数）");
        }
        if (ModelState.IsValid)
        {
            var result = await handler.HandleAsync(Input, User.Identity!.Name!, ct);
            if (result.IsSuccess) return this.RedirectOrHx("/Staff/Plans");
            ModelState.AddError(result.Error!, nameof(Input));
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    async Task LoadChoicesAsync(CancellationToken ct)
    {
        Items = await db.InspectionItems.AsNoTracking().Where(i => i.Status == ItemStatus.Published).OrderBy(i => i.Code).ToListAsync(ct);
        Departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(ct))
            .Select(d => (d.Code, d.Name)).ToList();
    }
}

/// <summary>Per-cent text ↔ parts per million, in integers only (5 → 50000, 2.5 → 25000).</summary>
public static class PpmText
{
    public static long? Parse(string text)
    {
        var parts = text.Trim().TrimEnd('%').Split('.');
        if (parts.Length > 2 || parts[0].Length is 0 or > 3 || !parts[0].All(char.IsAsciiDigit)) return null;
        var fraction = parts.Length == 2 ? parts[1] : "";
        if (fraction.Length > 4 || !fraction.All(char.IsAsciiDigit)) return null;
        return long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) * 10_000
               + (fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(4, '0'), System.Globalization.CultureInfo.InvariantCulture));
    }

    public static string Percent(long ppm) =>
        ppm % 10_000 == 0
            ? (ppm / 10_000).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : $"{ppm / 10_000}.{(ppm % 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0')}";
}
