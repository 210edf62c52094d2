using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Data;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Items;
using SpotCheck.Core.Officers;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Draws;

/// <summary>
/// The ceremony over HTTP as Planner and Supervisor run it; Officer and Reviewer are refused every step; the public
/// record of the published draw passes <c>spotcheck draw verify</c> (the real CLI) and a tampered copy fails it.
/// </summary>
public abstract class DrawsApiTests(HostFixture fixture)
{
    const string Dice = "dice:27182818284590452353602874";

    async Task<HttpClient> ClientAsync(TestHost host, string role)
    {
        var userName = role.ToLowerInvariant() + "-draw-" + Guid.NewGuid().ToString("N")[..8];
        await host.CreateUserAsync(userName, role);
        return host.BearerClient(await host.IssueTokenAsync(userName));
    }

    /// <summary>A department of its own with 3 officers, 4 active enterprises and a published item.</summary>
    static async Task<(string Dept, int ItemId)> DirectoryAsync(TestHost host)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = host.UtcNow;
        var dept = new Department("D" + suffix, "测试部门" + suffix);
        db.Departments.Add(dept);
        await db.SaveChangesAsync();
        for (var i = 1; i <= 3; i++)
            db.Officers.Add(Officer.Create(new OfficerData($"O{suffix}-{i}", "人员" + i, dept.Id, "C" + suffix + i, new DateOnly(2035, 1, 1), [], true, 50), now));
        var serial = int.Parse(Guid.NewGuid().ToString("N")[..5], NumberStyles.HexNumber, CultureInfo.InvariantCulture) % 90000;
        for (var i = 0; i < 4; i++)
        {
            var uscc = Uscc.Compose("91", "411721", "HT" + (serial * 10 + i).ToString("D6", CultureInfo.InvariantCulture)).Value;
            db.Enterprises.Add(Enterprise.Create(new EnterpriseData("企业" + uscc, uscc, "411721", "西平县", ["T" + suffix], RiskClass.C,
                false, false, EnterpriseStatus.Active, null, null), now));
        }
        var item = InspectionItem.CreateDraft("IT-" + suffix, new ItemData("测试事项", "测试局", "《测试法》", dept.Id, TargetType.Enterprise, "内容",
            ["ONSITE"], ItemCategory.General, "", new DateOnly(2026, 1, 1)), now);
        item.Publish(null, now);
        db.InspectionItems.Add(item);
        await db.SaveChangesAsync();
        return (dept.Code, item.Id);
    }

    static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {body}");
        return JsonNode.Parse(body.Length == 0 ? "{}" : body)!;
    }

    [SkippableFact]
    public async Task Planner_and_supervisor_run_a_draw_whose_public_record_verifies_with_the_cli()
    {
        var host = fixture.RequireHost();
        var planner = await ClientAsync(host, Roles.Planner);
        var supervisor = await ClientAsync(host, Roles.Supervisor);
        var officer = await ClientAsync(host, Roles.Officer);
        var reviewer = await ClientAsync(host, Roles.Reviewer);
        var (dept, itemId) = await DirectoryAsync(host);
        var year = host.Today.Year;
        var tag = "T" + dept[1..];

        var planId = (await JsonAsync(await planner.PostAsJsonAsync("/api/v1/plans", new
        {
            year, name = "接口测试计划", itemIds = new[] { itemId }, departmentCodes = new[] { dept }, tags = tag,
            ratioPpm = new Dictionary<string, long> { ["C"] = 500_000 }, teamSize = 2, windowDays = 0, endDate = $"{year}-12-31",
        })))["id"]!.GetValue<int>();
        await JsonAsync(await planner.PostAsync($"/api/v1/plans/{planId}/publish", null), HttpStatusCode.NoContent);
        Assert.Contains("接口测试计划", await host.Client().GetStringAsync("/api/v1/public/plans?pageSize=100"));

        foreach (var outsider in new[] { officer, reviewer, supervisor })
            Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsJsonAsync($"/api/v1/plans/{planId}/draws", new { randomnessSource = "dice" })).StatusCode);
        var draw = await JsonAsync(await planner.PostAsJsonAsync($"/api/v1/plans/{planId}/draws", new { randomnessSource = "dice：现场掷骰" }));
        var drawId = draw["drawId"]!.GetValue<string>();
        Assert.Equal(4, draw["frameCount"]!.GetValue<int>());
        foreach (var outsider in new[] { officer, reviewer })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsJsonAsync($"/api/v1/draws/{drawId}/commit", new { secret = (string?)null })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsJsonAsync($"/api/v1/draws/{drawId}/public-randomness", new { value = Dice })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsync($"/api/v1/draws/{drawId}/run", null)).StatusCode);
        }

        var organizerSecret = (await JsonAsync(await planner.PostAsJsonAsync($"/api/v1/draws/{drawId}/commit", new { secret = (string?)null })))["secret"]!.GetValue<string>();
        var supervisorSecret = (await JsonAsync(await supervisor.PostAsJsonAsync($"/api/v1/draws/{drawId}/commit", new { secret = "supervisor-typed-secret-42" })))["secret"]!.GetValue<string>();
        await Task.Delay(5); // the public value is entered after the commitments (distinct millisecond timestamps)
        Assert.False((await JsonAsync(await planner.PostAsJsonAsync($"/api/v1/draws/{drawId}/public-randomness", new { value = Dice })))["confirmed"]!.GetValue<bool>());
        var mismatch = await supervisor.PostAsJsonAsync($"/api/v1/draws/{drawId}/public-randomness", new { value = Dice + "0" });
        Assert.Equal("publicRandomness", (await JsonAsync(mismatch, HttpStatusCode.BadRequest))["errors"]!.AsObject().Single().Key);
        await JsonAsync(await planner.PostAsJsonAsync($"/api/v1/draws/{drawId}/public-randomness", new { value = Dice }));
        var confirmed = await JsonAsync(await supervisor.PostAsJsonAsync($"/api/v1/draws/{drawId}/public-randomness", new { value = Dice }));
        Assert.Equal(SpotCheck.Draw.DrawHash.ReadAloudCode(Dice), confirmed["readAloudCode"]!.GetValue<string>());
        await JsonAsync(await supervisor.PostAsJsonAsync($"/api/v1/draws/{drawId}/reveal", new { secret = "wrong-secret-0000000" }), HttpStatusCode.BadRequest);
        await JsonAsync(await planner.PostAsJsonAsync($"/api/v1/draws/{drawId}/reveal", new { secret = organizerSecret }), HttpStatusCode.NoContent);
        await JsonAsync(await supervisor.PostAsJsonAsync($"/api/v1/draws/{drawId}/reveal", new { secret = supervisorSecret }), HttpStatusCode.NoContent);
        var run = await JsonAsync(await planner.PostAsync($"/api/v1/draws/{drawId}/run", null));
        Assert.Equal((2, 2), (run["selected"]!.GetValue<int>(), run["teams"]!.GetValue<int>()));

        Assert.Equal(HttpStatusCode.NotFound, (await host.Client().GetAsync($"/api/v1/public/draws/{drawId}/record")).StatusCode);
        await JsonAsync(await planner.PostAsync($"/api/v1/draws/{drawId}/publish", null), HttpStatusCode.NoContent);
        Assert.Contains(drawId, await host.Client().GetStringAsync("/api/v1/public/draws"));
        var record = await host.Client().GetStringAsync($"/api/v1/public/draws/{drawId}/record");
        await RecordIsStoredUntilTheDrawsLogGrowsAsync(host, drawId, record);
        var head = JsonNode.Parse(await host.Client().GetStringAsync("/api/v1/public/audit/head"))!;
        Assert.Equal(64, head["hash"]!.GetValue<string>().Length);

        var file = Path.Combine(host.Storage.DataDir, drawId + ".json");
        await File.WriteAllTextAsync(file, record);
        var ok = await SpotcheckAsync("draw", "verify", file);
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        Assert.StartsWith("OK", ok.Stdout);
        var tampered = JsonNode.Parse(record)!;
        tampered["publicRandomness"] = Dice + "9";
        await File.WriteAllTextAsync(file, tampered.ToJsonString());
        var bad = await SpotcheckAsync("draw", "verify", file);
        Assert.Equal(1, bad.ExitCode);
        Assert.NotEmpty(bad.Stderr);
    }

    /// <summary>The served record is a stored file keyed by the draw's last log entry; a new entry under the draw renews it.</summary>
    static async Task RecordIsStoredUntilTheDrawsLogGrowsAsync(TestHost host, string drawId, string record)
    {
        var url = $"/api/v1/public/draws/{drawId}/record";
        var first = await host.Client().GetAsync(url);
        Assert.Equal(record, await first.Content.ReadAsStringAsync());
        var etag = first.Headers.ETag!.Tag;
        var stored = Directory.GetFiles(Path.Combine(host.Storage.DataDir, "records", drawId));
        Assert.Equal(record, await File.ReadAllTextAsync(Assert.Single(stored)));
        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await host.Client().SendAsync(conditional)).StatusCode);

        await using (var scope = host.Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SpotCheck.Core.Audit.AuditLog>()
                .AppendAsync(new SpotCheck.Core.Audit.AuditEvent("TEST_NOTE", "test", new JsonObject { ["note"] = "the draw's log grew" }, drawId));
        var renewed = await host.Client().GetAsync(url);
        Assert.NotEqual(etag, renewed.Headers.ETag!.Tag);
        var log = JsonNode.Parse(await renewed.Content.ReadAsStringAsync())!["log"]!.AsArray();
        Assert.Equal("TEST_NOTE", log[^1]!["type"]!.GetValue<string>());
        Assert.Single(Directory.GetFiles(Path.Combine(host.Storage.DataDir, "records", drawId)));
    }

    [SkippableFact]
    public async Task Staff_pages_show_the_ceremony_and_an_officer_cannot_commit()
    {
        var host = fixture.RequireHost();
        var plannerApi = await ClientAsync(host, Roles.Planner);
        var (dept, itemId) = await DirectoryAsync(host);
        var year = host.Today.Year;
        var planId = (await JsonAsync(await plannerApi.PostAsJsonAsync("/api/v1/plans", new
        {
            year, name = "页面测试计划" + dept, itemIds = new[] { itemId }, departmentCodes = new[] { dept }, tags = "T" + dept[1..],
            ratioPpm = new Dictionary<string, long> { ["C"] = 1_000_000 }, teamSize = 2, windowDays = 0, endDate = $"{year}-12-31",
        })))["id"]!.GetValue<int>();
        await JsonAsync(await plannerApi.PostAsync($"/api/v1/plans/{planId}/publish", null), HttpStatusCode.NoContent);
        var drawId = (await JsonAsync(await plannerApi.PostAsJsonAsync($"/api/v1/plans/{planId}/draws", new { randomnessSource = "dice" })))["drawId"]!.GetValue<string>();

        var planner = await host.SignedInClientAsync(Roles.Planner);
        Assert.Contains("页面测试计划" + dept, await planner.GetStringAsync("/Staff/Plans"));
        Assert.Contains(drawId, await planner.GetStringAsync($"/Staff/Draws?planId={planId}"));
        var page = await planner.GetStringAsync($"/Staff/Draws/Details?drawId={drawId}");
        Assert.Contains("组织方（计划员）提交承诺", page);

        // An officer (linked to the directory or not) never sees an unpublished draw's selection, nor commits.
        var officer = await host.SignedInClientAsync(Roles.Officer);
        TestHost.AssertAccessDenied(await officer.GetAsync($"/Staff/Draws/Details?drawId={drawId}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ClientAsync(host, Roles.Officer)).GetAsync($"/api/v1/draws/{drawId}")).StatusCode);
        var token = await TestHost.AntiforgeryTokenAsync(officer, "/Staff/Plans");
        TestHost.AssertAccessDenied(await officer.PostAsync($"/Staff/Draws/Details?handler=Commit&drawId={drawId}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })));
        var reviewer = await host.SignedInClientAsync(Roles.Reviewer);
        TestHost.AssertAccessDenied(await reviewer.GetAsync($"/Staff/Draws/Details?drawId={drawId}"));
        var state = await JsonAsync(await plannerApi.GetAsync($"/api/v1/draws/{drawId}"));
        Assert.Null(state["commitments"]!["organizer"]);
        Assert.Null(state["commitments"]!["supervisor"]);
    }

    [SkippableFact]
    public async Task The_plan_form_saves_a_draft_and_shows_field_errors_in_chinese()
    {
        var host = fixture.RequireHost();
        var (dept, itemId) = await DirectoryAsync(host);
        var planner = await host.SignedInClientAsync(Roles.Planner);
        var year = host.Today.Year;
        Dictionary<string, string> Form(string token, string name, string teamSize) => new()
        {
            ["__RequestVerificationToken"] = token, ["Input.Year"] = year.ToString(CultureInfo.InvariantCulture), ["Input.Name"] = name,
            ["Input.ItemIds"] = itemId.ToString(CultureInfo.InvariantCulture), ["Input.DepartmentCodes"] = dept, ["Input.Statuses"] = "Active",
            ["Percent[B]"] = "2.5", ["Input.FlagPolicy"] = "Weighted", ["Input.SeriousViolationWeight"] = "5", ["Input.AbnormalListWeight"] = "3",
            ["Input.FlaggedRatioPpm"] = "0", ["Input.WindowDays"] = "365", ["Input.TeamSize"] = teamSize, ["Input.EndDate"] = $"{year}-12-31",
        };

        var bad = await planner.PostAsync("/Staff/Plans/Edit", new FormUrlEncodedContent(Form(await TestHost.AntiforgeryTokenAsync(planner, "/Staff/Plans/Edit"), "表单计划" + dept, "1")));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("每组检查人员不能少于2人", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        var good = await planner.PostAsync("/Staff/Plans/Edit", new FormUrlEncodedContent(Form(await TestHost.AntiforgeryTokenAsync(planner, "/Staff/Plans/Edit"), "表单计划" + dept, "2")));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);

        var plans = JsonNode.Parse(await (await ClientAsync(host, Roles.Planner)).GetStringAsync("/api/v1/plans?pageSize=100"))!["items"]!.AsArray();
        var saved = plans.Single(p => p!["name"]!.GetValue<string>() == "表单计划" + dept)!;
        Assert.Equal(("Draft", 25_000L), (saved["state"]!.GetValue<string>(), saved["ratioPpm"]!["B"]!.GetValue<long>()));
    }


    static Task<SpotcheckCli.Run> SpotcheckAsync(params string[] args) => SpotcheckCli.RunAsync(null, args);
}

public sealed class SqliteDrawsApiTests(SqliteFixedClockHostFixture f) : DrawsApiTests(f), IClassFixture<SqliteFixedClockHostFixture>;

public sealed class PostgresDrawsApiTests(PostgresFixedClockHostFixture f) : DrawsApiTests(f), IClassFixture<PostgresFixedClockHostFixture>;
