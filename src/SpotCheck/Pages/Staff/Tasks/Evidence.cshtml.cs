using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Evidence;
using SpotCheck.Hosting;

namespace SpotCheck.Pages.Staff.Tasks;

/// <summary>The only way to an evidence file: checks the task is visible and the bytes still hash to their name.</summary>
public sealed class EvidenceModel(AppDbContext db, OpenEvidence.Handler open) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, bool thumb, CancellationToken ct)
    {
        var viewer = await TaskViewers.ForAsync(User, db, ct);
        var result = await open.HandleAsync(HttpContext.RequestServices.Evidence(), id, thumb, viewer, ct);
        if (!result.IsSuccess)
            return result.Error!.Kind == ErrorKind.NotFound
                ? NotFound(result.Error.Message) // includes a file this instance's store does not have: not an integrity failure
                : StatusCode(StatusCodes.Status409Conflict, result.Error.Message); // failed its hash check: refused, logged, never served
        var c = result.Value;
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return c.IsImage ? File(c.Bytes, c.ContentType) : File(c.Bytes, c.ContentType, c.FileName);
    }
}
