using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Tasks;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Clerk;

/// <summary>Issue 11 on the demo bureau: names instead of codes, Chinese labels, guided ceremony, forms and home pages.</summary>
public sealed class ClerkPagesTests(DemoHostFixture fixture) : IClassFixture<DemoHostFixture>
{
    TestHost Host => fixture.Host;

    async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [SkippableFact]
    public async Task The_draw_result_reads_enterprise_names_strata_and_officer_names_aloud()
    {
        var draw = await QueryAsync(db => db.DrawSessions.AsNoTracking().IgnoreAutoIncludes()
            .Where(d => d.PublishedAtUtc != null).OrderBy(d => d.Id).FirstAsync());
        var selection = await QueryAsync(db => db.DrawSelections.AsNoTracking().Where(s => s.DrawId == draw.DrawId && s.Team.Length > 0).OrderBy(s => s.Rank).FirstAsync());
        var name = await QueryAsync(db => db.Enterprises.Where(e => e.Id == selection.EnterpriseId).Select(e => e.Name).SingleAsync());
        var leaderCode = selection.Team[0];
        var leader = await QueryAsync(db => db.Officers.Where(o => o.Code == leaderCode).Select(o => o.Name).SingleAsync());

        var planner = await Host.SignedInClientAsync(Roles.Planner);
        var html = await planner.GetStringAsync($"/Staff/Draws/Details?drawId={Uri.EscapeDataString(draw.DrawId)}");

        Assert.Contains(name, html);
        Assert.Contains($"{leader}（{leaderCode}）", html);
        Assert.Contains(StratumLabels.Of(selection.Stratum), html);
        Assert.DoesNotContain(">FLAGGED<", html);
        Assert.Contains("已公示", html);
        Assert.Contains("输入清单哈希", html);
        Assert.Contains("id=\"next-step\"", html);
    }

    [Fact]
    public void Strata_are_named_as_read_aloud()
    {
        Assert.Equal("重点监管对象", StratumLabels.Of("FLAGGED"));
        Assert.Equal("A类（信用风险低）", StratumLabels.Of("A"));
        Assert.Equal("D类（信用风险高）", StratumLabels.Of("D"));
        Assert.Equal("OTHER", StratumLabels.Of("OTHER"));
    }

    [Fact]
    public void Dice_digits_alone_stand_for_dice_when_dice_alone_was_declared()
    {
        Assert.Equal("dice:12345678901234567890", PublicRandomnessFormat.Complete("12345678901234567890", "dice：两名人员现场掷骰"));
        Assert.Equal("12345678901234567890", PublicRandomnessFormat.Complete("12345678901234567890", "drand+dice：联合"));
        Assert.Equal("dice:123", PublicRandomnessFormat.Complete("dice:123", "dice：现场掷骰"));
    }

    [SkippableFact]
    public async Task The_audit_page_names_each_entry_type_in_chinese_and_keeps_the_json_behind_a_toggle()
    {
        var supervisor = await Host.SignedInClientAsync(Roles.Supervisor);
        var html = await supervisor.GetStringAsync("/Audit");
        Assert.Contains("<details>", html);
        Assert.Contains("查看内容", html);
        var filtered = await supervisor.GetStringAsync("/Audit?type=INPUTS_FROZEN");
        Assert.Contains("冻结抽取名录", filtered);
        Assert.Contains("<option value=\"INPUTS_FROZEN\" selected=\"selected\">", filtered);
    }

    [SkippableFact]
    public async Task The_complaint_form_finds_an_enterprise_by_any_part_of_its_name_or_by_uscc_and_defaults_the_due_date()
    {
        var (id, name, uscc) = await QueryAsync(db => db.Enterprises.AsNoTracking().OrderBy(e => e.Id).Skip(7)
            .Select(e => new ValueTuple<int, string, string>(e.Id, e.Name, e.Uscc)).FirstAsync());
        var planner = await Host.SignedInClientAsync(Roles.Planner);

        var form = await planner.GetStringAsync("/Staff/Tasks/Create");
        var due = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai")).AddDays(30);
        Assert.Contains($"value=\"{due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\"", form);
        Assert.DoesNotContain("0001-01-01", form);
        Assert.DoesNotContain("检查对象编号", form);

        var middle = name.Substring(2, 3);
        var byName = await planner.GetStringAsync($"/Staff/Tasks/Create?handler=Enterprises&enterpriseQuery={Uri.EscapeDataString(middle)}");
        Assert.Contains($"value=\"{id}\"", byName);
        var byUscc = await planner.GetStringAsync($"/Staff/Tasks/Create?handler=Enterprises&enterpriseQuery={uscc}");
        Assert.Contains($"value=\"{id}\"", byUscc);
        Assert.Contains(name, byUscc);

        var unknown = await PostCreateAsync(planner, ("EnterpriseQuery", "不存在的企业名称XYZ"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("未找到检查对象", await unknown.Content.ReadAsStringAsync());

        var created = await PostCreateAsync(planner, ("EnterpriseQuery", uscc));
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, ErrorsOf(await created.Content.ReadAsStringAsync()));
        var taskId = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        Assert.Equal(id, await QueryAsync(db => db.InspectionTasks.Where(t => t.Id == taskId).Select(t => t.EnterpriseId).SingleAsync()));
    }

    static string ErrorsOf(string html) =>
        string.Join(" | ", System.Text.RegularExpressions.Regex.Matches(html, "(?s)class=\"(?:text-danger|alert alert-danger)[^\"]*\"[^>]*>(.*?)</").Select(m => m.Groups[1].Value.Trim()).Where(t => t.Length > 0));

    async Task<HttpResponseMessage> PostCreateAsync(HttpClient planner, params (string Key, string Value)[] fields)
    {
        var item = await QueryAsync(db => db.InspectionItems.Where(i => i.Status == Core.Items.ItemStatus.Published).Select(i => i.Id).FirstAsync());
        var officers = await QueryAsync(db => db.Officers.Where(o => o.Active).OrderBy(o => o.Id).Select(o => o.Id).Take(2).ToListAsync());
        var token = await TestHost.AntiforgeryTokenAsync(planner, "/Staff/Tasks/Create");
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return await planner.PostAsync("/Staff/Tasks/Create", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Input.Source", "COMPLAINT"), new("Input.DueDate", due), new("Input.Basis", "举报 2026-001"),
            new("Input.ItemIds", item.ToString(CultureInfo.InvariantCulture)),
            new("Input.OfficerIds", officers[0].ToString(CultureInfo.InvariantCulture)), new("Input.OfficerIds", officers[1].ToString(CultureInfo.InvariantCulture)),
            .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)),
        ]));
    }

    [SkippableFact]
    public async Task Each_role_home_page_shows_its_own_work()
    {
        var officerId = await QueryAsync(db => db.TaskMembers.Where(m => m.IsActive).OrderBy(m => m.OfficerId).Select(m => m.OfficerId).FirstAsync());
        var officer = await Host.SignedInOfficerAsync(officerId);
        var officerHome = await officer.GetStringAsync("/Staff");
        Assert.Contains("id=\"my-tasks\"", officerHome);
        Assert.Contains("/Staff/Tasks/Details/", officerHome);
        Assert.DoesNotContain("id=\"review-work\"", officerHome);
        Assert.DoesNotContain("/Staff/Reviews", officerHome);

        var reviewerHome = await (await Host.SignedInClientAsync(Roles.Reviewer)).GetStringAsync("/Staff");
        Assert.Contains("id=\"review-work\"", reviewerHome);
        Assert.Contains("id=\"reviewer-work\"", reviewerHome);
        Assert.DoesNotContain("id=\"my-tasks\"", reviewerHome);

        var plannerHome = await (await Host.SignedInClientAsync(Roles.Planner)).GetStringAsync("/Staff");
        Assert.Contains("id=\"ceremony-work\"", plannerHome);
        Assert.DoesNotContain("id=\"review-work\"", plannerHome);
        var undrawn = await QueryAsync(db => db.Plans.Where(p => p.State == SpotCheck.Core.Plans.PlanState.Published
            && !db.DrawSessions.Any(d => d.PlanId == p.Id)).Select(p => p.Name).ToListAsync());
        Assert.NotEmpty(undrawn); // the demo's 2026 plan, published and waiting for its ceremony
        Assert.Contains("id=\"plans-to-draw\"", plannerHome);
        Assert.All(undrawn, name => Assert.Contains(name, plannerHome));

        var supervisorHome = await (await Host.SignedInClientAsync(Roles.Supervisor)).GetStringAsync("/Staff");
        Assert.Contains("id=\"ceremony-work\"", supervisorHome);
    }

    [SkippableFact]
    public async Task Risk_tags_show_in_words_on_the_directory()
    {
        var planner = await Host.SignedInClientAsync(Roles.Planner);
        var html = await planner.GetStringAsync("/Staff/Enterprises?tag=BLACKLIST");
        Assert.Contains("严重失信主体名单", html);
        Assert.DoesNotContain(">BLACKLIST<", html);
    }
}
