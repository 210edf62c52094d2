using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Items;
using SpotCheck.Core.Officers;
using SpotCheck.Core.Plans;
using SpotCheck.Core.Tasks;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Tasks;

/// <summary>
/// The planner forms of the task and officer pages: frame-error substitution, 补充检查人员, withdrawing a 回避
/// declaration, and the paged task list. Each needs the anti-forgery token and the planner role (officers: 403/404).
/// </summary>
public abstract class TaskPlannerPagesTests(HostFixture fixture)
{
    static int _serial;

    static string Tag(HostFixture f) => $"{f.Provider}{Interlocked.Increment(ref _serial)}";

    static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, bool token, params (string Key, string Value)[] fields)
    {
        var pairs = fields.ToList();
        if (token) pairs.Add(("__RequestVerificationToken", await TestHost.AntiforgeryTokenAsync(client, page)));
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(pairs.Select(p => KeyValuePair.Create(p.Key, p.Value))));
    }

    static Task<HttpClient> OfficerClientAsync(TestHost host, int officerId) => host.SignedInOfficerAsync(officerId);

    static async Task<(Department Dept, List<Officer> Officers, InspectionItem Item)> DirectoryAsync(AppDbContext db, string tag, int officers)
    {
        var now = TestClock.Start.UtcDateTime;
        var dept = new Department("PD" + tag, "测试部门" + tag);
        db.Departments.Add(dept);
        await db.SaveChangesAsync();
        var list = Enumerable.Range(1, officers).Select(i => Officer.Create(new OfficerData($"P{tag}-{i}", "检查员" + i, dept.Id, "C" + i,
            new DateOnly(2035, 1, 1), [], true, 20), now)).ToList();
        db.Officers.AddRange(list);
        var item = InspectionItem.CreateDraft("PI" + tag, new ItemData("煤炭经营", "局", "依据", dept.Id, TargetType.Enterprise, "告知性备案",
            ["ONSITE"], ItemCategory.General, "", new DateOnly(2026, 1, 1)), now);
        item.Publish(null, now);
        db.InspectionItems.Add(item);
        await db.SaveChangesAsync();
        return (dept, list, item);
    }

    /// <summary>A department with two officers, one enterprise and a complaint task staffed by both.</summary>
    static async Task<(int TaskId, Department Dept, List<Officer> Officers)> ComplaintTaskAsync(IServiceProvider sp, string tag)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var (dept, officers, item) = await DirectoryAsync(db, tag, 2);
        var enterprise = NewEnterprise(tag, 1);
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync();
        var taskId = (await sp.GetRequiredService<CreateTask.Handler>().HandleAsync(new CreateTask.Command
        {
            Source = "COMPLAINT", EnterpriseId = enterprise.Id, ItemIds = [item.Id], DueDate = SpotCheck.Core.Plans.DrawClock.Today(sp.GetRequiredService<TimeProvider>().GetUtcNow()).AddDays(30),
            Basis = "举报 " + tag, OfficerIds = [officers[0].Id, officers[1].Id],
        }, "planner")).Value;
        return (taskId, dept, officers);
    }

    static Enterprise NewEnterprise(string tag, int i) => Enterprise.Create(new EnterpriseData("替补测试企业" + tag + "-" + i,
        Uscc.Compose("91", "411721", "PF" + (_serial * 10 + i).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).Value,
        "411721", "西平县", [], RiskClass.B, false, false, EnterpriseStatus.Active, null, null), TestClock.Start.UtcDateTime);

    [SkippableFact]
    public async Task A_planner_replaces_a_frame_error_from_the_task_page_and_an_officer_cannot()
    {
        var host = fixture.RequireHost();
        var tag = Tag(fixture);
        string drawId;
        int taskId, member;
        DateOnly asOf;
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<AppDbContext>();
            var (dept, _, item) = await DirectoryAsync(db, tag, 4);
            db.Enterprises.AddRange(Enumerable.Range(1, 4).Select(i => NewEnterprise(tag, i)));
            await db.SaveChangesAsync();
            var today = host.Today;
            var planId = (await sp.GetRequiredService<SavePlan.Handler>().HandleAsync(new SavePlan.Command
            {
                Year = today.Year, Name = "名录错误替补测试" + tag, ItemIds = [item.Id], DepartmentCodes = [dept.Code], RatioPpm = new() { ["B"] = 500_000 },
                TeamSize = 2, WindowDays = 365, EndDate = new DateOnly(today.Year, 12, 31), RegionPrefix = "411721",
            }, "planner")).Value;
            Assert.True((await sp.GetRequiredService<PublishPlan.Handler>().HandleAsync(planId, "planner")).IsSuccess);
            var frozen = await sp.GetRequiredService<FreezeDraw.Handler>().HandleAsync(new FreezeDraw.Command { PlanId = planId, RandomnessSource = "dice：现场掷骰" }, "planner");
            Assert.True(frozen.IsSuccess, frozen.Error?.Message);
            drawId = frozen.Value;
            var commit = sp.GetRequiredService<CommitDraw.Handler>();
            var a = (await commit.HandleAsync(drawId, DrawSession.Organizer, null, "planner")).Value;
            var b = (await commit.HandleAsync(drawId, DrawSession.Supervisor, "supervisor-secret-0123456789", "supervisor")).Value;
            await Task.Delay(20);
            var enter = sp.GetRequiredService<EnterPublicRandomness.Handler>();
            Assert.True((await enter.HandleAsync(drawId, "dice:31415926535897932384626433", "planner")).IsSuccess);
            Assert.True((await enter.HandleAsync(drawId, "dice:31415926535897932384626433", "supervisor")).IsSuccess);
            var reveal = sp.GetRequiredService<RevealSecret.Handler>();
            Assert.True((await reveal.HandleAsync(drawId, DrawSession.Organizer, a, "planner")).IsSuccess);
            Assert.True((await reveal.HandleAsync(drawId, DrawSession.Supervisor, b, "supervisor")).IsSuccess);
            var run = await sp.GetRequiredService<RunDraw.Handler>().HandleAsync(drawId, "planner");
            Assert.True(run.IsSuccess, run.Error?.Message);
            var task = await db.InspectionTasks.Include(t => t.Members).Where(t => t.DrawId == drawId).OrderBy(t => t.Id).FirstAsync();
            (taskId, member) = (task.Id, task.ActiveMembers.First().OfficerId);
            asOf = (await db.DrawSessions.SingleAsync(s => s.DrawId == drawId)).AsOf;
        }
        var page = $"/Staff/Tasks/Details/{taskId}";
        var fields = new[] { ("frameError.Kind", "DEREGISTERED"), ("frameError.EffectiveOn", asOf.AddDays(-30).ToString("yyyy-MM-dd")), ("frameError.Note", "已核准注销") };
        var planner = await host.SignedInClientAsync(Roles.Planner);
        Assert.Contains("检查对象名录错误（申请替补对象）", await planner.GetStringAsync(page));

        var officer = await OfficerClientAsync(host, member);
        Assert.DoesNotContain("frame-error-form", await officer.GetStringAsync(page));
        TestHost.AssertAccessDenied(await PostAsync(officer, page, "FrameError", true, fields));
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(planner, page, "FrameError", false, fields)).StatusCode);
        var late = await PostAsync(planner, page, "FrameError", true, ("frameError.Kind", "DEREGISTERED"), ("frameError.EffectiveOn", asOf.ToString("yyyy-MM-dd")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("不是名录错误", await late.Content.ReadAsStringAsync());

        var done = await PostAsync(planner, page, "FrameError", true, fields);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var next = done.Headers.Location!.OriginalString;
        Assert.StartsWith("/Staff/Tasks/Details/", next);
        Assert.Contains("名录错误替补", await planner.GetStringAsync(next));
        var old = await planner.GetStringAsync(page);
        Assert.Contains("本任务已被替换", old);
        Assert.Contains("已替换（名录错误）", old);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(page)).StatusCode); // the released member no longer sees it
        var ceremony = await planner.GetStringAsync($"/Staff/Draws/Details?drawId={drawId}");
        Assert.Contains("名录错误，已替换", ceremony);
        Assert.Contains("替补（替换", ceremony);

        await using var check = host.Factory.Services.CreateAsyncScope();
        var record = await check.ServiceProvider.GetRequiredService<DrawRecords.Handler>().HandleAsync(drawId, includePrivateFiles: true);
        Assert.Single(record.Value["substitutions"]!.AsArray());
        Assert.True(SpotCheck.Draw.Record.DrawRecordVerifier.Verify(record.Value).IsValid);
    }

    [SkippableFact]
    public async Task A_short_team_shows_the_warning_and_only_a_planner_adds_a_member_by_the_rule()
    {
        var host = fixture.RequireHost();
        var tag = Tag(fixture);
        int taskId, stays, deptId;
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<AppDbContext>();
            var (created, dept, officers) = await ComplaintTaskAsync(sp, tag);
            taskId = created;
            var w = await sp.GetRequiredService<WithdrawMember.Handler>().HandleAsync(taskId, officers[0].Id, "近亲属", true, TaskViewer.From("planner", null, [Roles.Planner]));
            Assert.True(w.IsSuccess && w.Value.SubstituteOfficerId is null, w.Error?.Message);
            (stays, deptId) = (officers[1].Id, dept.Id);
        }
        var page = $"/Staff/Tasks/Details/{taskId}";
        var officer = await OfficerClientAsync(host, stays);
        var html = await officer.GetStringAsync(page);
        Assert.Contains("人员不足：执法检查至少需要2名", html);
        Assert.DoesNotContain("add-member-form", html);
        TestHost.AssertAccessDenied(await PostAsync(officer, page, "AddMember", true));

        var planner = await host.SignedInClientAsync(Roles.Planner);
        Assert.Contains("add-member-form", await planner.GetStringAsync(page));
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(planner, page, "AddMember", false)).StatusCode);
        var nobody = await PostAsync(planner, page, "AddMember", true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nobody.StatusCode);
        Assert.Contains("没有符合条件的补充人员", await nobody.Content.ReadAsStringAsync());

        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Officers.Add(Officer.Create(new OfficerData($"P{tag}-9", "新增检查员", deptId, "C9", new DateOnly(2035, 1, 1), [], true, 20), TestClock.Start.UtcDateTime));
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(planner, page, "AddMember", true)).StatusCode);
        var after = await planner.GetStringAsync(page);
        Assert.DoesNotContain("人员不足", after);
        Assert.Contains("新增检查员", after);
    }

    [SkippableFact]
    public async Task A_planner_withdraws_a_conflict_on_the_officer_page_and_an_officer_cannot()
    {
        var host = fixture.RequireHost();
        var tag = Tag(fixture);
        int officerId, conflictId;
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<AppDbContext>();
            var (_, officers, _) = await DirectoryAsync(db, tag, 1);
            var enterprise = NewEnterprise(tag, 1);
            db.Enterprises.Add(enterprise);
            await db.SaveChangesAsync();
            officerId = officers[0].Id;
            conflictId = (await sp.GetRequiredService<DeclareConflict.Handler>().HandleAsync(
                new DeclareConflict.Command(officerId, enterprise.Id, ConflictKind.Relative, "配偶任职"), "planner")).Value;
        }
        var page = $"/Staff/Officers/Details/{officerId}";
        var fields = new[] { ("conflictId", conflictId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("reason", "配偶已离职") };
        var officer = await OfficerClientAsync(host, officerId);
        TestHost.AssertAccessDenied(await PostAsync(officer, page, "WithdrawConflict", true, fields));
        var planner = await host.SignedInClientAsync(Roles.Planner);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(planner, page, "WithdrawConflict", false, fields)).StatusCode);
        var noReason = await PostAsync(planner, page, "WithdrawConflict", true, fields[0], ("reason", ""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(planner, page, "WithdrawConflict", true, fields)).StatusCode);
        Assert.Contains("已撤回", await planner.GetStringAsync(page));

        await using var check = host.Factory.Services.CreateAsyncScope();
        var row = await check.ServiceProvider.GetRequiredService<AppDbContext>().OfficerConflicts.SingleAsync(c => c.Id == conflictId);
        Assert.Equal("配偶已离职", row.WithdrawnReason);
        Assert.StartsWith("planner-", row.WithdrawnBy);
    }

    [SkippableFact]
    public async Task The_api_endpoints_take_the_editor_role_and_answer_with_the_use_case()
    {
        var host = fixture.RequireHost();
        var tag = Tag(fixture);
        int taskId, officerId, conflictId;
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<AppDbContext>();
            var (created, _, officers) = await ComplaintTaskAsync(sp, tag);
            taskId = created;
            officerId = officers[0].Id;
            var enterpriseId = await db.InspectionTasks.Where(t => t.Id == taskId).Select(t => t.EnterpriseId).SingleAsync();
            conflictId = (await sp.GetRequiredService<DeclareConflict.Handler>().HandleAsync(
                new DeclareConflict.Command(officerId, enterpriseId, ConflictKind.PastEmployment, null), "planner")).Value;
        }
        async Task<HttpClient> ApiAsync(string role) =>
            host.BearerClient(await host.IssueTokenAsync((await host.CreateUserAsync(role.ToLowerInvariant() + "-api-" + Guid.NewGuid().ToString("N")[..8], role)).UserName!));
        var officer = await ApiAsync(Roles.Officer);
        var planner = await ApiAsync(Roles.Planner);
        static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync($"/api/v1/tasks/{taskId}/frame-error", Json("{\"kind\":\"NOT_FOUND\",\"note\":\"查无\"}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync($"/api/v1/tasks/{taskId}/members", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync($"/api/v1/officers/{officerId}/conflicts/{conflictId}/withdraw", Json("{\"reason\":\"x\"}"))).StatusCode);

        var notDrawn = await planner.PostAsync($"/api/v1/tasks/{taskId}/frame-error", Json("{\"kind\":\"NOT_FOUND\",\"note\":\"查无\"}"));
        Assert.Equal(HttpStatusCode.Conflict, notDrawn.StatusCode);
        Assert.Contains("task.not_drawn", await notDrawn.Content.ReadAsStringAsync());
        var staffed = await planner.PostAsync($"/api/v1/tasks/{taskId}/members", null);
        Assert.Equal(HttpStatusCode.Conflict, staffed.StatusCode);
        Assert.Contains("无需补充", await staffed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await planner.PostAsync($"/api/v1/officers/{officerId}/conflicts/{conflictId}/withdraw", Json("{\"reason\":\"已离职\"}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await planner.PostAsync($"/api/v1/officers/{officerId}/conflicts/{conflictId}/withdraw", Json("{\"reason\":\"已离职\"}"))).StatusCode);
        using var task = JsonDocument.Parse(await planner.GetStringAsync($"/api/v1/tasks/{taskId}"));
        Assert.False(task.RootElement.GetProperty("shortStaffed").GetBoolean());
    }

    [SkippableFact]
    public async Task The_task_list_and_api_page_with_a_total()
    {
        var host = fixture.RequireHost();
        var planner = await host.SignedInClientAsync(Roles.Planner);
        int total;
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            // At least two tasks, whatever ran before, so the list has a page to go on after.
            await ComplaintTaskAsync(scope.ServiceProvider, Tag(fixture));
            await ComplaintTaskAsync(scope.ServiceProvider, Tag(fixture));
            total = await scope.ServiceProvider.GetRequiredService<AppDbContext>().InspectionTasks.CountAsync();
        }
        var html = await planner.GetStringAsync("/Staff/Tasks");
        Assert.Contains($"共 <span id=\"task-total\">{total}</span> 条", html);
        var listed = System.Text.RegularExpressions.Regex.Matches(html, "href=\"/Staff/Tasks/Details/([0-9]+)\"")
            .Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(listed.Count >= 2);
        // Deep pages go on after a task in list order: the next ones, with the way back to page 1.
        var after = await planner.GetStringAsync($"/Staff/Tasks?after={listed[0]}");
        Assert.Contains("页之后", after);
        Assert.Contains("id=\"tasks-first\"", after);
        Assert.DoesNotContain($"href=\"/Staff/Tasks/Details/{listed[0]}\"", after);
        Assert.Contains($"href=\"/Staff/Tasks/Details/{listed[1]}\"", after);
        // After a task that is not there: page 1 as it is, not an empty "after" page.
        var unknown = await planner.GetStringAsync("/Staff/Tasks?after=2000000000");
        Assert.DoesNotContain("页之后", unknown);
        Assert.Contains($"href=\"/Staff/Tasks/Details/{listed[0]}\"", unknown);

        var token = await host.IssueTokenAsync((await host.CreateUserAsync("api-" + Guid.NewGuid().ToString("N")[..8], Roles.Planner)).UserName!);
        var api = host.BearerClient(token);
        using var doc = JsonDocument.Parse(await api.GetStringAsync("/api/v1/tasks?page=1&pageSize=1"));
        Assert.Equal(total, doc.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(Math.Min(total, 1), doc.RootElement.GetProperty("items").GetArrayLength());
        using var beyond = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/tasks?page={total + 5}&pageSize=1"));
        Assert.Equal(0, beyond.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/tasks?page=0")).StatusCode);
    }
}

public sealed class SqliteTaskPlannerPagesTests(SqliteFixedClockHostFixture f) : TaskPlannerPagesTests(f), IClassFixture<SqliteFixedClockHostFixture>;

public sealed class PostgresTaskPlannerPagesTests(PostgresFixedClockHostFixture f) : TaskPlannerPagesTests(f), IClassFixture<PostgresFixedClockHostFixture>;
