using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Publication;
using SpotCheck.Core.Tasks;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Portal;

/// <summary>
/// The open data (csv, json) and the staff xlsx in the national publicity layout, read back as a user's tools would:
/// MiniExcel and LibreOffice headless. On the demo data plus one result whose enterprise name looks like a formula,
/// published and then corrected.
/// </summary>
public sealed class ResultExportTests : IClassFixture<DemoHostFixture>, IAsyncLifetime
{
    const string FormulaName = "=1+2西平县公式测试企业有限公司";
    const string Reason = "经核实原公示结果有误，依据异议材料更正";

    readonly DemoHostFixture _fixture;
    PortalKit _kit = null!;
    int _year;

    public ResultExportTests(DemoHostFixture fixture) => _fixture = fixture;

    TestHost Host => _fixture.Host;

    public async Task InitializeAsync()
    {
        _kit = new PortalKit(Host);
        _year = _kit.Today.AddDays(-3).Year;
        if (await _kit.InScopeAsync((_, db) => db.PublishedResults.AnyAsync(r => r.EnterpriseName == FormulaName))) return;
        var enterprise = await _kit.EnterpriseAsync(FormulaName, 601);
        var first = await _kit.OfficerAsync("EXP-OFF-1", "导出检查员甲", "豫EXP-CERT-0001");
        var second = await _kit.OfficerAsync("EXP-OFF-2", "导出检查员乙", "豫EXP-CERT-0002");
        var task = await _kit.ApprovedAsync(enterprise.Id, first, second,
            new PortalKit.Inspection(_kit.Record(3, "厂区", "无", "无"), "证据.pdf", PortalKit.Pdf("证据")));
        await _kit.PublishAsync(task);
        await _kit.InScopeAsync(async (sp, _) =>
        {
            var corrected = await sp.GetRequiredService<CorrectResult.Handler>().HandleAsync(task, new CorrectResult.Command
            {
                Results = ["CORRECTED_AFTER_ORDER"], FollowUps = ["NONE_REQUIRED"], Reason = Reason,
            }, PortalKit.Reviewer);
            Assert.True(corrected.IsSuccess, corrected.Error?.Message);
            return 0;
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    Task<List<PublishedResult>> CurrentAsync(int year) =>
        _kit.InScopeAsync((_, db) => PublicResults.Current(db).Where(r => r.Year == year).OrderBy(r => r.PublishedAtUtc).ThenBy(r => r.Id).ToListAsync());

    async Task<byte[]> DownloadAsync(HttpClient client, string url, string contentType)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.StartsWith(contentType, response.Content.Headers.ContentType?.ToString());
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Csv_open_data_has_a_bom_every_current_result_and_no_live_formula()
    {
        var demoYear = await _kit.InScopeAsync((_, db) => db.PublishedResults.Where(r => r.IsDemo).Select(r => r.Year).FirstAsync());
        foreach (var year in new[] { demoYear, _year })
        {
            var expected = await CurrentAsync(year);
            var bytes = await DownloadAsync(Host.Client(), $"/api/v1/public/results/export?year={year}&format=csv", "text/csv");

            Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
            var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(ResultsOpenData.CsvHeaders, rows[0].Keys);
            Assert.Equal(expected.Select(r => SpreadsheetText.Neutralise(r.EnterpriseName)), rows.Select(r => (string?)r["企业名称"]));
            Assert.Equal(expected.Select(r => r.Uscc), rows.Select(r => (string?)r["统一社会信用代码"]));
            Assert.Equal(expected.Select(r => r.ResultText), rows.Select(r => (string?)r["检查结果"]));
        }
        var text = Encoding.UTF8.GetString(await DownloadAsync(Host.Client(), $"/api/v1/public/results/export?year={_year}&format=csv", "text/csv"));
        Assert.Contains("'" + FormulaName, text);
        Assert.Contains(Reason, text);
    }

    [Fact]
    public async Task Json_open_data_is_an_array_of_camel_case_results_with_version_and_correction()
    {
        var expected = await CurrentAsync(_year);
        var batch = await _kit.InScopeAsync((_, db) => db.PublishedResults.Where(r => r.EnterpriseName == FormulaName && r.Version == 1)
            .Join(db.PublicationBatches, r => r.BatchId, b => (int?)b.Id, (r, b) => b.Number).SingleAsync());

        var json = JsonNode.Parse(await DownloadAsync(Host.Client(), $"/api/v1/public/results/export?year={_year}&format=json", "application/json"))!.AsArray();

        Assert.Equal(expected.Count, json.Count);
        var row = json.Single(r => r!["enterpriseName"]!.GetValue<string>() == FormulaName)!.AsObject();
        Assert.Equal(["enterpriseName", "uscc", "item", "inspectedOn", "result", "followUp", "department", "publishedAt", "checkType", "version",
            "correctedOn", "correctionReason", "batch"], row.Select(p => p.Key));
        Assert.Equal(2, row["version"]!.GetValue<int>());
        Assert.Equal(ResultsOpenData.Day(_kit.Today), row["correctedOn"]!.GetValue<string>());
        Assert.Equal(Reason, row["correctionReason"]!.GetValue<string>());
        Assert.Equal(batch, row["batch"]!.GetValue<string>());
        Assert.Equal("发现问题经责令已改正", row["result"]!.GetValue<string>());
        Assert.Equal("检查", row["checkType"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("?format=csv", "year")]
    [InlineData("?year=1999", "year")]
    [InlineData("?year=2025&format=xml", "format")]
    public async Task Bad_export_input_is_a_problem_naming_the_field(string query, string field)
    {
        var response = await Host.Client().GetAsync("/api/v1/public/results/export" + query);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Theory]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Supervisor)]
    public async Task Staff_xlsx_has_the_national_layout_with_codes_as_text(string role)
    {
        var expected = await CurrentAsync(_year);
        var client = await Host.SignedInClientAsync(role);

        var page = await client.GetStringAsync("/Staff/Publication/Export");
        var bytes = await DownloadAsync(client, $"/Staff/Publication/Export?handler=Download&year={_year}",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var missing = await client.GetStringAsync("/Staff/Publication/Export?handler=Download&year=1990");

        Assert.Contains($"<option value=\"{_year}\">", page);
        Assert.Contains("请选择有已公示结果的检查年度", missing);
        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(CreditPublicityWorkbook.Headers, rows[0].Keys);
        Assert.Equal(Enumerable.Range(1, expected.Count).Select(i => (double)i), rows.Select(r => Convert.ToDouble(r["序号"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected.Select(r => r.Uscc), rows.Select(r => r["统一社会信用代码"] as string));
        Assert.Equal(expected.Select(r => SpreadsheetText.Neutralise(r.EnterpriseName)), rows.Select(r => r["企业名称"] as string));
        Assert.Equal(expected.Select(r => ResultsOpenData.Day(r.InspectedOn)), rows.Select(r => r["日期"] as string));
        Assert.Equal(expected.Select(r => r.DepartmentNames), rows.Select(r => r["检查实施机关"] as string));
    }

    [SkippableFact]
    public async Task LibreOffice_opens_the_csv_and_the_xlsx_with_the_chinese_text_intact()
    {
        RequiredTools.Soffice();
        var expected = await CurrentAsync(_year);
        var reviewer = await Host.SignedInClientAsync(Roles.Reviewer);
        var dir = Directory.CreateTempSubdirectory("spotcheck-export-");
        try
        {
            var csv = Path.Combine(dir.FullName, "open-data.csv");
            var xlsx = Path.Combine(dir.FullName, "publicity.xlsx");
            await File.WriteAllBytesAsync(csv, await DownloadAsync(Host.Client(), $"/api/v1/public/results/export?year={_year}&format=csv", "text/csv"));
            await File.WriteAllBytesAsync(xlsx, await DownloadAsync(reviewer, $"/Staff/Publication/Export?handler=Download&year={_year}",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

            foreach (var file in new[] { csv, xlsx })
            {
                var text = await LibreOffice.ReadAsCsvAsync(file);
                Assert.Contains("统一社会信用代码", text);
                foreach (var r in expected)
                {
                    Assert.Contains(r.EnterpriseName.TrimStart('='), text);
                    Assert.Contains(r.Uscc, text);
                    Assert.Contains(r.ResultText, text);
                }
                Assert.DoesNotContain("#NAME?", text);
                Assert.DoesNotContain("Err:", text);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
