using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Common;

namespace SpotCheck.Pages;

/// <summary>Small view helpers shared by the pages; only constant markup is emitted unencoded.</summary>
public static class Ui
{
    static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static IHtmlContent DemoBadge(bool isDemo) =>
        isDemo ? new HtmlString("<span class=\"badge text-bg-warning ms-1\">示例数据</span>") : HtmlString.Empty;

    /// <summary>Stored UTC shown in Beijing time.</summary>
    public static string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Shanghai).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Local(DateTime? utc) => utc is { } u ? Local(u) : "";

    /// <summary>Today's calendar day in Beijing, which is what dates on forms and certificates mean.</summary>
    public static DateOnly LocalToday(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Shanghai).DateTime);

    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string YesNo(bool b) => b ? "是" : "否";

    public static bool IsHtmx(this HttpRequest request) => request.Headers.ContainsKey("HX-Request");

    /// <summary>A normal redirect, or HX-Redirect so htmx navigates the whole page.</summary>
    public static IActionResult RedirectOrHx(this PageModel page, string url)
    {
        if (!page.Request.IsHtmx()) return new RedirectResult(url);
        page.Response.Headers["HX-Redirect"] = url;
        return new OkResult();
    }

    /// <summary>Puts a use-case error on its form field (or on the form when it names none).</summary>
    public static void AddError(this Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, Error error, string prefix = "") =>
        state.AddModelError(error.Field is null ? "" : prefix.Length == 0 ? error.Field : $"{prefix}.{error.Field}", error.Message);
}
