using System.Text;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Items;
using SpotCheck.Core.Transfer;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Transfer;

public sealed class ListImportTests : IDisposable
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;
    readonly string _dir = Directory.CreateTempSubdirectory("spotcheck-lists-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    string Csv(string name, IReadOnlyList<string> headers, params string[] rows)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, string.Join("\n", [string.Join(",", headers), .. rows]) + "\n", Encoding.UTF8);
        return path;
    }

    internal static readonly string[] ItemExample =
    [
        "DEMO-COAL", "煤炭经营", "西平县科技和工业信息化局", "《煤炭法》;《煤炭经营监管办法》(国家发展改革委令第13号)", "XPKGJ", "ENTERPRISE",
        "告知性备案及变更;年度报告报送;购销合同签订与履行", "DOCUMENT;ONSITE", "GENERAL", "5%，每年一次", "2026-01-01",
    ];

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Officers_import_all_or_nothing_and_create_departments(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider); // PostgreSQL not configured and not required
        await using var store = new Store(database);
        var lists = new TransferLists(store.Db, store.Audit, store.Clock);
        const string ok1 = "XP-OFF-01,张明,XPKGJ,西平县科技和工业信息化局,豫DEMO-411721-0001,2028-12-31,工业和信息化;煤炭经营,是,20";
        const string ok2 = "XP-OFF-02,李华,XPKGJ,,豫DEMO-411721-0002,2027-03-31,汽车产品,是,20";

        var bad = await lists.ImportAsync(ListKind.Officers, Csv("bad.csv", OfficerLayout.Headers, ok1, "XP OFF 03,王,XPKGJ,,证,2027-02-30,,也许,-1", ok2), "admin");

        Assert.Equal(
        [
            "row 3, column 人员编号: 人员编号只能包含字母、数字、_ . -，长度1–64",
            "row 3, column 证件有效期至: 证件有效期至“2027-02-30”不是有效日期，应写作 2028-03-01、2028/3/1 或 2028年3月1日",
            "row 3, column 在岗: 在岗应填“是”或“否”",
            "row 3, column 工作量上限: 工作量上限应为0–10000的整数",
        ], bad.Errors.Select(e => e.ToString()));
        await using (var fresh = store.Fresh())
        {
            Assert.Equal(0, await fresh.Officers.CountAsync());
            Assert.Equal(0, await fresh.Departments.CountAsync());
        }

        var good = await lists.ImportAsync(ListKind.Officers, Csv("ok.csv", OfficerLayout.Headers, ok1, ok2), "admin");
        Assert.Equal(2, good.Imported);
        await using var read = store.Fresh();
        var officers = await read.Officers.Include(o => o.Department).OrderBy(o => o.Code).ToListAsync();
        Assert.Equal(["张明", "李华"], officers.Select(o => o.Name));
        Assert.Equal(["工业和信息化", "煤炭经营"], officers[0].SpecialtyList);
        Assert.Equal(("XPKGJ", new DateOnly(2027, 3, 31)), (officers[1].Department!.Code, officers[1].CertificateValidTo));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Items_import_as_drafts_and_a_changed_published_item_gets_a_new_version(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        await store.DepartmentAsync();
        var lists = new TransferLists(store.Db, store.Audit, store.Clock);
        var row = string.Join(",", ItemExample.Select(v => v.Contains(',', StringComparison.Ordinal) || v.Contains('，') ? $"\"{v}\"" : v));

        var unknownDept = await lists.ImportAsync(ListKind.Items, Csv("d.csv", ItemLayout.Headers, row.Replace("XPKGJ", "NOPE")), "planner");
        Assert.Equal("row 2, column 抽查部门代码: 部门代码“NOPE”不存在，请先在人员名录中建立该部门", unknownDept.Errors.Single().ToString());

        Assert.True((await lists.ImportAsync(ListKind.Items, Csv("a.csv", ItemLayout.Headers, row), "planner")).IsSuccess);
        var v1 = await store.Db.InspectionItems.SingleAsync();
        Assert.True((await new PublishItem.Handler(store.Db, store.Audit, store.Clock).HandleAsync(v1.Id, "planner")).IsSuccess);

        var same = await lists.ImportAsync(ListKind.Items, Csv("b.csv", ItemLayout.Headers, row), "planner");
        Assert.Equal((1, 0, 0), (same.Imported, same.Created, same.Updated));
        var changed = await lists.ImportAsync(ListKind.Items, Csv("c.csv", ItemLayout.Headers, row.Replace("2026-01-01", "2026-07-01")), "planner");
        Assert.Equal(1, changed.Updated);

        await using var fresh = store.Fresh();
        var versions = await fresh.InspectionItems.OrderBy(i => i.Version).Select(i => new { i.Version, i.Status, i.EffectiveFrom }).ToListAsync();
        Assert.Equal(2, versions.Count);
        Assert.Equal((ItemStatus.Published, ItemStatus.Draft), (versions[0].Status, versions[1].Status));
        Assert.Equal(new DateOnly(2026, 7, 1), versions[1].EffectiveFrom);
    }
}
