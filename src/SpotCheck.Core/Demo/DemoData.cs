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

    public const string AutoItemCode = "DEMO-AUTO";
    public const string CoalItemCode = "DEMO-COAL";
    /// <summary>
    /// Open assignments each bureau officer may carry. With two officers every target needs both, so the 2026
    /// storyline (about 30 targets) needs more than the usual 20.
    /// </summary>
    public const int BureauWorkloadCap = 40;
    const string Actor = "system:demo";

    /// <summary>
    /// Adds whatever part of the dataset is missing: the directories (one transaction), then the history of
    /// <see cref="DemoHistory"/> step by step through the use cases, resuming where an interrupted start stopped.
    /// Returns the records and steps added; a second call adds nothing.
    /// </summary>
    public static async Task<int> SeedAsync(AppDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct = default)
    {
        var added = await DirectoriesAsync(db, audit, clock, ct);
        added += await RaiseBureauCapsAsync(db, audit, clock, ct);
        added += await DemoNoticeSettings.SeedAsync(db, audit, clock, Actor, ct);
        var items = await db.InspectionItems.Where(i => i.IsDemo && (i.Code == AutoItemCode || i.Code == CoalItemCode))
            .OrderBy(i => i.Code).Select(i => i.Id).ToListAsync(ct);
        return items.Count == 2 ? added + await DemoHistory.SeedAsync(db, audit, items, ct) : added;
    }

    static async Task<int> DirectoriesAsync(AppDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
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
        var codes = Enterprises().Select(e => e.Uscc).ToList();
        var existing = (await db.Enterprises.Where(e => codes.Contains(e.Uscc)).Select(e => e.Uscc).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var data in Enterprises())
        {
            if (existing.Contains(data.Uscc)) continue;
            db.Enterprises.Add(Enterprise.Create(data, now, isDemo: true));
            added++;
        }
        if (added == 0) return 0;
        await audit.AppendAsync(new AuditEvent("DEMO_SEEDED", Actor, new JsonObject { ["seed"] = Seed, ["recordsAdded"] = added }), ct);
        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>Installs seeded before the history carry the old cap of 20: raised through the officer use case.</summary>
    static async Task<int> RaiseBureauCapsAsync(AppDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var low = await db.Officers.AsNoTracking().Where(o => o.IsDemo && o.Department!.Code == DepartmentCode && o.WorkloadCap < BureauWorkloadCap)
            .OrderBy(o => o.Code).ToListAsync(ct);
        foreach (var o in low)
            DemoCeremony.Must(await new SaveOfficer.Handler(db, audit, clock).HandleAsync(new SaveOfficer.Command
            {
                Id = o.Id, Code = o.Code, Name = o.Name, DepartmentId = o.DepartmentId, CertificateNo = o.CertificateNo,
                CertificateValidTo = o.CertificateValidTo, Specialties = o.Specialties, Active = o.Active, WorkloadCap = BureauWorkloadCap,
            }, Actor, ct));
        return low.Count;
    }

    /// <summary>Deletes the whole dataset, history included, in one transaction (see <see cref="DemoRemoval"/>).</summary>
    public static Task<int> RemoveAsync(AppDbContext db, AuditLog audit, string actor, CancellationToken ct = default) =>
        DemoRemoval.RemoveAsync(db, audit, actor, ct);

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
        ("XP-OFF-01", new OfficerData("XP-OFF-01", "张明", bureau, "豫DEMO-411721-0001", new DateOnly(2028, 12, 31), ["工业和信息化", "煤炭经营"], true, BureauWorkloadCap)),
        ("XP-OFF-02", new OfficerData("XP-OFF-02", "李华", bureau, "豫DEMO-411721-0002", new DateOnly(2027, 3, 31), ["工业和信息化", "汽车产品"], true, BureauWorkloadCap)),
        ("XP-OFF-11", new OfficerData("XP-OFF-11", "王强", partner, "豫DEMO-411721-0101", new DateOnly(2028, 12, 31), ["联合检查"], true, 20)),
        ("XP-OFF-12", new OfficerData("XP-OFF-12", "赵敏", partner, "豫DEMO-411721-0102", new DateOnly(2028, 12, 31), ["联合检查"], true, 20)),
    ];

    static IEnumerable<(string Code, ItemData Data)> Items(int bureau) =>
    [
        (AutoItemCode, new ItemData("汽车产品生产销售", "西平县科技和工业信息化局",
            "《道路交通安全法》第一百零三条;《道路机动车辆生产企业及产品准入管理办法》(工业和信息化部令第50号)", bureau, TargetType.Enterprise,
            "是否生产、销售未获准入车型;拼装、擅自改装;产品与公告、合格证是否一致", ["ONSITE", "DOCUMENT"], ItemCategory.Key,
            "5%，每年一次，按信用风险分类提高", new DateOnly(2021, 1, 1))),
        (CoalItemCode, new ItemData("煤炭经营", "西平县科技和工业信息化局",
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
