using System.Text;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Transfer;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Transfer;

public sealed class ImportTests : IDisposable
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;
    public static TheoryData<DbProvider, string> ProvidersAndFormats => new()
    {
        { DbProvider.Sqlite, ".csv" }, { DbProvider.Sqlite, ".xlsx" }, { DbProvider.Postgres, ".csv" }, { DbProvider.Postgres, ".xlsx" },
    };

    const string Header = "统一社会信用代码,名称,行政区划代码,地址,行业标签,信用风险分类,经营异常名录,严重违法失信,登记状态,联系人,联系电话";
    readonly string _dir = Directory.CreateTempSubdirectory("spotcheck-import-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A valid code made only of digits, found by the product's own composer.</summary>
    internal static string AllDigitUscc() => Enumerable.Range(1, 1000)
        .Select(n => Uscc.Compose("91", "411721", n.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)).Value)
        .First(c => c.All(char.IsAsciiDigit));

    static string Row(int serial, string? uscc = null, string risk = "B", string status = "存续", string tags = "汽车产品销售;煤炭经营") =>
        $"{uscc ?? SpotCheck.Core.Demo.DemoData.UsccFor(serial).Value},西平县示例汽车销售有限公司{serial:D3},411721,\"河南省驻马店市西平县示例大道{serial}号, 东侧\",{tags},{risk},否,是,{status},示例联络人{serial},0396-0000{serial:D3}";

    string Csv(string name, params string[] rows) => CsvWith(name, Header, rows);

    string CsvWith(string name, string header, params string[] rows)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, string.Join("\r\n", [header, .. rows]) + "\r\n", new UTF8Encoding(true));
        return path;
    }

    /// <summary>Stored enterprises 1 to 3, the first with a 法定代表人 that a file without that column must leave alone.</summary>
    async Task<TransferLists> ThreeStoredAsync(Store store)
    {
        var lists = new TransferLists(store.Db, store.Audit, store.Clock);
        var first = await lists.ImportAsync(ListKind.Enterprises,
            CsvWith("a.csv", Header + ",法定代表人", Row(1) + ",张三", Row(2) + ",", Row(3) + ","), "planner");
        Assert.True(first.IsSuccess, string.Join("\n", first.Errors));
        store.Clock.Advance(TimeSpan.FromHours(1));
        return lists;
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_file_with_bad_rows_imports_nothing_and_reports_each_row(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider); // PostgreSQL not configured and not required
        await using var store = new Store(database);
        var lists = new TransferLists(store.Db, store.Audit, store.Clock);
        var bad = Csv("bad.csv", Row(1), Row(2, uscc: "91411721DM000002X0"), Row(3, risk: "E"), Row(4), Row(5, uscc: SpotCheck.Core.Demo.DemoData.UsccFor(1).Value),
            Row(6, status: "歇业"));

        var result = await lists.ImportAsync(ListKind.Enterprises, bad, "planner");

        Assert.False(result.IsSuccess);
        Assert.Equal(
        [
            "row 3, column 统一社会信用代码: 校验码错误：第18位应为“" + Uscc.CheckCharacter("91411721DM000002X") + "”，实际为“0”",
            "row 4, column 信用风险分类: 信用风险分类应为 A、B、C 或 D",
            "row 6, column 统一社会信用代码: 统一社会信用代码与第2行重复",
            "row 7, column 登记状态: 登记状态应为 存续、注销、吊销 或 迁出",
        ], result.Errors.Select(e => e.ToString()));
        await using (var fresh = store.Fresh())
        {
            Assert.Equal(0, await fresh.Enterprises.CountAsync());
            Assert.Equal(0, await fresh.EnterpriseTags.CountAsync());
            Assert.Equal(0, await fresh.AuditEntries.CountAsync());
        }

        var fixedFile = Csv("fixed.csv", Row(1), Row(2), Row(3), Row(4), Row(5), Row(6));
        var ok = await lists.ImportAsync(ListKind.Enterprises, fixedFile, "planner");

        Assert.True(ok.IsSuccess, string.Join("\n", ok.Errors));
        Assert.Equal((6, 6, 0), (ok.Imported, ok.Created, ok.Updated));
        await using (var fresh = store.Fresh())
        {
            var first = await fresh.Enterprises.Include(e => e.Tags).SingleAsync(e => e.Uscc == "91411721DM0000013R");
            Assert.Equal(("河南省驻马店市西平县示例大道1号, 东侧", true, false), (first.Address, first.SeriousViolation, first.AbnormalList));
            Assert.Equal(["汽车产品销售", "煤炭经营"], first.TagNames.Order(StringComparer.Ordinal));
            var entry = await fresh.AuditEntries.SingleAsync();
            Assert.Equal("ENTERPRISE_IMPORTED", entry.Type);
            Assert.Contains(ok.FileSha256, entry.Payload);
            Assert.Contains("\"created\":6", entry.Payload);
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task An_existing_uscc_updates_that_enterprise_with_history(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var lists = new TransferLists(store.Db, store.Audit, store.Clock);
        await lists.ImportAsync(ListKind.Enterprises, Csv("a.csv", Row(1), Row(2)), "planner");

        var result = await lists.ImportAsync(ListKind.Enterprises, Csv("b.csv", Row(2, risk: "C"), Row(3)), "planner2");

        Assert.Equal((2, 1, 1), (result.Imported, result.Created, result.Updated));
        await using var fresh = store.Fresh();
        Assert.Equal(3, await fresh.Enterprises.CountAsync());
        var change = await fresh.EnterpriseChanges.SingleAsync();
        Assert.Equal(("RiskClass", "B", "C", "planner2"), (change.Field, change.OldValue, change.NewValue, change.Actor));
        Assert.StartsWith("import:", change.Source);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task New_changed_and_unchanged_rows_in_one_file_store_the_same_rows_history_and_audit_entry(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var lists = await ThreeStoredAsync(store);
        var file = Csv("b.csv", Row(4), Row(2), Row(1, risk: "C", status: "注销", tags: "煤炭经营;危险化学品；煤炭经营"), Row(3, tags: "煤炭经营;汽车产品销售"));

        var result = await lists.ImportAsync(ListKind.Enterprises, file, "planner2");

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Equal((4, 1, 1), (result.Imported, result.Created, result.Updated));
        var first = Store.Now.UtcDateTime;
        var second = first.AddHours(1);
        await using var fresh = store.Fresh();
        var stored = await fresh.Enterprises.Include(e => e.Tags).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(
        [
            (1, RiskClass.C, EnterpriseStatus.Deregistered, "危险化学品;煤炭经营", "张三", 1, second),
            (2, RiskClass.B, EnterpriseStatus.Active, "汽车产品销售;煤炭经营", null, 0, first),
            (3, RiskClass.B, EnterpriseStatus.Active, "汽车产品销售;煤炭经营", null, 0, first),
            (4, RiskClass.B, EnterpriseStatus.Active, "汽车产品销售;煤炭经营", null, 0, second),
        ], stored.Select(e => (e.Id, e.RiskClass, e.Status, string.Join(';', e.TagNames), e.LegalRepresentative, e.RowVersion, e.UpdatedAtUtc)));
        Assert.Equal(SpotCheck.Core.Demo.DemoData.UsccFor(4).Value, stored[3].Uscc);
        var source = "import:" + result.FileSha256[..16];
        Assert.Equal(
        [
            (1, "Tags", "汽车产品销售;煤炭经营", "危险化学品;煤炭经营"),
            (1, "RiskClass", "B", "C"),
            (1, "Status", "存续", "注销"),
        ], (await fresh.EnterpriseChanges.OrderBy(c => c.Id).ToListAsync()).Select(c => (c.EnterpriseId, c.Field, c.OldValue, c.NewValue)));
        Assert.All(await fresh.EnterpriseChanges.ToListAsync(), c => Assert.Equal(("planner2", source, second), (c.Actor, c.Source, c.ChangedAtUtc)));
        var entries = await fresh.AuditEntries.OrderBy(e => e.Seq).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.Equal(("ENTERPRISE_IMPORTED", "planner2"), (entries[1].Type, entries[1].Actor));
        Assert.Equal($$"""{"created":1,"fileSha256":"{{result.FileSha256}}","format":"csv","rows":4,"unchanged":2,"updated":1}""", entries[1].Payload);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task One_bad_row_after_new_and_changed_rows_writes_nothing(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var lists = await ThreeStoredAsync(store);
        var file = Csv("b.csv", Row(4), Row(1, risk: "C", tags: "危险化学品"), Row(5), Row(2, status: "歇业"), Row(6));

        var result = await lists.ImportAsync(ListKind.Enterprises, file, "planner2");

        Assert.Equal(["row 5, column 登记状态: 登记状态应为 存续、注销、吊销 或 迁出"], result.Errors.Select(e => e.ToString()));
        Assert.Equal((0, 0, 0), (result.Imported, result.Created, result.Updated));
        await using var fresh = store.Fresh();
        var stored = await fresh.Enterprises.Include(e => e.Tags).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([1, 2, 3], stored.Select(e => e.Id));
        Assert.All(stored, e => Assert.Equal((RiskClass.B, "汽车产品销售;煤炭经营", 0), (e.RiskClass, string.Join(';', e.TagNames), e.RowVersion)));
        Assert.Equal(0, await fresh.EnterpriseChanges.CountAsync());
        Assert.Equal(1, await fresh.AuditEntries.CountAsync());
    }

    [SkippableTheory, MemberData(nameof(ProvidersAndFormats))]
    public async Task Export_and_reimport_round_trips_including_an_all_digit_uscc(DbProvider provider, string extension)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var lists = new TransferLists(store.Db, store.Audit, store.Clock);
        var digits = AllDigitUscc();
        Assert.True((await lists.ImportAsync(ListKind.Enterprises, Csv("in.csv", Row(1), Row(7, uscc: digits)), "planner")).IsSuccess);

        var exported = Path.Combine(_dir, "out" + extension);
        await using (var read = store.Fresh())
        await using (var file = File.Create(exported))
            Assert.Equal(2, new TransferLists(read, store.Audit, store.Clock).Export(ListKind.Enterprises, file, TabularFile.FormatOf(exported).Value));

        await using var second = await TestDatabase.CreateAsync(provider);
        await using var target = new Store(second!);
        var reimport = await new TransferLists(target.Db, target.Audit, target.Clock).ImportAsync(ListKind.Enterprises, exported, "planner");

        Assert.True(reimport.IsSuccess, string.Join("\n", reimport.Errors));
        await using var fresh = target.Fresh();
        var all = await fresh.Enterprises.Include(e => e.Tags).OrderBy(e => e.Uscc).ToListAsync();
        Assert.Equal([digits, "91411721DM0000013R"], all.Select(e => e.Uscc));
        Assert.Equal("河南省驻马店市西平县示例大道7号, 东侧", all[0].Address);
        Assert.Equal("0396-0000007", all[0].ContactPhone);
        Assert.Equal(["汽车产品销售", "煤炭经营"], all[0].TagNames.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task A_numeric_uscc_cell_in_xlsx_is_refused_as_not_text()
    {
        var path = Path.Combine(_dir, "numeric.xlsx");
        var row = new Dictionary<string, object> { ["统一社会信用代码"] = 914117210000000000d };
        foreach (var h in EnterpriseLayout.Headers.Skip(1)) row[h] = "x";
        await MiniExcelLibs.MiniExcel.SaveAsAsync(path, new[] { row });
        await using var stream = File.OpenRead(path);
        var errors = new ImportReport();
        var parsed = TabularFile.ReadRows(stream, TabularFormat.Xlsx, EnterpriseLayout.Layout, errors).Select(r => EnterpriseLayout.Parse(r, errors)).ToList();
        Assert.Contains(errors.Listed, e => e.Column == "统一社会信用代码" && e.Message.Contains("文本格式", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_csv_with_invalid_bytes_after_a_bom_or_a_broken_xlsx_is_reported_and_nothing_imported()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using var store = new Store(database!);
        var lists = new TransferLists(store.Db, store.Audit, store.Clock);
        var bom = Path.Combine(_dir, "bom.csv");
        File.WriteAllBytes(bom, [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Header + "\n" + Row(1) + "\n"), 0xC4, 0xE3, 0x0A]);
        var broken = Path.Combine(_dir, "broken.xlsx");
        File.WriteAllText(broken, "not a zip");

        var bomResult = await lists.ImportAsync(ListKind.Enterprises, bom, "planner");
        Assert.Equal("row 1, column 文件: 文件带有 UTF-8 标记（BOM），但第3行含有无效的 UTF-8 字节，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重新导入",
            bomResult.Errors.Single().ToString());
        Assert.Contains("xlsx", (await lists.ImportAsync(ListKind.Enterprises, broken, "planner")).Errors.Single().Message);
        await using var fresh = store.Fresh();
        Assert.Equal(0, await fresh.Enterprises.CountAsync());
    }

    [SkippableFact]
    public async Task A_large_file_is_bulk_loaded_and_every_index_is_back_afterwards()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using var store = new Store(database!);
        var lists = new TransferLists(store.Db, store.Audit, store.Clock);
        await lists.ImportAsync(ListKind.Enterprises, Csv("first.csv", Row(1)), "planner");
        var rows = Enumerable.Range(2, 60_000).Select(i => Row(i % 1000, uscc: Uscc.Compose("91", "411721", "BM" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).Value));
        var big = Csv("big.csv", [.. rows, Row(1, risk: "D")]);
        Assert.True(new FileInfo(big).Length > 10_000_000);

        var result = await lists.ImportAsync(ListKind.Enterprises, big, "planner");

        Assert.Equal((60_001, 60_000, 1), (result.Imported, result.Created, result.Updated));
        await using var fresh = store.Fresh();
        Assert.Equal(60_001, await fresh.Enterprises.CountAsync());
        Assert.Equal(120_002, await fresh.EnterpriseTags.CountAsync());
        Assert.Equal(60_001, await fresh.Enterprises.MaxAsync(e => e.Id));
        var indexes = await fresh.Database.SqlQueryRaw<string>(
            "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('Enterprises', 'EnterpriseTags') AND sql IS NOT NULL ORDER BY name").ToListAsync();
        Assert.Equal(["IX_EnterpriseTags_Tag_EnterpriseId", "IX_Enterprises_Name", "IX_Enterprises_RegionCode_RiskClass", "IX_Enterprises_RiskClass", "IX_Enterprises_Status_RiskClass", "IX_Enterprises_Uscc"], indexes);
        Assert.Equal(RiskClass.D, (await fresh.Enterprises.SingleAsync(e => e.Id == 1)).RiskClass);
        Assert.Equal(60_001, await new SearchEnterprises.Handler(fresh).HandleAsync(new() { Tag = "煤炭经营", PageSize = 1 }) is { Total: var t } ? t : 0);
        // The name index took the loaded names in one statement, and its per-row trigger is back for later inserts.
        Assert.Equal(3, await NameIndexTriggersAsync(fresh));
        Assert.Equal(60, (await new SearchEnterprises.Handler(fresh).HandleAsync(new() { Name = "有限公司042", NameContains = true })).Total);
        await lists.ImportAsync(ListKind.Enterprises, Csv("later.csv", Row(42, uscc: Uscc.Compose("91", "411721", "BM999999").Value)), "planner");
        await using var after = store.Fresh();
        Assert.Equal(61, (await new SearchEnterprises.Handler(after).HandleAsync(new() { Name = "有限公司042", NameContains = true })).Total);
    }

    static Task<int> NameIndexTriggersAsync(SpotCheck.Core.Data.AppDbContext db) => db.Database.SqlQueryRaw<int>(
        "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Enterprises' AND name LIKE 'EnterpriseNames%'").SingleAsync();

    [SkippableFact]
    public async Task A_large_file_with_one_bad_row_leaves_data_and_indexes_untouched()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using var store = new Store(database!);
        var rows = Enumerable.Range(2, 60_000).Select(i => Row(i % 1000, uscc: Uscc.Compose("91", "411721", "BM" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).Value));
        var big = Csv("big.csv", [.. rows, Row(1, risk: "Z")]);

        var result = await new TransferLists(store.Db, store.Audit, store.Clock).ImportAsync(ListKind.Enterprises, big, "planner");

        Assert.Equal("row 60002, column 信用风险分类: 信用风险分类应为 A、B、C 或 D", result.Errors.Single().ToString());
        await using var fresh = store.Fresh();
        Assert.Equal(0, await fresh.Enterprises.CountAsync());
        Assert.Equal(6, await fresh.Database.SqlQueryRaw<int>(
            "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('Enterprises', 'EnterpriseTags') AND sql IS NOT NULL").SingleAsync());
        Assert.Equal(3, await NameIndexTriggersAsync(fresh));
    }
}
