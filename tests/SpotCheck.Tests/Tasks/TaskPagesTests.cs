using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Data;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Evidence;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Items;
using SpotCheck.Core.Officers;
using SpotCheck.Core.Tasks;
using SpotCheck.Hosting;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Tasks;

/// <summary>Tasks and evidence through the staff pages: officers reach only their own, by any URL.</summary>
public abstract class TaskPagesTests(HostFixture fixture)
{
    sealed record World(int TaskId, HttpClient Member, HttpClient Member2, HttpClient Outsider, HttpClient Planner, string EnterpriseName, string Uscc, int ItemId);

    static int _serial;

    async Task<World> WorldAsync(TestHost host)
    {
        var n = Interlocked.Increment(ref _serial);
        var tag = $"{fixture.Provider}{n}";
        int taskId, a, b, c, itemId;
        string name, uscc;
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = host.UtcNow;
            var dept = new Department("TD" + tag, "测试部门" + tag);
            db.Departments.Add(dept);
            await db.SaveChangesAsync();
            var officers = Enumerable.Range(1, 3).Select(i => Officer.Create(new OfficerData($"T{tag}-{i}", "检查员" + i, dept.Id, "C" + i,
                new DateOnly(2035, 1, 1), [], true, 20), now)).ToList();
            db.Officers.AddRange(officers);
            var item = InspectionItem.CreateDraft("TI" + tag, new ItemData("煤炭经营", "局", "依据", dept.Id, TargetType.Enterprise, "告知性备案",
                ["ONSITE"], ItemCategory.General, "", new DateOnly(2026, 1, 1)), now);
            item.Publish(null, now);
            db.InspectionItems.Add(item);
            uscc = Uscc.Compose("91", "411721", "TP" + n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).Value;
            name = "页面测试企业" + tag;
            var enterprise = Enterprise.Create(new EnterpriseData(name, uscc, "411721", "西平县", [], RiskClass.B, false, false,
                EnterpriseStatus.Active, null, null), now);
            db.Enterprises.Add(enterprise);
            await db.SaveChangesAsync();
            var created = await scope.ServiceProvider.GetRequiredService<CreateTask.Handler>().HandleAsync(new CreateTask.Command
            {
                Source = "COMPLAINT", EnterpriseId = enterprise.Id, ItemIds = [item.Id], DueDate = DateOnly.FromDateTime(now).AddDays(30),
                Basis = "举报 " + tag, OfficerIds = [officers[0].Id, officers[1].Id],
            }, "planner");
            Assert.True(created.IsSuccess, created.Error?.Message);
            (taskId, a, b, c, itemId) = (created.Value, officers[0].Id, officers[1].Id, officers[2].Id, item.Id);
        }
        return new World(taskId, await OfficerClientAsync(host, a), await OfficerClientAsync(host, b), await OfficerClientAsync(host, c), await host.SignedInClientAsync(Roles.Planner), name, uscc, itemId);
    }

    static Task<HttpClient> OfficerClientAsync(TestHost host, int officerId) => host.SignedInOfficerAsync(officerId);

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int taskId, byte[] bytes, string fileName)
    {
        var token = await TestHost.AntiforgeryTokenAsync(client, $"/Staff/Tasks/Details/{taskId}");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/Staff/Tasks/Details/{taskId}?handler=Upload", form);
    }

    [SkippableFact]
    public async Task An_officer_sees_his_task_and_another_officer_gets_404_for_task_and_evidence()
    {
        var host = fixture.RequireHost();
        var w = await WorldAsync(host);

        var mine = await w.Member.GetStringAsync("/Staff/Tasks");
        Assert.Contains(w.EnterpriseName, mine);
        Assert.DoesNotContain(w.EnterpriseName, await w.Outsider.GetStringAsync("/Staff/Tasks"));
        var detail = await w.Member.GetStringAsync($"/Staff/Tasks/Details/{w.TaskId}");
        Assert.Contains(w.Uscc, detail);
        Assert.Contains("受理举报", detail);
        Assert.Contains("非随机任务", detail);

        var pdf = "%PDF-1.4\n1 0 obj\n%%EOF\n"u8.ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(w.Member, w.TaskId, pdf, "scan.jpg")).StatusCode);
        var evidenceId = await EvidenceIdAsync(host, w.TaskId);

        var outsiderTask = await w.Outsider.GetAsync($"/Staff/Tasks/Details/{w.TaskId}");
        Assert.Equal(HttpStatusCode.NotFound, outsiderTask.StatusCode);
        Assert.DoesNotContain(w.EnterpriseName, await outsiderTask.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await w.Outsider.GetAsync($"/Staff/Tasks/Evidence/{evidenceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Outsider.GetAsync($"/Staff/Tasks/Details/{w.TaskId}?handler=Notice&kind=Inspection")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await host.Client().GetAsync($"/Staff/Tasks/Evidence/{evidenceId}")).StatusCode);

        var served = await w.Member.GetAsync($"/Staff/Tasks/Evidence/{evidenceId}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("application/pdf", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", served.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(pdf, await served.Content.ReadAsByteArrayAsync());
    }

    [SkippableFact]
    public async Task A_tampered_evidence_file_is_not_served()
    {
        var host = fixture.RequireHost();
        var w = await WorldAsync(host);
        byte[] png;
        using (var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgba32>(40, 20))
        using (var ms = new MemoryStream())
        {
            SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, ms);
            png = ms.ToArray();
        }
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(w.Member, w.TaskId, png, "dot.png")).StatusCode);
        var evidenceId = await EvidenceIdAsync(host, w.TaskId);
        Assert.Equal(HttpStatusCode.OK, (await w.Member.GetAsync($"/Staff/Tasks/Evidence/{evidenceId}?thumb=true")).StatusCode);

        var store = host.Factory.Services.Evidence();
        var path = store.PathOf(EvidenceStore.Hash(png));
        Assert.StartsWith(Path.Combine(host.Storage.DataDir, "evidence"), path);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[^1] ^= 0x01;
        await File.WriteAllBytesAsync(path, bytes);

        var response = await w.Member.GetAsync($"/Staff/Tasks/Evidence/{evidenceId}");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("篡改", await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task The_record_form_rejects_no_problem_with_other_results_and_saves_nothing()
    {
        var host = fixture.RequireHost();
        var w = await WorldAsync(host);
        var token = await TestHost.AntiforgeryTokenAsync(w.Member, $"/Staff/Tasks/Details/{w.TaskId}");
        var response = await w.Member.PostAsync($"/Staff/Tasks/Details/{w.TaskId}?handler=Record", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Form.InspectedOn", "2026-01-05"), new("Form.Place", "现场"),
            new("Form.Methods", "ONSITE"), new("Form.Results", "NO_PROBLEM"), new("Form.Results", "UNREACHABLE"),
            new("Form.FollowUps", "NONE_REQUIRED"),
        ]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("“未发现问题”不能与其他检查结果同时选择", await response.Content.ReadAsStringAsync());
        await using var scope = host.Factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().InspectionRecords.AnyAsync(r => r.TaskId == w.TaskId));
    }

    [SkippableFact]
    public async Task Review_pages_are_for_reviewers_only()
    {
        var host = fixture.RequireHost();
        var w = await WorldAsync(host);
        Assert.Equal(HttpStatusCode.Redirect, (await w.Member.GetAsync("/Staff/Reviews")).StatusCode);
        var reviewer = await host.SignedInClientAsync(Roles.Reviewer);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/Staff/Reviews")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Planner.GetAsync("/Staff/Tasks/Create")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await w.Member.GetAsync("/Staff/Tasks/Create")).StatusCode);
    }

    static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, params (string Key, string Value)[] fields)
    {
        var token = await TestHost.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]));
    }

    [SkippableFact]
    public async Task The_team_records_confirms_and_submits_and_a_reviewer_approves_with_a_recheck_task()
    {
        var host = fixture.RequireHost();
        var w = await WorldAsync(host);
        var page = $"/Staff/Tasks/Details/{w.TaskId}";
        var saved = await PostAsync(w.Member, page, "Record", ("Form.InspectedOn", "2026-01-05"), ("Form.Place", "企业经营场所"),
            ("Form.Methods", "ONSITE"), ("Form.ItemIds", w.ItemId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Form.Notes", "未备案"),
            ("Form.Results", "PROBLEM_PENDING"), ("Form.Results", "COAL_NOT_FILED"), ("Form.FollowUps", "RECTIFY"), ("Form.RectifyDueDate", "2026-02-05"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(w.Member, page, "Confirm")).StatusCode);
        var early = await PostAsync(w.Member, page, "Submit");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("尚未确认检查记录", await early.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(w.Member2, page, "Confirm")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(w.Member2, page, "Submit")).StatusCode);

        var reviewer = await host.SignedInClientAsync(Roles.Reviewer);
        Assert.Contains(w.EnterpriseName, await reviewer.GetStringAsync("/Staff/Reviews"));
        var review = $"/Staff/Reviews/Review/{w.TaskId}";
        var noReason = await PostAsync(reviewer, review, "Return", ("reason", ""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(reviewer, review, "Approve")).StatusCode);

        var detail = await w.Member.GetStringAsync(page);
        Assert.Contains("已审核", detail);
        Assert.Contains("复查任务 #", detail);
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var recheck = await db.InspectionTasks.SingleAsync(t => t.RecheckOfTaskId == w.TaskId);
        Assert.Equal(TaskSource.Recheck, recheck.Source);
    }

    static async Task<int> EvidenceIdAsync(TestHost host, int taskId)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().EvidenceFiles.Where(e => e.TaskId == taskId)
            .OrderByDescending(e => e.Id).Select(e => e.Id).FirstAsync();
    }
}

public sealed class SqliteTaskPagesTests(SqliteFixedClockHostFixture f) : TaskPagesTests(f), IClassFixture<SqliteFixedClockHostFixture>;

public sealed class PostgresTaskPagesTests(PostgresFixedClockHostFixture f) : TaskPagesTests(f), IClassFixture<PostgresFixedClockHostFixture>;
