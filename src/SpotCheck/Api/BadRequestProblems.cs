using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Api;

/// <summary>
/// Request binding failures on the API (a JSON value of the wrong type, unparsable JSON, a query value that is not a
/// number) as a 400 ValidationProblem naming the field, e.g. <c>errors["ratioPpm.A"]</c>, in zh-CN.
/// </summary>
sealed partial class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad || !ApiPaths.IsApi(http.Request.Path)) return false;
        var (field, message) = Describe(bad);
        http.Response.StatusCode = bad.StatusCode;
        ProblemDetails details = field is null
            ? new ProblemDetails { Status = bad.StatusCode, Title = message }
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = bad.StatusCode, Title = "请求中有字段的格式不正确",
            };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
    }

    static (string? Field, string Message) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = JsonPath(json.Path);
            return field is null
                ? ("body", "请求体不是有效的 JSON")
                : (field, $"{field} 的值类型不正确（例如数字写成了文字、列表写成了单个值，或 JSON 不完整）");
        }
        if (BindFailure().Match(bad.Message) is { Success: true } m)
            return (m.Groups["name"].Value, $"{m.Groups["name"].Value} 的值“{m.Groups["value"].Value}”无法识别");
        if (MissingBody().IsMatch(bad.Message)) return ("body", "缺少请求体：需要一个 JSON 对象");
        return bad.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => (null, "不支持的请求内容类型：接口接受 application/json（上传证据用 multipart/form-data）"),
            StatusCodes.Status413PayloadTooLarge => (null, "请求体过大"),
            _ => (null, "请求格式不正确"),
        };
    }

    /// <summary><c>$.checklist[0].note</c> → <c>checklist[0].note</c>; the whole document → null.</summary>
    static string? JsonPath(string? path) =>
        path is null or "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    [GeneratedRegex("""^Failed to bind parameter "[^"]*?(?<name>\w+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    [GeneratedRegex("^Required parameter .* was not provided from body", RegexOptions.Singleline)]
    private static partial Regex MissingBody();
}
