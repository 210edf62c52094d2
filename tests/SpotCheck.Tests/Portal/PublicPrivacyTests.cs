using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Credit;
using SpotCheck.Core.Officers;
using SpotCheck.Core.Plans;
using SpotCheck.Core.Tasks;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Portal;

/// <summary>
/// SPEC §5 privacy rule, proven for every public route rather than a sample: every page under /public, the home page and
/// every /api/v1/public endpoint, taken from the app's endpoint data source, is requested with every route value and a
/// set of queries (and every link the pages lead to is followed); no response may contain any private value stored in
/// the database: contact data, officer names and certificates, evidence, conflict declarations, findings, remarks,
/// objections, task bases, draft plans, or the name of an enterprise nothing public concerns.
/// </summary>
public sealed partial class PublicPrivacyTests : IAsyncLifetime
{
    TestHost _host = null!;
    PortalKit _kit = null!;
    string _unpublishedUscc = "";

    public async Task InitializeAsync()
    {
        _host = (await TestHost.StartAsync(DbProvider.Sqlite, demo: true))!;
        _kit = new PortalKit(_host);
        var published = await _kit.EnterpriseAsync("西平县隐私测试公示企业有限公司", 501, "隐私联络人甲", "13900001111", "隐私法人乙", "西平县隐私路一号");
        var unpublished = await _kit.EnterpriseAsync("西平县隐私测试未公示企业有限公司", 502, "隐私联络人丙", "13900002222", "隐私法人丁", "西平县隐私路二号");
        _unpublishedUscc = unpublished.Uscc;
        var first = await _kit.OfficerAsync("PRIV-OFF-1", "隐私检查员戊", "豫PRIV-CERT-0001");
        var second = await _kit.OfficerAsync("PRIV-OFF-2", "隐私检查员己", "豫PRIV-CERT-0002");
        var third = await _kit.OfficerAsync("PRIV-OFF-3", "隐私检查员辛", "豫PRIV-CERT-0003");
        await _kit.InScopeAsync(async (sp, db) =>
        {
            var declared = await sp.GetRequiredService<DeclareConflict.Handler>()
                .HandleAsync(new(first.Id, unpublished.Id, ConflictKind.Relative, "隐私回避说明：配偶在该企业任职"), "planner");
            Assert.True(declared.IsSuccess, declared.Error?.Message);
            var items = await db.InspectionItems.Where(i => i.Status == Core.Items.ItemStatus.Published).Select(i => i.Id).ToListAsync();
            var departments = await db.Departments.Select(d => d.Code).Take(1).ToListAsync();
            var plan = await sp.GetRequiredService<SavePlan.Handler>().HandleAsync(new SavePlan.Command
            {
                Year = 2027, Name = "隐私草稿计划名称", ItemIds = items, DepartmentCodes = departments,
                RatioPpm = new() { ["A"] = 10_000, ["B"] = 10_000, ["C"] = 10_000, ["D"] = 10_000 }, EndDate = new DateOnly(2027, 12, 31),
            }, "planner");
            Assert.True(plan.IsSuccess, plan.Error?.Message);
            return 0;
        });
        var shown = await _kit.ApprovedAsync(published.Id, first, second, new PortalKit.Inspection(
            _kit.Record(3, "隐私检查地点：厂区东门", "隐私检查发现：仓库台账缺页", "隐私核查备注：负责人外出"), "隐私证据文件.pdf", PortalKit.Pdf("隐私证据内容")),
            "隐私举报编号 JB-PRIV-7");
        await _kit.PublishAsync(shown);
        await _kit.ApprovedAsync(unpublished.Id, second, third, new PortalKit.Inspection(
            _kit.Record(2, "隐私检查地点：未公示企业", "隐私检查发现：未公示的记录", "隐私核查备注：未公示"), "隐私证据未公示.pdf", PortalKit.Pdf("未公示证据")),
            "隐私举报编号 JB-PRIV-8");
        await _kit.InScopeAsync(async (sp, _) =>
        {
            var objection = await sp.GetRequiredService<RecordObjection.Handler>().HandleAsync(shown, new RecordObjection.Command
            {
                ReceivedOn = _kit.Today, SubmittedBy = "隐私异议人庚", Content = "隐私异议陈述：检查当日负责人不在场",
            }, PortalKit.Reviewer);
            Assert.True(objection.IsSuccess, objection.Error?.Message);
            return 0;
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task No_public_route_answers_with_any_private_value()
    {
        var secrets = await PrivateValuesAsync();
        Assert.Contains("隐私检查员戊", secrets.Keys);
        Assert.Contains("西平县隐私测试未公示企业有限公司", secrets.Keys);
        Assert.True(secrets.Count > 500, $"only {secrets.Count} private values: the demo data should give hundreds");
        var routes = PublicRoutes();
        Assert.Contains("public/results", routes);
        Assert.Contains("api/v1/public/results/export", routes);
        Assert.Contains("public/draws/{drawId}/verify", routes);
        Assert.DoesNotContain("api/v1/publications", routes);

        var client = _host.Client();
        var visited = new Dictionary<string, HttpStatusCode>(StringComparer.Ordinal);
        var leaks = new List<string>();
        var queue = new Queue<string>();
        var (values, queries) = await RouteValuesAsync();
        foreach (var route in routes)
            foreach (var url in Expand(route, values))
                foreach (var query in queries)
                    queue.Enqueue(url + query);

        while (queue.TryDequeue(out var url) && visited.Count < 5000)
        {
            if (visited.ContainsKey(url)) continue;
            var response = await client.GetAsync(url);
            visited[url] = response.StatusCode;
            Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            leaks.AddRange(secrets.Where(s => body.Contains(s.Key, StringComparison.Ordinal)).Select(s => $"{url}: {s.Value} “{s.Key}”"));
            foreach (var link in Links(body).Where(l => !visited.ContainsKey(l))) queue.Enqueue(link);
        }

        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Distinct().Take(50)));
        foreach (var route in routes)
            Assert.True(visited.Any(v => v.Value == HttpStatusCode.OK && Matches(route, v.Key)), $"route {route} was never answered with 200");
        Assert.True(visited.Count > 200, $"only {visited.Count} requests");
    }

    [Fact]
    public async Task An_unpublished_result_and_its_enterprise_do_not_exist_for_the_public()
    {
        var client = _host.Client();

        var page = await client.GetAsync($"/public/enterprises/{_unpublishedUscc}");
        var api = JsonNode.Parse(await client.GetStringAsync($"/api/v1/public/results?q={_unpublishedUscc}"))!;
        var search = await client.GetStringAsync("/public/results?q=" + Uri.EscapeDataString("西平县隐私测试未公示企业"));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(0, api["total"]!.GetValue<int>());
        Assert.Contains("没有符合条件的已公示抽查结果", search);
        Assert.Contains("西平县隐私测试公示企业有限公司", await client.GetStringAsync("/public/results?q=" + Uri.EscapeDataString("隐私测试公示企业")));
    }

    /// <summary>Every value the public must never see, with what it is.</summary>
    async Task<Dictionary<string, string>> PrivateValuesAsync() => await _kit.InScopeAsync(async (_, db) =>
    {
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string what, IEnumerable<string?> values)
        {
            foreach (var v in values)
                if (v?.Trim() is { Length: >= 2 } s) secrets.TryAdd(s, what);
        }
        var officers = await db.Officers.AsNoTracking().ToListAsync();
        Add("officer name", officers.Select(o => o.Name));
        Add("officer certificate", officers.Select(o => o.CertificateNo));
        var enterprises = await db.Enterprises.AsNoTracking().ToListAsync();
        Add("contact name", enterprises.Select(e => e.ContactName));
        Add("contact phone", enterprises.Select(e => e.ContactPhone));
        Add("legal representative", enterprises.Select(e => e.LegalRepresentative));
        Add("address", enterprises.Select(e => e.Address));
        // A name is public once a published result or a published draw's selection names it. USCCs of a draw's frame are
        // public by draw-spec (population.tsv of the record); a USCC in no published draw is not.
        var named = (await db.PublishedResults.Select(r => r.EnterpriseId).ToListAsync())
            .Concat(await db.DrawSelections.Where(s => db.DrawSessions.Any(d => d.DrawId == s.DrawId && d.PublishedAtUtc != null))
                .Select(s => s.EnterpriseId).ToListAsync()).ToHashSet();
        Add("name of an enterprise nothing public concerns", enterprises.Where(e => !named.Contains(e.Id)).Select(e => e.Name));
        Add("USCC of an enterprise in no published draw or result", [_unpublishedUscc]);
        var records = await db.InspectionRecords.AsNoTracking().ToListAsync();
        Add("inspection place", records.Select(r => r.Place));
        Add("findings", records.Select(r => r.Findings));
        Add("result remark", records.Select(r => r.ResultOtherText));
        Add("follow-up remark", records.Select(r => r.FollowUpOtherText));
        Add("return reason", records.Select(r => r.ReturnReason));
        Add("checklist note", records.SelectMany(r => JsonNode.Parse(r.ChecklistJson)!.AsArray().Select(l => l?["Note"]?.GetValue<string>() ?? l?["note"]?.GetValue<string>())));
        Add("task basis", await db.InspectionTasks.Select(t => t.Basis).ToListAsync());
        Add("frame error reason", await db.InspectionTasks.Select(t => t.FrameErrorReason).ToListAsync());
        Add("withdrawal reason", await db.TaskMembers.Select(m => m.WithdrawnReason).ToListAsync());
        var evidence = await db.EvidenceFiles.AsNoTracking().ToListAsync();
        Add("evidence file name", evidence.Select(e => e.FileName));
        Add("evidence hash", evidence.Select(e => e.Sha256));
        Add("evidence GPS", evidence.Select(e => e.ExifGps));
        Add("conflict declaration", await db.OfficerConflicts.Select(c => c.Note).ToListAsync());
        Add("objection", await db.Objections.Select(o => o.Content).ToListAsync());
        Add("objector", await db.Objections.Select(o => o.SubmittedBy).ToListAsync());
        Add("follow-up note", await db.FollowUpActions.Select(f => f.Note).ToListAsync());
        Add("follow-up closing note", await db.FollowUpActions.Select(f => f.ClosingNote).ToListAsync());
        Add("draft plan", await db.Plans.Where(p => p.State == PlanState.Draft).Select(p => p.Name).ToListAsync());
        return secrets;
    });

    /// <summary>Route patterns of the home page, every page under /public and every /api/v1/public endpoint.</summary>
    List<string> PublicRoutes() => [.. _host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Select(e => (e.RoutePattern.RawText ?? "").Trim('/'))
        .Where(p => p.Length == 0 || (p + "/").StartsWith("public/", StringComparison.OrdinalIgnoreCase)
            || p.StartsWith("api/v1/public/", StringComparison.OrdinalIgnoreCase))
        .Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Every value each route parameter can take on this data, and the queries tried on every route.</summary>
    async Task<(Dictionary<string, List<string>> Values, List<string> Queries)> RouteValuesAsync() => await _kit.InScopeAsync(async (_, db) =>
    {
        var drawIds = await db.DrawSessions.Where(d => d.PublishedAtUtc != null).Select(d => d.DrawId).ToListAsync();
        var usccs = await db.PublishedResults.Select(r => r.Uscc).Distinct().ToListAsync();
        var batches = await db.PublicationBatches.Select(b => b.Number).ToListAsync();
        var years = await db.PublishedResults.Select(r => r.Year).Distinct().ToListAsync();
        var items = await db.PublishedResultItems.Select(i => i.ItemCode).Distinct().ToListAsync();
        var departments = await db.PublishedResultDepartments.Select(d => d.DepartmentCode).Distinct().ToListAsync();
        var names = await db.PublishedResults.Select(r => r.EnterpriseName).Distinct().Take(5).ToListAsync();
        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["drawId"] = drawIds, ["uscc"] = [.. usccs, _unpublishedUscc], ["number"] = [.. batches, "1999-001"],
        };
        List<string> queries = ["", "?page=2", "?pageSize=100", "?q=" + Uri.EscapeDataString(usccs[0]), "?q=示例", "?result=NO_PROBLEM"];
        queries.AddRange(names.Select(n => "?q=" + Uri.EscapeDataString(n[^6..])));
        queries.AddRange(years.SelectMany(y => new[] { $"?year={y}", $"?year={y}&format=csv", $"?year={y}&format=json" }));
        queries.AddRange(items.Select(i => "?item=" + Uri.EscapeDataString(i)));
        queries.AddRange(departments.Select(d => "?department=" + Uri.EscapeDataString(d)));
        return (values, queries);
    });

    static IEnumerable<string> Expand(string route, Dictionary<string, List<string>> values)
    {
        IEnumerable<string> urls = [""];
        foreach (var segment in route.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var parameter = RouteParameter().Match(segment);
            if (!parameter.Success)
            {
                urls = urls.Select(u => u + "/" + segment).ToList();
                continue;
            }
            var name = parameter.Groups[1].Value;
            Assert.True(values.ContainsKey(name), $"route {route}: no values known for parameter {{{name}}}; add them to this test");
            urls = urls.SelectMany(u => values[name].Select(v => u + "/" + Uri.EscapeDataString(v))).ToList();
        }
        return urls.Select(u => u.Length == 0 ? "/" : u);
    }

    static bool Matches(string route, string url)
    {
        var pattern = route.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var path = url.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return pattern.Length == path.Length
            && pattern.Zip(path).All(p => RouteParameter().IsMatch(p.First) || string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Same-site links into the public part (not static files), as the browser would request them.</summary>
    static IEnumerable<string> Links(string body) => Href().Matches(body).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Split('#')[0])
        .Where(l => l == "/" || l.StartsWith("/public", StringComparison.Ordinal) || l.StartsWith("/api/v1/public", StringComparison.Ordinal));

    [GeneratedRegex("^\\{([A-Za-z]+)(?::[^}]*)?\\}$")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
