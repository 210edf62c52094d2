using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Data;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Items;
using SpotCheck.Core.Officers;
using SpotCheck.Core.Tasks;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Notices;

/// <summary>Issuing and downloading notices on the task page and the API, and the Admin's notice settings page.</summary>
public abstract class NoticePagesTests(HostFixture fixture)
{
    static int _serial;

    /// <summary>A department of its own (so its 文号 series starts at 1), a complaint task and a signed-in team member.</summary>
    sealed record Setup(int TaskId, int DepartmentId, string DepartmentName, string EnterpriseName, HttpClient Member);

    async Task<Setup> SetupAsync(TestHost host)
    {
        var n = Interlocked.Increment(ref _serial);
        var tag = fixture.Provider.ToString() + n.ToString(CultureInfo.InvariantCulture);
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var dept = new Department("ND" + tag, "文书测试局" + tag);
        db.Departments.Add(dept);
        await db.SaveChangesAsync();
        var team = new[] { 1, 2 }.Select(i => Officer.Create(new OfficerData($"N{tag}-{i}", "文书员" + i, dept.Id, $"证{tag}-{i}",
            new DateOnly(2035, 1, 1), [], true, 20), now)).ToList();
        db.Officers.AddRange(team);
        var item = InspectionItem.CreateDraft("NI" + tag, new ItemData("煤炭经营", "文书测试局", "《煤炭法》", dept.Id, TargetType.Enterprise,
            "告知性备案", ["DOCUMENT"], ItemCategory.General, "", new DateOnly(2026, 1, 1)), now);
        item.Publish(null, now);
        db.InspectionItems.Add(item);
        var name = "文书测试企业" + tag;
        var enterprise = Enterprise.Create(new EnterpriseData(name, Uscc.Compose("91", "411721", "NP" + n.ToString("D6", CultureInfo.InvariantCulture)).Value, "411721", "西平县文书路1号", [], RiskClass.B, false, false,
            EnterpriseStatus.Active, null, null), now);
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync();
        var created = await scope.ServiceProvider.GetRequiredService<CreateTask.Handler>().HandleAsync(new CreateTask.Command
        {
            Source = "COMPLAINT", EnterpriseId = enterprise.Id, ItemIds = [item.Id], DueDate = DateOnly.FromDateTime(now).AddDays(30),
            Basis = "举报 " + tag, OfficerIds = [.. team.Select(o => o.Id)],
        }, "planner");
        Assert.True(created.IsSuccess, created.Error?.Message);

        var userName = "notice-officer-" + tag.ToLowerInvariant();
        await host.CreateUserAsync(userName, Roles.Officer);
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        user.OfficerId = team[0].Id;
        await db.SaveChangesAsync();
        var member = host.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await TestHost.PostLoginAsync(member, userName, TestHost.Password)).StatusCode);
        return new Setup(created.Value, dept.Id, dept.Name, name, member);
    }

    static string ThisYear => DateTime.UtcNow.AddHours(8).Year.ToString(CultureInfo.InvariantCulture);

    static async Task<HttpResponseMessage> PostIssueAsync(HttpClient client, int taskId, string kind) =>
        await client.PostAsync($"/Staff/Tasks/Details/{taskId}?handler=IssueNotice", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["kind"] = kind,
            ["__RequestVerificationToken"] = await TestHost.AntiforgeryTokenAsync(client, "/Staff"),
        }));

    [SkippableFact]
    public async Task A_team_member_issues_the_inspection_notice_on_the_task_page_and_downloads_it()
    {
        var host = fixture.RequireHost();
        var s = await SetupAsync(host);
        var page = $"/Staff/Tasks/Details/{s.TaskId}";
        var before = await s.Member.GetStringAsync(page);
        Assert.Contains("尚未签发", before);
        Assert.Contains("签发检查通知书", before);
        Assert.DoesNotContain("检查结果告知书", before); // not before the record is approved

        var issued = await PostIssueAsync(s.Member, s.TaskId, "Inspection");
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var number = $"检通〔{ThisYear}〕1号";
        var after = await s.Member.GetStringAsync(page);
        Assert.Contains($"已签发检查通知书，文号 {number}", after);
        Assert.Contains($"文号 {number}", after);
        Assert.DoesNotContain("签发检查通知书</button>", after);

        var download = await s.Member.GetAsync($"{page}?handler=Notice&kind=Inspection");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType!.MediaType);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await download.Content.ReadAsByteArrayAsync()), false))
        {
            var text = doc.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains(s.DepartmentName, text);
            Assert.Contains(s.EnterpriseName, text);
            Assert.Contains(number, text);
            Assert.Contains("送达回证", text);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await s.Member.GetAsync($"{page}?handler=Notice&kind=Bogus")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostIssueAsync(s.Member, s.TaskId, "Bogus")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostIssueAsync(s.Member, s.TaskId, "Inspection")).StatusCode);
        Assert.Contains($"检查通知书内容未变化，文号仍为 {number}", await s.Member.GetStringAsync(page));

        // The Supervisor reads but does not issue; an officer of another team sees nothing.
        var supervisor = await host.SignedInClientAsync(Roles.Supervisor);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"{page}?handler=Notice&kind=Inspection")).StatusCode);
        Assert.DoesNotContain("重新签发", await supervisor.GetStringAsync(page));
        var refused = await PostIssueAsync(supervisor, s.TaskId, "Inspection");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var outsider = (await SetupAsync(host)).Member;
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{page}?handler=Notice&kind=Inspection")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostIssueAsync(outsider, s.TaskId, "Inspection")).StatusCode);

        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.IssuedNotices.CountAsync(n => n.TaskId == s.TaskId));
    }

    [SkippableFact]
    public async Task The_api_reports_issues_and_serves_notices_with_problem_details()
    {
        var host = fixture.RequireHost();
        var s = await SetupAsync(host);
        var planner = "notice-planner-" + Guid.NewGuid().ToString("N")[..8];
        await host.CreateUserAsync(planner, Roles.Planner);
        var api = host.BearerClient(await host.IssueTokenAsync(planner));
        var root = $"/api/v1/tasks/{s.TaskId}/notices";

        var state = await api.GetFromJsonAsync<JsonElement>(root);
        Assert.Equal(["Inspection", "Result"], state.EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.True(state[0].GetProperty("canIssue").GetBoolean());
        Assert.Equal("检查记录审核通过后才能签发检查结果告知书", state[1].GetProperty("cannotIssueReason").GetString());

        await AssertProblemAsync(await api.GetAsync($"{root}/Inspection"), HttpStatusCode.NotFound, "notice.not_issued");
        await AssertProblemAsync(await api.PostAsync($"{root}/Bogus", null), HttpStatusCode.NotFound, "notice.kind");
        await AssertProblemAsync(await api.PostAsync($"{root}/Result", null), HttpStatusCode.Conflict, "notice.not_approved");

        var first = await (await api.PostAsync($"{root}/Inspection", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(($"检通〔{ThisYear}〕1号", true), (first.GetProperty("notice").GetProperty("number").GetString(), first.GetProperty("isNew").GetBoolean()));
        var again = await (await api.PostAsync($"{root}/inspection", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(again.GetProperty("isNew").GetBoolean());
        var file = await api.GetAsync($"{root}/Inspection");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.True(file.Headers.CacheControl is { NoStore: true, Private: true });

        var supervisor = "notice-supervisor-" + Guid.NewGuid().ToString("N")[..8];
        await host.CreateUserAsync(supervisor, Roles.Supervisor);
        var watcher = host.BearerClient(await host.IssueTokenAsync(supervisor));
        Assert.Equal(HttpStatusCode.Forbidden, (await watcher.PostAsync($"{root}/Inspection", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await watcher.GetAsync($"{root}/Inspection")).StatusCode);
    }

    static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [SkippableFact]
    public async Task Only_an_Admin_edits_the_notice_settings_and_a_bad_value_gets_a_Chinese_reason()
    {
        var host = fixture.RequireHost();
        var s = await SetupAsync(host);
        var edit = $"/Admin/Notices/Edit/{s.DepartmentId}";
        var planner = await host.SignedInClientAsync(Roles.Planner);
        Assert.StartsWith("/Account/AccessDenied", (await planner.GetAsync("/Admin/Notices")).Headers.Location!.OriginalString.Replace("http://localhost", ""));
        Assert.Equal(HttpStatusCode.Redirect, (await planner.GetAsync(edit)).StatusCode);

        var admin = await host.SignedInClientAsync(Roles.Admin);
        var list = await admin.GetStringAsync("/Admin/Notices");
        Assert.Contains(s.DepartmentName, list);
        Assert.Contains("默认设置，尚未修改", list);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Admin/Notices/Edit/999999")).StatusCode);

        async Task<HttpResponseMessage> SaveAsync(string inspection, string days) => await admin.PostAsync(edit, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.InspectionNumberPattern"] = inspection, ["Input.ResultNumberPattern"] = "文书告〔{year}〕{seq}号",
            ["Input.ContactName"] = "赵敏", ["Input.ContactPhone"] = "0396-1234567", ["Input.ObjectionWorkdays"] = days,
            ["__RequestVerificationToken"] = await TestHost.AntiforgeryTokenAsync(admin, edit),
        }));

        var badPattern = await (await SaveAsync("文书通〔2026〕号", "10")).Content.ReadAsStringAsync();
        Assert.Contains("检查通知书文号格式必须恰好包含一次 {year}（年份）和一次 {seq}（顺序号）", System.Net.WebUtility.HtmlDecode(badPattern));
        var badDays = await (await SaveAsync("文书通〔{year}〕{seq}号", "十天")).Content.ReadAsStringAsync();
        Assert.Contains("异议期限应为1–60之间的整数（工作日）", badDays);
        Assert.DoesNotContain("is not valid", badDays);

        var saved = await SaveAsync("文书通〔{year}〕{seq}号", "12");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await admin.GetStringAsync("/Admin/Notices");
        Assert.Contains("文书通〔{year}〕{seq}号", System.Net.WebUtility.HtmlDecode(after));
        Assert.Contains("赵敏", after);

        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await db.NoticeSettings.SingleAsync(x => x.DepartmentId == s.DepartmentId);
        Assert.Equal(("文书通〔{year}〕{seq}号", 12), (row.InspectionNumberPattern, row.ObjectionWorkdays));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Type == "NOTICE_SETTINGS_CHANGED" && e.Payload.Contains("\"departmentCode\":\"ND")));

        // The next notice of that department uses the new pattern.
        var issued = await PostIssueAsync(s.Member, s.TaskId, "Inspection");
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        Assert.Contains($"文书通〔{ThisYear}〕1号", await s.Member.GetStringAsync($"/Staff/Tasks/Details/{s.TaskId}"));
    }
}

public sealed class SqliteNoticePagesTests(SqliteHostFixture f) : NoticePagesTests(f), IClassFixture<SqliteHostFixture>;

public sealed class PostgresNoticePagesTests(PostgresHostFixture f) : NoticePagesTests(f), IClassFixture<PostgresHostFixture>;
