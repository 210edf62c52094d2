using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Data;
using SpotCheck.Core.Items;
using SpotCheck.Core.Plans;
using SpotCheck.Core.Publication;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Portal;

/// <summary>Every portal route over HTTP on the demo data (SPEC §5): what each page shows and how it answers bad input.</summary>
public sealed partial class PortalPagesTests(DemoHostFixture fixture) : IClassFixture<DemoHostFixture>
{
    TestHost Host => fixture.Host;

    Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query) => new PortalKit(Host).InScopeAsync((_, db) => query(db));

    async Task<string> PageAsync(string url)
    {
        var response = await Host.Client().GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return body;
    }

    [Fact]
    public async Task Home_is_the_portal_with_search_figures_latest_batches_and_tabs()
    {
        var (results, batches) = await QueryAsync(async db => (await db.PublishedResults.Select(r => r.TaskId).Distinct().CountAsync(),
            await db.PublicationBatches.OrderByDescending(b => b.PublishedAtUtc).Select(b => b.Number).FirstAsync()));

        var home = await PageAsync("/");

        Assert.Contains("查询企业抽查结果", home);
        Assert.Contains("action=\"/public/results\"", home);
        Assert.Contains($"<div class=\"stat\">{results}</div>条抽查结果", home);
        Assert.Contains($"/public/results/batches/{batches}", home);
        foreach (var tab in new[] { "/public/items", "/public/plans", "/public/draws", "/public/results", "/public/audit" })
            Assert.Contains($"href=\"{tab}\"", home);
        Assert.Contains("跳到主要内容", home);
        Assert.DoesNotContain("/Staff/Tasks", home);
    }

    [Fact]
    public async Task Item_list_shows_each_published_item_with_its_legal_basis()
    {
        var items = await QueryAsync(db => db.InspectionItems.Where(i => i.Status == ItemStatus.Published).ToListAsync());

        var page = WebUtility.HtmlDecode(await PageAsync("/public/items"));

        Assert.NotEmpty(items);
        foreach (var i in items)
        {
            Assert.Contains($"id=\"item-{i.Code}\"", page);
            Assert.Contains(i.LegalBasis, page);
        }
        Assert.Contains("aria-current=\"page\">事项清单", page);
    }

    [Fact]
    public async Task Plan_list_shows_every_published_plan_and_no_draft()
    {
        var plans = await QueryAsync(db => db.Plans.ToListAsync());

        var page = WebUtility.HtmlDecode(await PageAsync("/public/plans"));

        Assert.Contains(plans, p => p.State != PlanState.Draft);
        foreach (var p in plans.Where(p => p.State != PlanState.Draft)) Assert.Contains(p.Name, page);
        foreach (var p in plans.Where(p => p.State == PlanState.Draft)) Assert.DoesNotContain(p.Name, page);
    }

    [Fact]
    public async Task Draw_list_and_draw_page_show_inputs_selection_record_and_verify_link()
    {
        var draw = await QueryAsync(db => db.DrawSessions.IgnoreAutoIncludes().Where(d => d.PublishedAtUtc != null).OrderBy(d => d.Id).FirstAsync());
        var first = await QueryAsync(db => db.DrawSelections.Where(s => s.DrawId == draw.DrawId).OrderBy(s => s.Rank)
            .Join(db.Enterprises, s => s.EnterpriseId, e => e.Id, (s, e) => new { s.Uscc, e.Name }).FirstAsync());

        var list = await PageAsync("/public/draws");
        var page = WebUtility.HtmlDecode(await PageAsync($"/public/draws/{draw.DrawId}"));
        var missing = await Host.Client().GetAsync("/public/draws/no-such-draw");

        Assert.Contains($"/public/draws/{draw.DrawId}", list);
        Assert.Contains($"/api/v1/public/draws/{draw.DrawId}/record", list);
        Assert.Contains(draw.Seed!, page);
        Assert.Contains(draw.PublicRandomness!, page);
        Assert.Contains(draw.InputsHash, page);
        Assert.Contains(first.Name, page);
        Assert.Contains(first.Uscc, page);
        Assert.Contains($"/public/draws/{draw.DrawId}/verify", page);
        Assert.Contains($"/api/v1/public/draws/{draw.DrawId}/record", page);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Results_are_found_by_uscc_by_part_of_the_name_and_by_filters()
    {
        var target = await QueryAsync(db => db.PublishedResults.OrderBy(r => r.Id).FirstAsync());
        var other = await QueryAsync(db => db.PublishedResults.Where(r => r.Uscc != target.Uscc).OrderBy(r => r.Id).FirstAsync());
        var part = target.EnterpriseName.Substring(3, 4);

        var byCode = WebUtility.HtmlDecode(await PageAsync("/public/results?q=" + target.Uscc));
        var byLowerCode = WebUtility.HtmlDecode(await PageAsync("/public/results?q=" + target.Uscc.ToLowerInvariant()));
        var byName = WebUtility.HtmlDecode(await PageAsync("/public/results?q=" + Uri.EscapeDataString(part)));
        var byYear = WebUtility.HtmlDecode(await PageAsync($"/public/results?year={target.Year}"));
        var otherYear = await PageAsync($"/public/results?year={target.Year - 5}");

        Assert.Contains($"/public/enterprises/{target.Uscc}", byCode);
        Assert.DoesNotContain(other.Uscc, byCode);
        Assert.Contains($"/public/enterprises/{target.Uscc}", byLowerCode);
        Assert.Contains(target.EnterpriseName, byName);
        Assert.Contains(target.EnterpriseName, byYear);
        Assert.Contains("没有符合条件的已公示抽查结果", otherYear);
        Assert.Contains("/api/v1/public/results/export?year=" + target.Year, byYear.Replace("&amp;", "&"));
    }

    [Fact]
    public async Task Results_page_by_number_and_by_cursor_and_answer_bad_input_without_a_5xx()
    {
        var total = await QueryAsync(db => db.PublishedResults.Select(r => r.TaskId).Distinct().CountAsync());
        var fifth = await QueryAsync(db => PublicResults.Current(db).OrderByDescending(r => r.PublishedAtUtc).ThenByDescending(r => r.Id).Skip(4).FirstAsync());

        var first = await PageAsync("/public/results");
        var second = await PageAsync("/public/results?page=2");
        var byCursor = await PageAsync("/public/results?page=2&after=" + PageCursor.Of(fifth));
        var deep = await Host.Client().GetAsync("/public/results?page=999999");
        var junk = await PageAsync("/public/results?year=abc&result=NOPE&after=x-y&page=-4");

        Assert.InRange(total, 6, 20);
        Assert.Equal(total, Enterprises(first).Count);
        Assert.Contains($"共 {total} 条", first);
        Assert.Empty(Enterprises(second));
        Assert.Equal(Enterprises(first).Skip(5), Enterprises(byCursor));
        Assert.Equal(HttpStatusCode.OK, deep.StatusCode);
        Assert.Contains("年度应为 2000–2100 之间的年份", junk);
        Assert.Equal(total, Enterprises(junk).Count);
    }

    [Fact]
    public async Task A_batch_prints_as_its_notice_with_the_audit_head_it_carries()
    {
        var batch = await QueryAsync(db => db.PublicationBatches.Include(b => b.Results).OrderBy(b => b.Id).FirstAsync());

        var page = WebUtility.HtmlDecode(await PageAsync($"/public/results/batches/{batch.Number}"));
        var missing = await Host.Client().GetAsync("/public/results/batches/1999-001");

        Assert.Contains("抽查结果公告", page);
        Assert.Contains($"<span id=\"batch-number\">{batch.Number}</span>", page);
        Assert.Contains(batch.HeadHash, page);
        Assert.Contains($"<span id=\"batch-head-seq\">{batch.HeadSeq}</span>", page);
        foreach (var r in batch.Results) Assert.Contains(r.EnterpriseName, page);
        Assert.Contains("/css/portal.css", page);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_large_batch_is_shown_page_by_page_and_whole_for_printing()
    {
        var batch = await QueryAsync(db => db.PublicationBatches.Include(b => b.Results).Where(b => b.ResultCount >= 3)
            .OrderByDescending(b => b.ResultCount).FirstAsync());
        var names = batch.Results.OrderBy(r => r.Id).Select(r => r.EnterpriseName).ToList();
        var url = $"/public/results/batches/{batch.Number}";

        var first = WebUtility.HtmlDecode(await PageAsync(url + "?size=2"));
        var second = WebUtility.HtmlDecode(await PageAsync(url + "?size=2&page=2"));
        var beyond = WebUtility.HtmlDecode(await PageAsync(url + "?size=2&page=99999"));
        var whole = WebUtility.HtmlDecode(await PageAsync(url + "?size=2&all=true"));

        Assert.Contains(names[0], first);
        Assert.DoesNotContain(names[2], first);
        Assert.Contains($"共 {batch.ResultCount} 条，每页 2 条", first);
        Assert.Contains($"{url}?page=2&size=2", first);
        Assert.Contains("<td data-label=\"序号\">3</td>", second);
        Assert.Contains(names[2], second);
        Assert.DoesNotContain(names[0], second);
        Assert.Contains(names[^1], beyond);
        foreach (var name in names) Assert.Contains(name, whole);
        Assert.DoesNotContain("id=\"batch-paging\"", whole);
        Assert.Contains(batch.HeadHash, whole);
    }

    [Fact]
    public async Task An_enterprise_page_lists_all_its_published_results()
    {
        var uscc = await QueryAsync(db => db.PublishedResults.GroupBy(r => r.Uscc).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync());
        var tasks = await QueryAsync(db => db.PublishedResults.Where(r => r.Uscc == uscc).Select(r => r.TaskId).Distinct().ToListAsync());

        var page = await PageAsync($"/public/enterprises/{uscc}");
        var missing = await Host.Client().GetAsync("/public/enterprises/91410000MA0000000X");

        foreach (var t in tasks) Assert.Contains($"id=\"task-{t}\"", page);
        Assert.Contains($"已公示抽查结果 {tasks.Count} 条", page);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Audit_page_shows_the_current_head_and_how_to_check_it()
    {
        var page = await PageAsync("/public/audit");
        var head = JsonNode.Parse(await Host.Client().GetStringAsync("/api/v1/public/audit/head"))!;

        Assert.Contains($"<p class=\"mb-0 hash\" id=\"head-hash\">{head["hash"]!.GetValue<string>()}</p>", page);
        Assert.Contains("spotcheck audit verify", page);
        Assert.Contains("spotcheck draw verify", page);
    }

    [Fact]
    public async Task Public_pages_revalidate_by_entity_tag()
    {
        var client = Host.Client();
        var first = await client.GetAsync("/public/results");
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/public/results");
        again.Headers.IfNoneMatch.Add(tag);
        var second = await client.SendAsync(again);
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/public/results");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\"", true));
        var third = await client.SendAsync(stale);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/public/items")]
    [InlineData("/public/plans")]
    [InlineData("/public/draws")]
    [InlineData("/public/results")]
    [InlineData("/public/audit")]
    public async Task Portal_pages_have_no_inline_script_or_style(string url)
    {
        var page = await PageAsync(url);

        Assert.DoesNotMatch(InlineScript(), page);
        Assert.DoesNotMatch(InlineHandler(), page);
        Assert.DoesNotContain(" style=\"", page);
        Assert.DoesNotContain("<style", page);
        Assert.Contains("<html lang=\"zh-CN\">", page);
        Assert.Contains("name=\"viewport\"", page);
    }

    static List<string> Enterprises(string page) => [.. EnterpriseLink().Matches(page).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<td[^>]*><a href=\"/public/enterprises/([0-9A-Z]+)[^\"]*\"")]
    private static partial Regex EnterpriseLink();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\son[a-z]+=\"", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();
}
