using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Transfer;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;
using SpotCheck.TestFiles;

namespace SpotCheck.Core.Tests.Transfer;

/// <summary>
/// Issue 11: the files clerks really have import, for all three lists: Excel csv from Chinese Windows (GB18030), xlsx
/// with a merged title row and Excel date cells, dates written by hand, full-width codes, extra columns, wrong headers.
/// </summary>
public sealed class ClerkFileImportTests : IDisposable
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;
    public static TheoryData<ListKind> Kinds => [ListKind.Enterprises, ListKind.Officers, ListKind.Items];

    readonly string _dir = Directory.CreateTempSubdirectory("spotcheck-clerk-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    string PathOf(string name) => Path.Combine(_dir, name);

    static string?[] Officer(string code, string validTo, string cap = "20") =>
        [code, "张明", "XPKGJ", "西平县科技和工业信息化局", "豫ＤＥＭＯ-411721-0001", validTo, "工业和信息化;煤炭经营", "是", cap];

    static string?[] Item(string code, string effectiveFrom) =>
        [code, "煤炭经营", "西平县科技和工业信息化局", "《煤炭法》", "XPKGJ", "ENTERPRISE", "告知性备案及变更", "DOCUMENT;ONSITE", "GENERAL", "5%，每年一次", effectiveFrom];

    static string?[] Enterprise(string uscc, string region = "411721", string phone = "0396-1234567") =>
        [uscc, "西平县示例汽车销售有限公司", region, "河南省驻马店市西平县示例大道1号", "汽车产品销售", "B", "否", "否", "存续", "王五", phone];

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Excel_csv_from_Chinese_Windows_with_a_title_line_and_an_extra_column_imports_every_list(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider); // PostgreSQL not configured and not required
        await using var store = new Store(database);
        var lists = new TransferLists(store.Db, store.Audit, store.Clock);
        string Csv(string name, string title, IReadOnlyList<string> headers, params string?[][] rows) =>
            ClerkFiles.Gb18030Csv(PathOf(name), [[title, .. Enumerable.Repeat<string?>(null, headers.Count - 1)], [.. headers, "备注"],
                .. rows.Select(r => (IReadOnlyList<string?>)[.. r, "核对过"])]);

        var officers = await lists.ImportAsync(ListKind.Officers, Csv("officers.csv", "西平县执法检查人员名录", OfficerLayout.Headers,
            Officer("ＸＰ－ＯＦＦ－０９", "2028/3/1"), Officer("XP-OFF-10", "2028年12月31日", cap: "２０")), "admin");
        var items = await lists.ImportAsync(ListKind.Items, Csv("items.csv", "检查事项清单（2026年版）", ItemLayout.Headers,
            Item("ＤＥＭＯ－ＣＯＡＬ", "2026年1月1日")), "admin");
        var enterprises = await lists.ImportAsync(ListKind.Enterprises, Csv("enterprises.csv", "西平县检查对象名录", EnterpriseLayout.Headers,
            Enterprise("９１４１１７２１ＤＭ０００００１３Ｒ", region: "４１１７２１", phone: "０３９６－１２３４５６７")), "admin");

        foreach (var (result, count, extraColumn) in new[] { (officers, 2, "J"), (items, 1, "L"), (enterprises, 1, "N") })
        {
            Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
            Assert.Equal(count, result.Imported);
            Assert.Equal("GB18030", result.Encoding!.Name);
            Assert.Contains("GB18030", result.EncodingNote);
            Assert.Equal([$"第2行表头中的第{extraColumn}列“备注”不是导入格式中的列，该列未导入"], result.Warnings);
        }
        await using var fresh = store.Fresh();
        var stored = await fresh.Officers.OrderBy(o => o.Code).ToListAsync();
        Assert.Equal(["XP-OFF-09", "XP-OFF-10"], stored.Select(o => o.Code));
        Assert.Equal([new DateOnly(2028, 3, 1), new DateOnly(2028, 12, 31)], stored.Select(o => o.CertificateValidTo));
        Assert.Equal(("豫DEMO-411721-0001", 20), (stored[1].CertificateNo, stored[1].WorkloadCap));
        var item = await fresh.InspectionItems.SingleAsync();
        Assert.Equal(("DEMO-COAL", new DateOnly(2026, 1, 1)), (item.Code, item.EffectiveFrom));
        var enterprise = await fresh.Enterprises.SingleAsync();
        Assert.Equal(("91411721DM0000013R", "411721", "0396-1234567", "西平县示例汽车销售有限公司"),
            (enterprise.Uscc, enterprise.RegionCode, enterprise.ContactPhone, enterprise.Name));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Xlsx_with_a_merged_title_row_and_Excel_date_cells_imports_every_list(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var lists = new TransferLists(store.Db, store.Audit, store.Clock);
        IReadOnlyList<object?> WithDate(string?[] row, int column, object date) => [.. row.Select((v, i) => i == column ? date : v)];

        var officers = await lists.ImportAsync(ListKind.Officers, ClerkFiles.Xlsx(PathOf("officers.xlsx"), "西平县执法检查人员名录", OfficerLayout.Headers,
        [
            WithDate(Officer("XP-OFF-09", ""), 5, new ExcelDate(new DateOnly(2028, 3, 1))),
            WithDate(Officer("XP-OFF-10", ""), 5, new ExcelDate(new DateOnly(2027, 6, 30), ExcelDateFormat.ChineseBuiltIn31)),
            [.. Officer("XP-OFF-11", "2029/1/15").Select((v, i) => i == 8 ? (object)new ExcelNumber(12) : v)],
        ]), "admin");
        var items = await lists.ImportAsync(ListKind.Items, ClerkFiles.Xlsx(PathOf("items.xlsx"), "检查事项清单", ItemLayout.Headers,
            [WithDate(Item("DEMO-COAL", ""), 10, new ExcelDate(new DateOnly(2026, 1, 1), ExcelDateFormat.ShortDate14))]), "admin");
        var enterprises = await lists.ImportAsync(ListKind.Enterprises, ClerkFiles.Xlsx(PathOf("enterprises.xlsx"), "西平县检查对象名录", EnterpriseLayout.Headers,
            [[.. Enterprise("91411721DM0000013R").Select((v, i) => i == 2 ? (object)new ExcelNumber(411721) : v)]]), "admin");

        foreach (var result in new[] { officers, items, enterprises })
        {
            Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
            Assert.Null(result.Encoding);
            Assert.Empty(result.Warnings);
        }
        await using var fresh = store.Fresh();
        Assert.Equal([new DateOnly(2028, 3, 1), new DateOnly(2027, 6, 30), new DateOnly(2029, 1, 15)],
            await fresh.Officers.OrderBy(o => o.Code).Select(o => o.CertificateValidTo).ToListAsync());
        Assert.Equal(12, (await fresh.Officers.SingleAsync(o => o.Code == "XP-OFF-11")).WorkloadCap);
        Assert.Equal(new DateOnly(2026, 1, 1), (await fresh.InspectionItems.SingleAsync()).EffectiveFrom);
        Assert.Equal("411721", (await fresh.Enterprises.SingleAsync()).RegionCode);
    }

    [SkippableTheory, MemberData(nameof(Kinds))]
    public async Task A_wrong_header_is_one_error_that_states_the_whole_expected_header(ListKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using var store = new Store(database!);
        var layout = TransferLists.Layout(kind);
        string?[] header = [.. layout.Headers.Skip(2).Take(layout.RequiredCount - 2), "企业名称"];
        var path = ClerkFiles.Gb18030Csv(PathOf("header.csv"), [["名录"], header, [.. Enumerable.Repeat("x", header.Length)]]);

        var result = await new TransferLists(store.Db, store.Audit, store.Clock).ImportAsync(kind, path, "admin");

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, result.ErrorCount);
        Assert.Equal((2, "表头"), (error.Row, error.Column));
        Assert.Equal($"表头不符合导入格式（缺少“{layout.Headers[0]}”“{layout.Headers[1]}”）：表头应依次为 {layout.ExpectedHeader}", error.Message);
    }

    [SkippableTheory, MemberData(nameof(Kinds))]
    public async Task A_file_without_a_recognisable_header_is_one_error_too(ListKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using var store = new Store(database!);
        var path = ClerkFiles.Gb18030Csv(PathOf("none.csv"), [["名录"], ["甲", "乙", "丙"], ["1", "2", "3"]]);

        var result = await new TransferLists(store.Db, store.Audit, store.Clock).ImportAsync(kind, path, "admin");

        Assert.Equal($"row 1, column 表头: 未找到表头行：前10行中应有一行表头依次为 {TransferLists.Layout(kind).ExpectedHeader}",
            Assert.Single(result.Errors).ToString());
    }

    [SkippableFact]
    public async Task A_refused_date_is_echoed_in_the_row_error_for_officers_and_items()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using var store = new Store(database!);
        await store.DepartmentAsync();
        var lists = new TransferLists(store.Db, store.Audit, store.Clock);

        var officers = await lists.ImportAsync(ListKind.Officers,
            ClerkFiles.Gb18030Csv(PathOf("o.csv"), [OfficerLayout.Headers, Officer("XP-OFF-09", "2028/13/1")]), "admin");
        var items = await lists.ImportAsync(ListKind.Items,
            ClerkFiles.Gb18030Csv(PathOf("i.csv"), [ItemLayout.Headers, Item("DEMO-COAL", "明年一月")]), "admin");

        Assert.Equal("row 2, column 证件有效期至: 证件有效期至“2028/13/1”不是有效日期，应写作 2028-03-01、2028/3/1 或 2028年3月1日",
            Assert.Single(officers.Errors).ToString());
        Assert.Equal("row 2, column 生效日期: 生效日期“明年一月”不是有效日期，应写作 2028-03-01、2028/3/1 或 2028年3月1日",
            Assert.Single(items.Errors).ToString());
    }

    [SkippableFact]
    public async Task A_code_that_full_width_normalising_cannot_fix_is_refused_saying_so_in_every_list()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using var store = new Store(database!);
        await store.DepartmentAsync();
        var lists = new TransferLists(store.Db, store.Audit, store.Clock);

        var results = new[]
        {
            await lists.ImportAsync(ListKind.Officers, ClerkFiles.Gb18030Csv(PathOf("o.csv"), [OfficerLayout.Headers, Officer("XP-OFF-①", "2028-03-01")]), "admin"),
            await lists.ImportAsync(ListKind.Items, ClerkFiles.Gb18030Csv(PathOf("i.csv"), [ItemLayout.Headers, Item("DEMO-Ⅲ", "2026-01-01")]), "admin"),
            await lists.ImportAsync(ListKind.Enterprises, ClerkFiles.Gb18030Csv(PathOf("e.csv"), [EnterpriseLayout.Headers, Enterprise("91411721DM0000013R", phone: "0396-123456⑦")]), "admin"),
        };

        Assert.Equal(["人员编号", "事项编码", "联系电话"], results.Select(r => Assert.Single(r.Errors).Column));
        Assert.All(results, r => Assert.Contains("全角", r.Errors[0].Message));
        await using var fresh = store.Fresh();
        Assert.Equal((0, 0, 0), (await fresh.Officers.CountAsync(), await fresh.InspectionItems.CountAsync(), await fresh.Enterprises.CountAsync()));
    }

    [SkippableFact]
    public async Task A_column_without_a_header_that_holds_data_is_a_warning_and_the_rest_imports()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using var store = new Store(database!);
        var path = ClerkFiles.Gb18030Csv(PathOf("o.csv"),
            [[.. OfficerLayout.Headers, null], [.. Officer("XP-OFF-09", "2028-03-01"), null], [.. Officer("XP-OFF-10", "2028-03-01"), "调岗中"]]);

        var result = await new TransferLists(store.Db, store.Audit, store.Clock).ImportAsync(ListKind.Officers, path, "admin");

        Assert.Equal(2, result.Imported);
        Assert.Equal(["第J列没有表头，其中的数据（如第3行“调岗中”）未导入"], result.Warnings);
    }
}
