using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Items;
using SpotCheck.Core.Officers;

namespace SpotCheck.Core.Demo;

/// <summary>
/// The 西平县 demo dataset (xiping-demo.md): every record IsDemo, shown as 示例数据, removable in one action.
/// Everything is derived from <see cref="Seed"/> through SHA-256, so every install gets the same data.
/// </summary>
public static class DemoData
{
    public const string Seed = "XIPING-DEMO-2026";
    public const string DepartmentCode = "XPKGJ";
    public const string PartnerDepartmentCode = "XP-DEMO-PARTNER";
    public const string Region = "411721";
    public const int EnterpriseCount = 200;
    const string Actor = "system:demo";

    /// <summary>Adds whatever part of the dataset is missing; a second call adds nothing.</summary>
    public static async Task<int> SeedAsync(AppDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var added = 0;
        var bureau = await DepartmentAsync(db, DepartmentCode, "西平县科技和工业信息化局", () => added++, ct);
        var partner = await DepartmentAsync(db, PartnerDepartmentCode, "示例协作部门（跨部门联合抽查演示）", () => added++, ct);
        await db.SaveChangesAsync(ct);

        foreach (var (code, data) in Officers(bureau.Id, partner.Id))
        {
            if (await db.Officers.AnyAsync(o => o.Code == code, ct)) continue;
            db.Officers.Add(Officer.Create(data, now, isDemo: true));
            added++;
        }
        foreach (var (code, data) in Items(bureau.Id))
        {
            if (await db.InspectionItems.AnyAsync(i => i.Code == code, ct)) continue;
            var item = InspectionItem.CreateDraft(code, data, now, isDemo: true);
            item.Publish(null, now);
            db.InspectionItems.Add(item);
            added++;
        }
        var existing = (await db.Enterprises.Where(e => e.IsDemo).Select(e => e.Uscc).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var data in Enterprises())
        {
            if (existing.Contains(data.Uscc) || await db.Enterprises.AnyAsync(e => e.Uscc == data.Uscc, ct)) continue;
            db.Enterprises.Add(Enterprise.Create(data, now, isDemo: true));
            added++;
        }
        if (added == 0) return 0;
        await audit.AppendAsync(new AuditEvent("DEMO_SEEDED", Actor, new JsonObject { ["seed"] = Seed, ["recordsAdded"] = added }), ct);
        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>Deletes every demo record (conflicts, officers, items, enterprises, departments) in one transaction.</summary>
    public static async Task<int> RemoveAsync(AppDbContext db, AuditLog audit, string actor, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var demoEnterprises = db.Enterprises.Where(e => e.IsDemo).Select(e => e.Id);
        var demoOfficers = db.Officers.Where(o => o.IsDemo).Select(o => o.Id);
        var removed = await db.OfficerConflicts.Where(c => demoEnterprises.Contains(c.EnterpriseId) || demoOfficers.Contains(c.OfficerId)).ExecuteDeleteAsync(ct);
        removed += await db.EnterpriseTags.Where(t => demoEnterprises.Contains(t.EnterpriseId)).ExecuteDeleteAsync(ct);
        removed += await db.EnterpriseChanges.Where(c => demoEnterprises.Contains(c.EnterpriseId)).ExecuteDeleteAsync(ct);
        removed += await db.Enterprises.Where(e => e.IsDemo).ExecuteDeleteAsync(ct);
        removed += await db.Officers.Where(o => o.IsDemo).ExecuteDeleteAsync(ct);
        removed += await db.InspectionItems.Where(i => i.IsDemo).ExecuteDeleteAsync(ct);
        removed += await db.Departments.Where(d => d.IsDemo
            && !db.Officers.Any(o => o.DepartmentId == d.Id) && !db.InspectionItems.Any(i => i.DepartmentId == d.Id)).ExecuteDeleteAsync(ct);
        await audit.AppendAsync(new AuditEvent("DEMO_REMOVED", actor, new JsonObject { ["recordsRemoved"] = removed }), ct);
        await tx.CommitAsync(ct);
        return removed;
    }

    /// <summary>The USCC of demo serial 1–200, computed by the product's own code (xiping-demo.md §4).</summary>
    public static Uscc UsccFor(int serial) =>
        Uscc.Compose(serial > 180 ? "92" : "91", Region, "DM" + serial.ToString("D6", CultureInfo.InvariantCulture));

    public static IEnumerable<EnterpriseData> Enterprises()
    {
        var risk = RankedClasses();
        var blacklist = risk.Where(kv => kv.Value == RiskClass.D).Select(kv => kv.Key).Order().Take(3).ToHashSet();
        var abnormal = Pick("ABNORMAL_LIST", 5, except: blacklist);
        var status = Ranked("STATUS").Where(s => !blacklist.Contains(s)).Take(8).ToList();
        var unreachable = Pick("ADDRESS_UNREACHABLE", 3, except: [.. status]);
        for (var s = 1; s <= EnterpriseCount; s++)
        {
            var (name, tag) = s switch
            {
                <= 10 => ($"西平县示例专用汽车制造有限公司{s:D3}", "汽车产品生产"),
                <= 100 => ($"西平县示例汽车销售有限公司{s - 10:D3}", "汽车产品销售"),
                <= 180 => ($"西平县示例煤炭经营有限公司{s - 100:D3}", "煤炭经营"),
                _ => ($"西平县示例煤炭经营部{s - 180:D3}", "煤炭经营"),
            };
            List<string> tags = [tag];
            if (blacklist.Contains(s)) tags.Add("BLACKLIST");
            if (abnormal.Contains(s)) tags.Add("ABNORMAL_LIST");
            if (unreachable.Contains(s)) tags.Add("ADDRESS_UNREACHABLE");
            var index = status.IndexOf(s);
            var st = index switch
            {
                >= 0 and < 4 => EnterpriseStatus.Deregistered,
                4 or 5 => EnterpriseStatus.Revoked,
                6 or 7 => EnterpriseStatus.MovedOut,
                _ => EnterpriseStatus.Active,
            };
            yield return new EnterpriseData(name, UsccFor(s).Value, Region, $"河南省驻马店市西平县示例大道{s}号", tags, risk[s],
                abnormal.Contains(s), blacklist.Contains(s), st, $"示例联络人{s}", $"0396-0000{s:D3}", $"示例法人{s:D3}");
        }
    }

    /// <summary>About 30% A, 50% B, 15% C, 5% D: exact quotas over the serials ordered by their seeded hash.</summary>
    static Dictionary<int, RiskClass> RankedClasses()
    {
        var order = Ranked("RISK");
        var result = new Dictionary<int, RiskClass>();
        for (var i = 0; i < order.Count; i++)
            result[order[i]] = i < 60 ? RiskClass.A : i < 160 ? RiskClass.B : i < 190 ? RiskClass.C : RiskClass.D;
        return result;
    }

    static HashSet<int> Pick(string purpose, int count, HashSet<int> except) =>
        [.. Ranked(purpose).Where(s => !except.Contains(s)).Take(count)];

    /// <summary>Serials 1–200 ordered by SHA-256(seed|purpose|serial); ties are impossible in practice, broken by serial.</summary>
    static List<int> Ranked(string purpose) =>
        [.. Enumerable.Range(1, EnterpriseCount)
            .Select(s => (s, key: BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"{Seed}|{purpose}|{s:D3}")))))
            .OrderBy(x => x.key).ThenBy(x => x.s).Select(x => x.s)];

    static IEnumerable<(string Code, OfficerData Data)> Officers(int bureau, int partner) =>
    [
        ("XP-OFF-01", new OfficerData("XP-OFF-01", "张明", bureau, "豫DEMO-411721-0001", new DateOnly(2028, 12, 31), ["工业和信息化", "煤炭经营"], true, 20)),
        ("XP-OFF-02", new OfficerData("XP-OFF-02", "李华", bureau, "豫DEMO-411721-0002", new DateOnly(2027, 3, 31), ["工业和信息化", "汽车产品"], true, 20)),
        ("XP-OFF-11", new OfficerData("XP-OFF-11", "王强", partner, "豫DEMO-411721-0101", new DateOnly(2028, 12, 31), ["联合检查"], true, 20)),
        ("XP-OFF-12", new OfficerData("XP-OFF-12", "赵敏", partner, "豫DEMO-411721-0102", new DateOnly(2028, 12, 31), ["联合检查"], true, 20)),
    ];

    static IEnumerable<(string Code, ItemData Data)> Items(int bureau) =>
    [
        ("DEMO-AUTO", new ItemData("汽车产品生产销售", "西平县科技和工业信息化局",
            "《道路交通安全法》第一百零三条;《道路机动车辆生产企业及产品准入管理办法》(工业和信息化部令第50号)", bureau, TargetType.Enterprise,
            "是否生产、销售未获准入车型;拼装、擅自改装;产品与公告、合格证是否一致", ["ONSITE", "DOCUMENT"], ItemCategory.Key,
            "5%，每年一次，按信用风险分类提高", new DateOnly(2021, 1, 1))),
        ("DEMO-COAL", new ItemData("煤炭经营", "西平县科技和工业信息化局",
            "《煤炭法》;《煤炭经营监管办法》(国家发展改革委令第13号)", bureau, TargetType.Enterprise,
            "告知性备案及变更;年度报告报送;购销合同签订与履行", ["DOCUMENT", "ONSITE"], ItemCategory.General,
            "5%，每年一次，按信用风险分类提高", new DateOnly(2021, 1, 1))),
    ];

    static async Task<Department> DepartmentAsync(AppDbContext db, string code, string name, Action onAdded, CancellationToken ct)
    {
        var found = await db.Departments.SingleOrDefaultAsync(d => d.Code == code, ct);
        if (found is not null) return found;
        var created = new Department(code, name, isDemo: true);
        db.Departments.Add(created);
        onAdded();
        return created;
    }
}
