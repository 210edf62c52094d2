using Microsoft.AspNetCore.Identity;
using SpotCheck.Core.Common;

namespace SpotCheck.Core.Identity;

static class IdentityErrors
{
    /// <summary>All of Identity's reasons in one line, e.g. every password rule the input broke.</summary>
    public static Error ToError(IdentityResult result, string field) => new(
        "user." + (result.Errors.FirstOrDefault()?.Code ?? "failed"),
        string.Join("；", result.Errors.Select(e => e.Description)),
        field);

    public static Error UserNotFound(string userName) =>
        new("user.not_found", $"用户“{userName}”不存在", "UserName", ErrorKind.NotFound);
}
