using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Pages;

/// <summary>Calendar admin: upload → preview (nothing saved) → confirm (a new logged version per year).</summary>
public sealed partial class CalendarPageTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    static string ShippedCalendar()
    {
        using var stream = typeof(AppDbContext).Assembly.GetManifestResourceStream("SpotCheck.Core.Calendar.cn-holidays.json")!;
        return new StreamReader(stream).ReadToEnd();
    }

    [Fact]
    public async Task Admin_previews_then_imports_a_calendar_file()
    {
        var admin = await fixture.Host!.SignedInClientAsync(Roles.Admin);
        var token = await TestHost.AntiforgeryTokenAsync(admin, "/Admin/Calendar");
        var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new StringContent(ShippedCalendar());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        upload.Add(file, "Upload", "cn-holidays.json");

        var preview = await admin.PostAsync("/Admin/Calendar?handler=Preview", upload);
        var previewHtml = await preview.Content.ReadAsStringAsync();
        var afterPreview = await admin.GetStringAsync("/Admin/Calendar");

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("预览（尚未保存）", previewHtml);
        Assert.Contains("<td>2026</td>", previewHtml);
        Assert.DoesNotContain("导入 v", afterPreview); // the preview saved nothing

        var fileText = WebUtility.HtmlDecode(HiddenFileText().Match(previewHtml).Groups[1].Value);
        var confirm = await admin.PostAsync("/Admin/Calendar?handler=Import", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["FileText"] = fileText,
            ["__RequestVerificationToken"] = token,
        }));
        var confirmHtml = await confirm.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("已导入", confirmHtml);
        Assert.Contains("导入 v", confirmHtml);
    }

    [GeneratedRegex("name=\"FileText\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenFileText();
}
