using Microsoft.Net.Http.Headers;

namespace SpotCheck.Api;

/// <summary>
/// The optimistic-concurrency version of an editable resource on the wire: a strong ETag <c>"N"</c> on reads, and
/// <c>If-Match: "N"</c> on updates, so a client that edits what it read gets 409 instead of overwriting a newer change.
/// </summary>
public static class VersionHeaders
{
    public static void SetETag(HttpContext http, int version) =>
        http.Response.Headers.ETag = new EntityTagHeaderValue($"\"{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"").ToString();

    /// <summary>The version named by If-Match, null when absent or "*"; false when the header is not a version we issued.</summary>
    public static bool TryReadIfMatch(HttpContext http, out int? version)
    {
        version = null;
        var raw = http.Request.Headers.IfMatch.ToString();
        if (raw.Length == 0 || raw.Trim() == "*") return true;
        if (!EntityTagHeaderValue.TryParse(raw.Trim(), out var tag)) return false;
        var text = tag.Tag.ToString().Trim('"');
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v)) return false;
        version = v;
        return true;
    }
}
