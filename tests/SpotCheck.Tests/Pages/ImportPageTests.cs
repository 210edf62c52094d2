using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Transfer;
using SpotCheck.TestFiles;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Pages;

/// <summary>The import page on the files clerks have: encoding and warnings shown with the result; templates without example rows.</summary>
public sealed class ImportPageTests(DemoHostFixture fixture) : IClassFixture<DemoHostFixture>, IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("spotcheck-import-page-").FullName;

    TestHost Host => fixture.Host;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_GB18030_csv_with_a_title_line_imports_and_the_page_names_the_encoding_and_the_ignored_column()
    {
        var planner = await Host.SignedInClientAsync(Roles.Planner);
        var token = await TestHost.AntiforgeryTokenAsync(planner, "/Staff/Import?kind=officers");
        var path = ClerkFiles.Gb18030Csv(Path.Combine(_dir, "人员.csv"),
        [
            ["西平县执法检查人员名录（2026年）"],
            [.. OfficerLayout.Headers, "备注"],
            ["ＸＰ－ＯＦＦ－７７", "王芳", "XPKGJ", "", "豫DEMO-411721-0077", "2029年6月30日", "工业和信息化", "是", "10", "新调入"],
        ]);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("officers"), "Kind" },
        };
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "人员.csv");

        var response = await planner.PostAsync("/Staff/Import?kind=officers", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("导入成功", html);
        Assert.Contains("文件编码：GB18030", html);
        Assert.Contains("第2行表头中的第J列“备注”不是导入格式中的列，该列未导入", html);
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var officer = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Officers.SingleAsync(o => o.Code == "XP-OFF-77");
        Assert.Equal(new DateOnly(2029, 6, 30), officer.CertificateValidTo);
    }

    [Theory]
    [InlineData("enterprises")]
    [InlineData("officers")]
    [InlineData("items")]
    public async Task The_downloaded_templates_hold_the_header_alone_and_the_xlsx_a_notes_sheet(string kind)
    {
        var planner = await Host.SignedInClientAsync(Roles.Planner);
        var list = kind switch { "enterprises" => ListKind.Enterprises, "officers" => ListKind.Officers, _ => ListKind.Items };

        var csv = await planner.GetByteArrayAsync($"/Staff/Import?handler=Template&kind={kind}&format=csv");
        var xlsx = await planner.GetByteArrayAsync($"/Staff/Import?handler=Template&kind={kind}&format=xlsx");

        using (var stream = new MemoryStream(csv)) Assert.Equal<string?>(TransferLists.Headers(list), Assert.Single(CsvRows.Read(stream)));
        using (var stream = new MemoryStream(xlsx)) Assert.Equal(TransferLists.Headers(list), Assert.Single(XlsxRows.Read(stream)).Cells);
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        var workbook = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open()).ReadToEnd();
        Assert.Contains($"name=\"{TransferLists.Title(list)}\"", workbook);
        Assert.Contains("name=\"填写说明\"", workbook);
        Assert.DoesNotContain("XP-OFF-01", System.Text.Encoding.UTF8.GetString(csv));
    }
}
