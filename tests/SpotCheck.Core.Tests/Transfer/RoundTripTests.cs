using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Items;
using SpotCheck.Core.Transfer;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Transfer;

/// <summary>
/// SPEC §4: export → import of any list changes nothing, for every field, including values a spreadsheet would run as
/// formulas, all-digit codes and an Admin-overridden USCC; files without the appended columns keep stored values.
/// </summary>
public sealed class RoundTripTests : IDisposable
{
    public static TheoryData<DbProvider, ListKind, string> Cases()
    {
        var data = new TheoryData<DbProvider, ListKind, string>();
        foreach (var provider in new[] { DbProvider.Sqlite, DbProvider.Postgres })
        foreach (var kind in new[] { ListKind.Enterprises, ListKind.Officers, ListKind.Items })
        foreach (var extension in new[] { ".csv", ".xlsx" })
            data.Add(provider, kind, extension);
        return data;
    }

    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    readonly string _dir = Directory.CreateTempSubdirectory("spotcheck-roundtrip-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Every list filled through its own import, with the awkward values an export must carry back unchanged.</summary>
    async Task SeedAsync(Store store)
    {
        var lists = new TransferLists(store.Db, store.Audit, store.Clock);
        async Task Import(ListKind kind, params string?[][] rows)
        {
            var path = Path.Combine(_dir, $"seed-{kind}.csv");
            await using (var file = File.Create(path)) TabularFile.Write(file, TabularFormat.Csv, TransferLists.Layout(kind), rows);
            var result = await lists.ImportAsync(kind, path, "seed");
            Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        }
        await Import(ListKind.Officers,
            ["20260001", "张明", "XPKGJ", "西平县科技和工业信息化局", "=豫DEMO-411721-0001", "2028-12-31", "工业和信息化;煤炭经营", "是", "20"],
            ["XP-OFF-02", "@李华", "XPKGJ", "", "豫DEMO-411721-0002", "2027-03-31", "", "否", "0"]);
        await Import(ListKind.Items,
            ["DEMO-COAL", "煤炭经营", "西平县科技和工业信息化局", "+《煤炭法》", "XPKGJ", "ENTERPRISE", "@告知性备案", "DOCUMENT;ONSITE", "GENERAL", "-5%", "2026-01-01"],
            ["DEMO-CAR", "汽车产品", "西平县科技和工业信息化局", "《道路交通安全法》", "XPKGJ", "INDIVIDUAL", "生产一致性", "ONSITE", "KEY", "", "2026-03-01"]);
        var item = await store.Db.InspectionItems.SingleAsync(i => i.Code == "DEMO-CAR");
        Assert.True((await new PublishItem.Handler(store.Db, store.Audit, store.Clock).HandleAsync(item.Id, "seed")).IsSuccess);
        await Import(ListKind.Enterprises,
            [ImportTests.AllDigitUscc(), "=HYPERLINK(\"http://x\",\"西平\")", "411721", "-1号楼", "汽车产品销售;煤炭经营", "C", "是", "否", "吊销",
                "@王五", "+86 0396 1234567", "'=赵六", "411721000012345"],
            ["91411721DM0000013R", "西平县示例汽车销售有限公司", "411721", "河南省驻马店市西平县示例大道1号", "", "A", "否", "是", "存续", "", "", "", ""]);
        var overridden = "91411721DM000002X0"; // check character wrong, kept by an Admin (domain.md §5)
        store.Db.Enterprises.Add(Enterprise.Create(new EnterpriseData("西平县核准保留代码有限公司", overridden, "411721", "西平县", [], RiskClass.B,
            false, false, EnterpriseStatus.Active, null, null, "孙七"), Store.Now.UtcDateTime, usccOverride: new UsccOverride("营业执照原件如此", "admin", Store.Now.UtcDateTime)));
        await store.Db.SaveChangesAsync();
    }

    string Export(Store store, ListKind kind, string extension, string name)
    {
        var path = Path.Combine(_dir, name + extension);
        using var read = store.Fresh();
        using var file = File.Create(path);
        new TransferLists(read, store.Audit, store.Clock).Export(kind, file, TabularFile.FormatOf(path).Value);
        return path;
    }

    static List<string?[]> Cells(string path)
    {
        using var stream = File.OpenRead(path);
        return path.EndsWith(".csv", StringComparison.Ordinal)
            ? [.. CsvRows.Read(stream)]
            : [.. XlsxRows.Read(stream).Select(r => r.Cells.Select(c => (string?)c).ToArray())];
    }

    [SkippableTheory, MemberData(nameof(Cases))]
    public async Task Export_then_import_changes_nothing_and_exports_the_same_file(DbProvider provider, ListKind kind, string extension)
    {
        await using var database = await TestDatabase.CreateAsync(provider); // PostgreSQL not configured and not required
        await using var store = new Store(database);
        await SeedAsync(store);
        var first = Export(store, kind, extension, "first");
        long auditBefore;
        int changesBefore, itemsBefore;
        await using (var read = store.Fresh())
            (auditBefore, changesBefore, itemsBefore) = (await read.AuditEntries.MaxAsync(e => e.Seq), await read.EnterpriseChanges.CountAsync(), await read.InspectionItems.CountAsync());

        await using var context = store.Fresh();
        var result = await new TransferLists(context, new AuditLog(context, store.Clock), store.Clock).ImportAsync(kind, first, "planner");

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Equal((kind == ListKind.Enterprises ? 3 : 2, 0, 0), (result.Imported, result.Created, result.Updated));
        Assert.Empty(result.Warnings);
        var second = Export(store, kind, extension, "second");
        if (extension == ".csv") Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
        Assert.Equal(Cells(first), Cells(second));
        await using var fresh = store.Fresh();
        Assert.Equal(changesBefore, await fresh.EnterpriseChanges.CountAsync());
        Assert.Equal(itemsBefore, await fresh.InspectionItems.CountAsync());
        var entry = await fresh.AuditEntries.SingleAsync(e => e.Seq > auditBefore);
        Assert.EndsWith("_IMPORTED", entry.Type);
        Assert.Contains("\"created\":0", entry.Payload);
        Assert.Contains("\"updated\":0", entry.Payload);
    }

    [SkippableFact]
    public async Task Exported_csv_neutralises_formulas_and_keeps_codes_as_text()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using var store = new Store(database!);
        await SeedAsync(store);

        var enterprises = await File.ReadAllTextAsync(Export(store, ListKind.Enterprises, ".csv", "e"), Encoding.UTF8);
        var officers = await File.ReadAllTextAsync(Export(store, ListKind.Officers, ".csv", "o"), Encoding.UTF8);

        Assert.Contains($"{ImportTests.AllDigitUscc()},\"'=HYPERLINK(\"\"http://x\"\",\"\"西平\"\")\",411721,'-1号楼,", enterprises);
        Assert.Contains(",'@王五,'+86 0396 1234567,''=赵六,411721000012345\r\n", enterprises);
        Assert.Contains("20260001,张明,XPKGJ,西平县科技和工业信息化局,'=豫DEMO-411721-0001,", officers);
        Assert.Contains("XP-OFF-02,'@李华,", officers);
    }

    [SkippableFact]
    public async Task Exported_xlsx_columns_are_wide_enough_for_Chinese_text()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using var store = new Store(database!);
        await SeedAsync(store);
        var path = Export(store, ListKind.Enterprises, ".xlsx", "e");

        using var zip = ZipFile.OpenRead(path);
        var sheet = new StreamReader(zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).Open()).ReadToEnd();
        var widths = System.Text.RegularExpressions.Regex.Matches(sheet, "<x:col min=\"(\\d+)\" max=\"\\d+\" width=\"([\\d.]+)\"")
            .ToDictionary(m => int.Parse(m.Groups[1].Value), m => double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(EnterpriseLayout.Headers.Count, widths.Count);
        for (var i = 0; i < EnterpriseLayout.Headers.Count; i++)
            Assert.True(widths[i + 1] >= EnterpriseLayout.Headers[i].Length * 2 + 2, $"{EnterpriseLayout.Headers[i]}: {widths[i + 1]}");
        Assert.True(widths[2] >= 40, "名称");
        Assert.True(widths[4] >= 48, "地址");
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_file_without_the_appended_columns_leaves_their_stored_values_untouched(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        await SeedAsync(store);
        var lists = new TransferLists(store.Db, store.Audit, store.Clock);
        var old = Path.Combine(_dir, "old.csv");
        var digits = ImportTests.AllDigitUscc();
        await File.WriteAllTextAsync(old, string.Join(',', EnterpriseLayout.Headers.Take(11)) + "\r\n"
            + $"{digits},西平县改名有限公司,411721,-1号楼,汽车产品销售;煤炭经营,C,是,否,吊销,@王五,+86 0396 1234567\r\n", new UTF8Encoding(false));

        var result = await lists.ImportAsync(ListKind.Enterprises, old, "planner");

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Equal(1, result.Updated);
        await using (var fresh = store.Fresh())
        {
            var e = await fresh.Enterprises.SingleAsync(x => x.Uscc == digits);
            Assert.Equal(("西平县改名有限公司", "'=赵六", "411721000012345"), (e.Name, e.LegalRepresentative, e.LegacyRegistrationNo));
            Assert.Equal(["Name"], await fresh.EnterpriseChanges.Where(c => c.EnterpriseId == e.Id).Select(c => c.Field).ToListAsync());
        }

        var explicitEmpty = Path.Combine(_dir, "new.csv");
        await File.WriteAllTextAsync(explicitEmpty, string.Join(',', EnterpriseLayout.Headers) + "\r\n"
            + $"{digits},西平县改名有限公司,411721,-1号楼,汽车产品销售;煤炭经营,C,是,否,吊销,@王五,+86 0396 1234567,,411721000012345\r\n", new UTF8Encoding(false));
        Assert.Equal(1, (await lists.ImportAsync(ListKind.Enterprises, explicitEmpty, "planner")).Updated);
        await using (var fresh = store.Fresh())
            Assert.Null((await fresh.Enterprises.SingleAsync(x => x.Uscc == digits)).LegalRepresentative);
    }
}
