using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Data;
using SpotCheck.Core.Demo;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Items;
using SpotCheck.Core.Officers;
using SpotCheck.Core.Plans;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Tests.TestSupport;

/// <summary>
/// The demo bureau (西平, department A, with the demo's plans, draws, tasks and officers) and a second county bureau
/// (上蔡, department B: two officers, an item, a published plan and a complaint task), both under a city bureau; one
/// planner per county and one at the city, made through the host's own use cases.
/// </summary>
public sealed record TwoDepartments(int PlanA, string DrawA, int TaskA, int OfficerA, int PlanB, int TaskB, int OfficerB)
{
    public const string City = "ZMDGXJ", CountyB = "SCGXJ";
    public const string PlannerA = "planner-xiping", PlannerB = "planner-shangcai", CityPlanner = "planner-city";
    public const string PlanBName = "2026年上蔡县工业领域双随机抽查";

    public static Task<TwoDepartments> CreateAsync(TestHost host) => CreateAsync(host.Factory.Services, host.Today);

    public static async Task<TwoDepartments> CreateAsync(IServiceProvider services, DateOnly today)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var save = sp.GetRequiredService<SaveDepartment.Handler>();
        Ok(await save.HandleAsync(new SaveDepartment.Command(City, "驻马店市工业和信息化局", ""), "test"));
        Ok(await save.HandleAsync(new SaveDepartment.Command(DemoData.DepartmentCode, "西平县科技和工业信息化局", City), "test"));
        var b = Ok(await save.HandleAsync(new SaveDepartment.Command(CountyB, "上蔡县工业和信息化局", City), "test"));

        var officers = sp.GetRequiredService<SaveOfficer.Handler>();
        var b1 = Ok(await officers.HandleAsync(Officer("SC-OFF-01", "王强", b), "test"));
        var b2 = Ok(await officers.HandleAsync(Officer("SC-OFF-02", "赵敏", b), "test"));
        var template = await db.InspectionItems.AsNoTracking().Where(i => i.Status == ItemStatus.Published).OrderBy(i => i.Id).FirstAsync();
        var itemId = Ok(await sp.GetRequiredService<SaveItem.Handler>().HandleAsync(new SaveItem.Command
        {
            Code = "SC-GX-01", Name = "工业企业安全生产检查", EnforcementBody = "上蔡县工业和信息化局", LegalBasis = "《安全生产法》",
            DepartmentId = b, Content = "安全生产责任制落实情况", Methods = "DOCUMENT;ONSITE", EffectiveFrom = template.EffectiveFrom,
        }, "test"));
        Ok(await sp.GetRequiredService<PublishItem.Handler>().HandleAsync(itemId, "test"));
        var planB = Ok(await sp.GetRequiredService<SavePlan.Handler>().HandleAsync(new SavePlan.Command
        {
            Year = today.Year, Name = PlanBName, ItemIds = [itemId], DepartmentCodes = [CountyB],
            RatioPpm = new() { ["A"] = 50_000, ["B"] = 50_000, ["C"] = 50_000, ["D"] = 50_000 }, EndDate = new DateOnly(today.Year, 12, 31),
        }, "test"));
        Ok(await sp.GetRequiredService<PublishPlan.Handler>().HandleAsync(planB, "test"));
        var enterprise = await db.Enterprises.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        var taskB = Ok(await sp.GetRequiredService<CreateTask.Handler>().HandleAsync(new CreateTask.Command
        {
            EnterpriseId = enterprise, ItemIds = [itemId], DueDate = today.AddDays(30), Basis = "举报编号 SC-2026-001", OfficerIds = [b1, b2],
        }, "test"));

        var users = sp.GetRequiredService<CreateUser.Handler>();
        foreach (var (name, dept) in new[] { (PlannerA, DemoData.DepartmentCode), (PlannerB, CountyB), (CityPlanner, City) })
            Ok(await users.HandleAsync(new CreateUser.Command(name, Roles.Planner, TestHost.Password, "test", DepartmentCodes: [dept]), CancellationToken.None));

        var planA = await db.Plans.AsNoTracking().Where(p => p.DepartmentCodes.Count() == 1 && p.DepartmentCodes.Contains(DemoData.DepartmentCode)).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var drawA = await db.DrawSessions.AsNoTracking().Where(d => d.PlanId == planA).OrderBy(d => d.DrawId).Select(d => d.DrawId).FirstAsync();
        var taskA = await db.InspectionTasks.AsNoTracking().Where(t => t.PlanId == planA).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var officerA = await db.Officers.AsNoTracking().Where(o => o.Code == "XP-OFF-01").Select(o => o.Id).SingleAsync();
        return new TwoDepartments(planA, drawA, taskA, officerA, planB, taskB, b1);
    }

    static SaveOfficer.Command Officer(string code, string name, int department) => new()
    {
        Code = code, Name = name, DepartmentId = department, CertificateNo = "豫" + code, CertificateValidTo = new DateOnly(2030, 12, 31),
        Active = true, WorkloadCap = 20,
    };

    static T Ok<T>(Core.Common.Result<T> result)
    {
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    static void Ok(Core.Common.Result result) => Assert.True(result.IsSuccess, result.Error?.Message);
}
