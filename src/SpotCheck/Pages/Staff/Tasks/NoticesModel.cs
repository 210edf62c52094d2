using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Notices;
using SpotCheck.Core.Tasks;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Pages.Staff.Tasks;

/// <summary>The task page's 文书 block: each kind's latest 文号, whether it is out of date, and whether this user may issue.</summary>
public sealed record NoticesModel(int TaskId, IReadOnlyList<NoticeStatus.Entry> Entries, IReadOnlyDictionary<string, string> IssuerNames, bool MayIssue)
{
    public static async Task<NoticesModel> LoadAsync(PageModel page, int taskId, TaskViewer viewer, CancellationToken ct)
    {
        var services = page.HttpContext.RequestServices;
        var status = await services.GetRequiredService<NoticeStatus.Handler>().HandleAsync(taskId, viewer, ct);
        var entries = status.IsSuccess ? status.Value : [];
        var issuers = entries.Where(e => e.Latest is not null).Select(e => e.Latest!.IssuedBy).Distinct().ToList();
        var names = await services.GetRequiredService<AppDbContext>().Users.AsNoTracking()
            .Where(u => issuers.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, ct);
        return new NoticesModel(taskId, entries, names, await page.HttpContext.MayAsync(Policies.NoticeIssuers));
    }

    public string NameOf(string userName) => IssuerNames.TryGetValue(userName, out var name) && name.Length > 0 ? name : userName;
}
