using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Notices;

namespace SpotCheck.Core.Demo;

/// <summary>The demo bureau's 文号 patterns and contact (示例数据), set once through the settings use case.</summary>
static class DemoNoticeSettings
{
    public static async Task<int> SeedAsync(AppDbContext db, AuditLog audit, TimeProvider clock, string actor, CancellationToken ct)
    {
        var bureau = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Code == DemoData.DepartmentCode, ct);
        if (bureau is null || await db.NoticeSettings.AnyAsync(s => s.DepartmentId == bureau.Id, ct)) return 0;
        DemoCeremony.Must(await new SaveNoticeSettings.Handler(db, audit, clock).HandleAsync(bureau.Id, new SaveNoticeSettings.Command
        {
            InspectionNumberPattern = $"西科工检通〔{NoticeNumberPattern.Year}〕{NoticeNumberPattern.Seq}号",
            ResultNumberPattern = $"西科工检告〔{NoticeNumberPattern.Year}〕{NoticeNumberPattern.Seq}号",
            ContactName = "示例联系人", ContactPhone = "0396-0000000", ContactAddress = "河南省驻马店市西平县示例大道1号（示例数据）",
            ObjectionWorkdays = 10, ReviewBody = "西平县人民政府", Court = "西平县人民法院",
        }, actor, ct));
        return 1;
    }
}
