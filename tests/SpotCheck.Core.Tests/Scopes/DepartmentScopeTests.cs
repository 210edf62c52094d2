using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Officers;
using SpotCheck.Core.Plans;
using SpotCheck.Core.Scopes;
using SpotCheck.Core.Tasks;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.Draws;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Scopes;

/// <summary>
/// Two county bureaus (A, B) under one city bureau on one database: each planner sees and changes only the work of
/// their own department (a joint plan belongs to both), the city reads both read-only, an officer sees the tasks they
/// are on, and the draw frame still counts every department's history.
/// </summary>
public sealed class DepartmentScopeTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    sealed record World(int PlanA, int PlanB, int PlanJoint, string DrawA, int TaskB, int OfficerA1, int OfficerB1, int ItemB,
        int EnterpriseId);

    static async Task<World> BuildAsync(Store store)
    {
        var kit = new DrawKit(store);
        var city = await kit.DepartmentAsync("ZMDGXJ", "驻马店市工业和信息化局");
        var a = await kit.DepartmentAsync("XPKGJ", "西平县科技和工业信息化局");
        var b = await kit.DepartmentAsync("SCGXJ", "上蔡县工业和信息化局");
        a.MoveUnder(city.Id);
        b.MoveUnder(city.Id);
        await store.Db.SaveChangesAsync();
        var a1 = await kit.OfficerAsync(a, "XP-01");
        await kit.OfficerAsync(a, "XP-02");
        var b1 = await kit.OfficerAsync(b, "SC-01");
        var b2 = await kit.OfficerAsync(b, "SC-02");
        var itemA = await kit.ItemAsync(a, "XP-ITEM");
        var itemB = await kit.ItemAsync(b, "SC-ITEM");
        var enterprises = await kit.EnterprisesAsync(6);
        var planA = await kit.PublishedPlanAsync(DrawKit.PlanCommand([itemA.Id], ["XPKGJ"]));
        var planB = await kit.PublishedPlanAsync(DrawKit.PlanCommand([itemB.Id], ["SCGXJ"]));
        var joint = await kit.PublishedPlanAsync(DrawKit.PlanCommand([itemA.Id, itemB.Id], ["SCGXJ", "XPKGJ"]));
        var drawA = await kit.FreezeAsync(planA);
        var task = await new CreateTask.Handler(store.Db, store.Audit, store.Clock).HandleAsync(new CreateTask.Command
        {
            EnterpriseId = enterprises[0].Id, ItemIds = [itemB.Id], DueDate = new DateOnly(2026, 12, 31), Basis = "举报 2026-001",
            OfficerIds = [b1.Id, b2.Id],
        }, "planner");
        Assert.True(task.IsSuccess, task.Error?.Message);
        await UserAsync(store, "planner-a", a.Id);
        await UserAsync(store, "planner-b", b.Id);
        await UserAsync(store, "city", city.Id);
        var officer = await UserAsync(store, "officer-b1", null);
        officer.OfficerId = b1.Id;
        officer.DepartmentId = b.Id;
        await store.Db.SaveChangesAsync();
        return new World(planA, planB, joint, drawA, task.Value, a1.Id, b1.Id, itemB.Id, enterprises[0].Id);
    }

    static async Task<AppUser> UserAsync(Store store, string name, int? department)
    {
        var user = new AppUser { UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = name };
        store.Db.Users.Add(user);
        await store.Db.SaveChangesAsync();
        if (department is int d)
        {
            store.Db.UserDepartments.Add(new UserDepartment(user.Id, d));
            await store.Db.SaveChangesAsync();
        }
        return user;
    }

    static async Task<AppDbContext> AsAsync(TestDatabase database, string userName, params string[] roles)
    {
        var holder = new DataScopeHolder();
        var db = new AppDbContext(database.Options(), holder);
        holder.Current = await DataScopes.ForUserAsync(db, userName, roles, CancellationToken.None);
        return db;
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Each_planner_sees_only_their_departments_work_and_the_city_sees_both(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var w = await BuildAsync(store);

        await using (var a = await AsAsync(database, "planner-a", Roles.Planner))
        {
            Assert.Equal([w.PlanA, w.PlanJoint], await a.Plans.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
            Assert.Null(await a.Plans.SingleOrDefaultAsync(p => p.Id == w.PlanB));
            Assert.Equal([w.DrawA], await a.DrawSessions.Select(d => d.DrawId).ToListAsync());
            Assert.Null(await a.InspectionTasks.SingleOrDefaultAsync(t => t.Id == w.TaskB));
            Assert.Equal(["XP-01", "XP-02"], await a.Officers.InScope(a.Scope).OrderBy(o => o.Code).Select(o => o.Code).ToListAsync());
        }
        await using (var b = await AsAsync(database, "planner-b", Roles.Planner))
        {
            Assert.Equal([w.PlanB, w.PlanJoint], await b.Plans.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
            Assert.Empty(await b.DrawSessions.ToListAsync());
            Assert.Equal([w.TaskB], await b.InspectionTasks.Select(t => t.Id).ToListAsync());
            Assert.Null(await b.Officers.InScope(b.Scope).SingleOrDefaultAsync(o => o.Id == w.OfficerA1));
        }
        await using (var city = await AsAsync(database, "city", Roles.Planner))
        {
            Assert.Equal([w.PlanA, w.PlanB, w.PlanJoint], await city.Plans.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
            Assert.Equal([w.DrawA], await city.DrawSessions.Select(d => d.DrawId).ToListAsync());
            Assert.Equal([w.TaskB], await city.InspectionTasks.Select(t => t.Id).ToListAsync());
            Assert.Equal(4, await city.Officers.InScope(city.Scope).CountAsync());
        }
        await using (var officer = await AsAsync(database, "officer-b1", Roles.Officer))
        {
            Assert.Equal([w.TaskB], await officer.InspectionTasks.Select(t => t.Id).ToListAsync());
            Assert.Equal([w.PlanB, w.PlanJoint], await officer.Plans.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        }
        await using (var admin = await AsAsync(database, "city", Roles.Admin))
            Assert.Equal(3, await admin.Plans.CountAsync());
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Only_the_departments_a_person_acts_for_can_change_their_work(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var w = await BuildAsync(store);

        // The city reads county B's officer but may not change it; nothing is saved.
        await using (var city = await AsAsync(database, "city", Roles.Planner))
        {
            var officer = await city.Officers.InScope(city.Scope).SingleAsync(o => o.Id == w.OfficerB1);
            var save = new SaveOfficer.Handler(city, new AuditLog(city, store.Clock), store.Clock);
            await Assert.ThrowsAsync<OutOfScopeException>(() => save.HandleAsync(EditOf(officer, "改名"), "city"));
        }
        await using (var b = await AsAsync(database, "planner-b", Roles.Planner))
        {
            var officer = await b.Officers.InScope(b.Scope).SingleAsync(o => o.Id == w.OfficerB1);
            var saved = await new SaveOfficer.Handler(b, new AuditLog(b, store.Clock), store.Clock).HandleAsync(EditOf(officer, "改名"), "planner-b");
            Assert.True(saved.IsSuccess, saved.Error?.Message);
        }
        // County A cannot even find B's officer, nor open a task on B's item.
        await using (var a = await AsAsync(database, "planner-a", Roles.Planner))
        {
            var missing = await new SaveOfficer.Handler(a, new AuditLog(a, store.Clock), store.Clock)
                .HandleAsync(EditOf(await store.Db.Officers.AsNoTracking().SingleAsync(o => o.Id == w.OfficerB1), "x"), "planner-a");
            Assert.Equal(ErrorKind.NotFound, missing.Error?.Kind);
            var task = await new CreateTask.Handler(a, new AuditLog(a, store.Clock), store.Clock).HandleAsync(new CreateTask.Command
            {
                EnterpriseId = w.EnterpriseId, ItemIds = [w.ItemB], DueDate = new DateOnly(2026, 12, 31), Basis = "举报", OfficerIds = [w.OfficerA1, w.OfficerA1 + 1],
            }, "planner-a");
            Assert.Equal(ErrorKind.Forbidden, task.Error?.Kind);
        }
        await using var fresh = store.Fresh();
        Assert.Equal("改名", await fresh.Officers.Where(o => o.Id == w.OfficerB1).Select(o => o.Name).SingleAsync());
        Assert.Equal(1, await fresh.InspectionTasks.CountAsync());
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_joint_plan_is_run_by_either_department_with_both_departments_officers(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var w = await BuildAsync(store);

        await using var b = await AsAsync(database, "planner-b", Roles.Planner);
        var frozen = await new FreezeDraw.Handler(b, new AuditLog(b, store.Clock), store.Clock).HandleAsync(
            new FreezeDraw.Command { PlanId = w.PlanJoint, RandomnessSource = "dice：两名人员现场掷骰", YearlyCap = 1 }, "planner-b");
        Assert.True(frozen.IsSuccess, frozen.Error?.Message);
        var draw = await b.DrawSessions.SingleAsync(d => d.DrawId == frozen.Value);
        var officers = StoredDefinition.Of(draw).Inspectors.Select(o => o.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["SC-01", "SC-02", "XP-01", "XP-02"], officers);
        await using (var a = await AsAsync(database, "planner-a", Roles.Planner))
            Assert.NotNull(await a.DrawSessions.SingleOrDefaultAsync(d => d.DrawId == frozen.Value));

        // The city bureau reads county A's draw but cannot void it.
        await using var city = await AsAsync(database, "city", Roles.Planner);
        var voiding = new VoidDraw.Handler(city, new AuditLog(city, store.Clock), store.Clock);
        await Assert.ThrowsAsync<OutOfScopeException>(() => voiding.HandleAsync(w.DrawA, "测试作废", "city"));
        await using var fresh = store.Fresh();
        Assert.Equal(DrawStatus.Frozen, await fresh.DrawSessions.Where(d => d.DrawId == w.DrawA).Select(d => d.Status).SingleAsync());
    }

    static SaveOfficer.Command EditOf(Officer o, string name) => new()
    {
        Id = o.Id, Code = o.Code, Name = name, DepartmentId = o.DepartmentId, CertificateNo = o.CertificateNo,
        CertificateValidTo = o.CertificateValidTo, Active = o.Active, WorkloadCap = o.WorkloadCap,
    };
}
