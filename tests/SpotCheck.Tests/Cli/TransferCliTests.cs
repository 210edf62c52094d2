using System.Text;
using SpotCheck.Core.Transfer;
using SpotCheck.TestFiles;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Cli;

/// <summary>
/// `spotcheck import|export` as a child process on the files clerks have (SPEC §4): `imported N` alone on stdout,
/// the encoding, warnings and row errors on stderr; export → import changes nothing; templates carry no example rows.
/// </summary>
public sealed class TransferCliTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("spotcheck-cli-transfer-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    string PathOf(string name) => Path.Combine(_dir, name);

    static string?[] Officer(string code, string validTo) =>
        [code, "张明", "XPKGJ", "西平县科技和工业信息化局", "豫DEMO-411721-0001", validTo, "工业和信息化;煤炭经营", "是", "20"];

    [SkippableTheory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Clerk_files_import_and_export_then_import_of_every_list_changes_nothing(DbProvider provider)
    {
        await using var storage = await TestStorage.CreateOrSkipAsync(provider);
        var store = SpotcheckCli.StorageArgs(storage);

        var officers = ClerkFiles.Gb18030Csv(PathOf("人员.csv"),
            [["西平县执法检查人员名录"], [.. OfficerLayout.Headers, "备注"], [.. Officer("ＸＰ－ＯＦＦ－０９", "2028/3/1"), "新调入"], Officer("20260010", "2028年12月31日")]);
        var run = await SpotcheckCli.RunAsync(null, ["import", "officers", officers, .. store]);
        Assert.Equal((0, "imported 2\n"), (run.ExitCode, run.Stdout));
        Assert.Contains("文件编码：GB18030", run.Stderr);
        Assert.Contains("警告：第2行表头中的第J列“备注”不是导入格式中的列，该列未导入", run.Stderr);

        var items = ClerkFiles.Xlsx(PathOf("事项.xlsx"), "检查事项清单（2026年）", ItemLayout.Headers,
        [[
            "DEMO-COAL", "煤炭经营", "西平县科技和工业信息化局", "《煤炭法》", "XPKGJ", "ENTERPRISE", "告知性备案及变更", "DOCUMENT;ONSITE", "GENERAL", "5%",
            new ExcelDate(new DateOnly(2026, 1, 1)),
        ]]);
        Assert.Equal("imported 1", await SpotcheckCli.SucceedAsync(null, ["import", "items", items, .. store]));

        var enterprises = ClerkFiles.Xlsx(PathOf("企业.xlsx"), "西平县检查对象名录", EnterpriseLayout.Headers,
        [
            ["91411721DM0000013R", "=西平县示例汽车销售有限公司", new ExcelNumber(411721), "-1号楼", "汽车产品销售", "B", "否", "否", "存续", "王五", "0396-1234567", "赵六", "411721000012345"],
        ]);
        Assert.Equal("imported 1", await SpotcheckCli.SucceedAsync(null, ["import", "enterprises", enterprises, .. store]));

        foreach (var (list, count, extension) in new[] { ("officers", 2, ".csv"), ("items", 1, ".xlsx"), ("enterprises", 1, ".csv"), ("enterprises", 1, ".xlsx") })
        {
            var first = PathOf($"{list}-1{extension}");
            var second = PathOf($"{list}-2{extension}");
            Assert.Equal("", await SpotcheckCli.SucceedAsync(null, ["export", list, "--out", first, .. store]));
            var again = await SpotcheckCli.RunAsync(null, ["import", list, first, .. store]);
            Assert.Equal((0, $"imported {count}\n"), (again.ExitCode, again.Stdout));
            Assert.DoesNotContain("警告", again.Stderr);
            await SpotcheckCli.SucceedAsync(null, ["export", list, "--out", second, .. store]);
            if (extension == ".csv") Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
        }
        var enterpriseCsv = await File.ReadAllTextAsync(PathOf("enterprises-1.csv"), Encoding.UTF8);
        Assert.Contains("91411721DM0000013R,'=西平县示例汽车销售有限公司,411721,'-1号楼,", enterpriseCsv);
        Assert.Contains(",赵六,411721000012345\r\n", enterpriseCsv);

        var log = (await SpotcheckCli.SucceedAsync(null, ["audit", "export", .. store])).Split('\n');
        var reimports = log.Where(line => line.Contains("_IMPORTED\"", StringComparison.Ordinal)).TakeLast(4).ToList();
        Assert.All(reimports, line => Assert.Matches("\"type\":\"(OFFICER|ITEM|ENTERPRISE)_IMPORTED\"", line));
        Assert.All(reimports, line => Assert.Contains("\"created\":0", line));
        Assert.All(reimports, line => Assert.Contains("\"updated\":0", line));
        // Each export from the command line is in the log too, with its list and rows.
        var exports = log.Where(line => line.Contains("\"type\":\"LIST_EXPORTED\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, exports.Count);
        Assert.All(exports, line => Assert.Contains("\"actor\":\"cli\"", line));
        Assert.Contains(exports, line => line.Contains("\"list\":\"officers\"", StringComparison.Ordinal) && line.Contains("\"rows\":2", StringComparison.Ordinal));
        Assert.Contains(exports, line => line.Contains("\"list\":\"enterprises\"", StringComparison.Ordinal) && line.Contains("\"format\":\"xlsx\"", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Bad_rows_are_one_line_each_on_stderr_and_nothing_is_imported()
    {
        await using var storage = (await TestStorage.CreateAsync(DbProvider.Sqlite))!;
        var store = SpotcheckCli.StorageArgs(storage);
        var file = ClerkFiles.Xlsx(PathOf("人员.xlsx"), "西平县执法检查人员名录", OfficerLayout.Headers,
        [
            [.. Officer("XP-OFF-09", "")[..5], new ExcelDate(new DateOnly(2028, 3, 1), ExcelDateFormat.ChineseBuiltIn31), .. Officer("XP-OFF-09", "")[6..]],
            Officer("XP-OFF-①", "2028/13/1"),
        ]);

        var run = await SpotcheckCli.RunAsync(null, ["import", "officers", file, .. store]);

        Assert.Equal((1, ""), (run.ExitCode, run.Stdout));
        var lines = run.Stderr.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("row 4, column 人员编号: ", lines[0]);
        Assert.Contains("全角", lines[0]);
        Assert.Equal("row 4, column 证件有效期至: 证件有效期至“2028/13/1”不是有效日期，应写作 2028-03-01、2028/3/1 或 2028年3月1日", lines[1]);
        Assert.Equal("imported 0", await SpotcheckCli.SucceedAsync(null, ["import", "officers", WriteHeaderOnly(), .. store]));
    }

    string WriteHeaderOnly()
    {
        var path = PathOf("header-only.csv");
        File.WriteAllText(path, string.Join(',', OfficerLayout.Headers) + "\r\n", new UTF8Encoding(false));
        return path;
    }

    [SkippableFact]
    public async Task A_wrong_header_is_one_line_stating_the_expected_header()
    {
        await using var storage = (await TestStorage.CreateAsync(DbProvider.Sqlite))!;
        var file = ClerkFiles.Gb18030Csv(PathOf("企业.csv"), [["统一社会信用代码", "企业名称", "地址"], ["91411721DM0000013R", "西平县示例", "西平县"]]);

        var run = await SpotcheckCli.RunAsync(null, ["import", "enterprises", file, .. SpotcheckCli.StorageArgs(storage)]);

        Assert.Equal((1, ""), (run.ExitCode, run.Stdout));
        var errors = run.Stderr.Split('\n').Where(l => l.StartsWith("row ", StringComparison.Ordinal)).ToList();
        Assert.Equal($"row 1, column 表头: 表头不符合导入格式（缺少“名称”“行政区划代码”“行业标签”“信用风险分类”“经营异常名录”“严重违法失信”“登记状态”“联系人”“联系电话”）：表头应依次为 {EnterpriseLayout.Layout.ExpectedHeader}",
            Assert.Single(errors));
    }

    [SkippableTheory]
    [InlineData("enterprises", ".csv")]
    [InlineData("officers", ".xlsx")]
    [InlineData("items", ".xlsx")]
    public async Task The_template_has_no_example_rows_and_imports_nothing(string list, string extension)
    {
        await using var storage = (await TestStorage.CreateAsync(DbProvider.Sqlite))!;
        var template = PathOf("template" + extension);

        Assert.Equal("", await SpotcheckCli.SucceedAsync(null, ["export", list, "--template", "--out", template]));
        var run = await SpotcheckCli.RunAsync(null, ["import", list, template, .. SpotcheckCli.StorageArgs(storage)]);

        Assert.Equal((0, "imported 0\n"), (run.ExitCode, run.Stdout));
        await using var stream = File.OpenRead(template);
        var rows = extension == ".csv" ? [.. CsvRows.Read(stream)] : XlsxRows.Read(stream).Select(r => r.Cells).ToList();
        Assert.Single(rows);
    }
}
