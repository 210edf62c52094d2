using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Notices;

namespace SpotCheck.Pages.Admin.Notices;

/// <summary>Changes one department's notice settings (Admin only, by the /Admin folder rule).</summary>
public sealed class EditModel(ListNoticeSettings.Handler list, SaveNoticeSettings.Handler save, TimeProvider clock) : PageModel
{
    [BindProperty] public SaveNoticeSettings.Command Input { get; set; } = new();
    public DepartmentNoticeSettings Department { get; private set; } = null!;
    [TempData] public string? Message { get; set; }

    /// <summary>What the next numbers would look like this year, so the Admin sees the pattern at work.</summary>
    public string Example(string pattern) =>
        NoticeNumberPattern.Validate(pattern, "", "") is null ? NoticeNumberPattern.Format(pattern.Trim(), Ui.LocalToday(clock).Year, 1) : "";

    public async Task<IActionResult> OnGetAsync(int departmentId, CancellationToken ct)
    {
        var found = await list.OneAsync(departmentId, ct);
        if (!found.IsSuccess) return NotFound();
        Department = found.Value;
        Input = SaveNoticeSettings.Command.From(Department.Settings);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int departmentId, CancellationToken ct)
    {
        var found = await list.OneAsync(departmentId, ct);
        if (!found.IsSuccess) return NotFound();
        Department = found.Value;
        var daysKey = $"{nameof(Input)}.{nameof(Input.ObjectionWorkdays)}";
        if (ModelState[daysKey] is { Errors.Count: > 0 } days)
        {
            // The framework's own message for a non-number is English.
            days.Errors.Clear();
            ModelState.AddModelError(daysKey, $"异议期限应为1–{SaveNoticeSettings.MaxObjectionWorkdays}之间的整数（工作日）");
            return Page();
        }
        var result = await save.HandleAsync(departmentId, Input, User.Identity!.Name!, ct);
        if (result.IsSuccess)
        {
            Message = $"已保存{Department.DepartmentName}的文书设置";
            return RedirectToPage("Index");
        }
        ModelState.AddError(result.Error!, nameof(Input));
        if (result.Error!.Field is null) ModelState.AddModelError("", result.Error.Message);
        return Page();
    }
}
