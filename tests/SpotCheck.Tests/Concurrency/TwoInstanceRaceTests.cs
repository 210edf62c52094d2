using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SpotCheck.Core.Demo;
using SpotCheck.Tests.Crash;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Concurrency;

/// <summary>
/// Two real host processes on one database behave as one system (SPEC §6, issue 9): each ceremony step sent to both at
/// the same moment happens once, a second freeze of the plan is refused, and an edit made on one version of an
/// enterprise is kept once; the exported chain verifies with exactly one entry per step taken.
/// </summary>
[Trait("Category", "Crash")]
public abstract class TwoInstanceRaceTests(DbProvider provider)
{
    const string Department = "RACE";

    [SkippableFact]
    public async Task Steps_sent_to_two_instances_at_once_happen_once()
    {
        await using var storage = await TestStorage.CreateOrSkipAsync(provider);
        var store = SpotcheckCli.StorageArgs(storage);
        var csv = Path.Combine(storage.DataDir, "race.csv");
        await File.WriteAllTextAsync(csv, EnterprisesCsv(), Encoding.UTF8);
        await SpotcheckCli.SucceedAsync(TestHost.Password, ["users", "add", "race-planner", "--role", "Planner", "--password-stdin", .. store]);
        await SpotcheckCli.SucceedAsync(TestHost.Password, ["users", "add", "race-supervisor", "--role", "Supervisor", "--password-stdin", .. store]);
        await SpotcheckCli.SucceedAsync(null, ["import", "enterprises", csv, .. store]);
        var plannerToken = await SpotcheckCli.SucceedAsync(null, ["users", "token", "race-planner", .. store]);
        var supervisorToken = await SpotcheckCli.SucceedAsync(null, ["users", "token", "race-supervisor", .. store]);
        await using var a = new CrashServer(storage);
        await using var b = new CrashServer(storage);
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        HttpClient Planner(CrashServer s) => s.Client(plannerToken);
        HttpClient Supervisor(CrashServer s) => s.Client(supervisorToken);

        var planId = await PlanAsync(Planner(a));

        var freezes = await BothAsync(() => Planner(a).PostAsJsonAsync($"/api/v1/plans/{planId}/draws", new { randomnessSource = "dice：现场掷骰" }),
            () => Planner(b).PostAsJsonAsync($"/api/v1/plans/{planId}/draws", new { randomnessSource = "dice：现场掷骰" }));
        var drawId = (await CrashCeremony.JsonAsync(OneWon(freezes)))["drawId"]!.GetValue<string>();
        var url = $"/api/v1/draws/{drawId}";

        var organizerCommits = await BothAsync(() => Planner(a).PostAsJsonAsync(url + "/commit", new { secret = "organizer-race-secret-aaaa" }),
            () => Planner(b).PostAsJsonAsync(url + "/commit", new { secret = "organizer-race-secret-bbbb" }));
        var organizerSecret = (await CrashCeremony.JsonAsync(OneWon(organizerCommits)))["secret"]!.GetValue<string>();
        var supervisorCommits = await BothAsync(() => Supervisor(a).PostAsJsonAsync(url + "/commit", new { secret = "supervisor-race-secret-aaaa" }),
            () => Supervisor(b).PostAsJsonAsync(url + "/commit", new { secret = "supervisor-race-secret-bbbb" }));
        var supervisorSecret = (await CrashCeremony.JsonAsync(OneWon(supervisorCommits)))["secret"]!.GetValue<string>();

        var randomness = await BothAsync(() => Planner(a).PostAsJsonAsync(url + "/public-randomness", new { value = CrashCeremony.Dice }),
            () => Supervisor(b).PostAsJsonAsync(url + "/public-randomness", new { value = CrashCeremony.Dice }));
        Assert.All(randomness, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var reveals = await Task.WhenAll(
            Planner(a).PostAsJsonAsync(url + "/reveal", new { secret = organizerSecret }),
            Planner(b).PostAsJsonAsync(url + "/reveal", new { secret = organizerSecret }),
            Supervisor(a).PostAsJsonAsync(url + "/reveal", new { secret = supervisorSecret }),
            Supervisor(b).PostAsJsonAsync(url + "/reveal", new { secret = supervisorSecret }));
        Assert.Equal(2, reveals.Count(r => r.StatusCode == HttpStatusCode.NoContent));
        Assert.Equal(2, reveals.Count(r => r.StatusCode == HttpStatusCode.Conflict));

        OneWon(await BothAsync(() => Planner(a).PostAsync(url + "/run", null), () => Planner(b).PostAsync(url + "/run", null)));
        OneWon(await BothAsync(() => Planner(a).PostAsync(url + "/publish", null), () => Planner(b).PostAsync(url + "/publish", null)), HttpStatusCode.NoContent);

        var enterprise = (await CrashCeremony.JsonAsync(await Planner(a).GetAsync("/api/v1/enterprises?pageSize=1")))["items"]![0]!;
        var id = enterprise["id"]!.GetValue<int>();
        var etag = (await Planner(a).GetAsync($"/api/v1/enterprises/{id}")).Headers.ETag!;
        HttpRequestMessage Edit(string phone)
        {
            var body = new
            {
                name = enterprise["name"]!.GetValue<string>(), uscc = enterprise["uscc"]!.GetValue<string>(), regionCode = "411721",
                address = "西平县", tags = "RACE", riskClass = "B", status = "存续", contactPhone = phone,
            };
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/enterprises/{id}") { Content = JsonContent.Create(body) };
            request.Headers.IfMatch.Add(etag);
            return request;
        }
        OneWon(await BothAsync(() => Planner(a).SendAsync(Edit("0396-A")), () => Planner(b).SendAsync(Edit("0396-B"))));

        var log = Path.Combine(storage.DataDir, "audit.jsonl");
        await File.WriteAllTextAsync(log, await SpotcheckCli.SucceedAsync(null, ["audit", "export", .. store]));
        Assert.StartsWith("OK ", await SpotcheckCli.SucceedAsync(null, ["audit", "verify", log]));
        var types = File.ReadLines(log).Select(l => JsonNode.Parse(l)!["type"]!.GetValue<string>()).ToList();
        Assert.Equal((1, 2, 1, 2, 1, 1, 1, 1), (types.Count(t => t == "INPUTS_FROZEN"), types.Count(t => t == "COMMIT"),
            types.Count(t => t == "PUBLIC_RANDOMNESS"), types.Count(t => t == "REVEAL"), types.Count(t => t == "DRAW_RESULT"),
            types.Count(t => t == "PUBLISHED"), types.Count(t => t == "ENTERPRISE_UPDATED"), types.Count(t => t == "PUBLIC_RANDOMNESS_FIRST_ENTRY")));
    }

    /// <summary>Both requests built first, then sent together.</summary>
    static async Task<HttpResponseMessage[]> BothAsync(Func<Task<HttpResponseMessage>> first, Func<Task<HttpResponseMessage>> second)
    {
        using var go = new ManualResetEventSlim();
        var sends = new[] { first, second }.Select(send => Task.Run(async () =>
        {
            go.Wait();
            return await send();
        })).ToArray();
        go.Set();
        return await Task.WhenAll(sends);
    }

    static HttpResponseMessage OneWon(HttpResponseMessage[] responses, HttpStatusCode success = HttpStatusCode.OK)
    {
        var codes = string.Join(", ", responses.Select(r => (int)r.StatusCode));
        Assert.True(responses.Count(r => r.StatusCode == success) == 1, $"expected one {success} and one 409, got {codes}");
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict) == 1, $"expected one {success} and one 409, got {codes}");
        return responses.Single(r => r.StatusCode == success);
    }

    static async Task<int> PlanAsync(HttpClient planner)
    {
        var department = (await CrashCeremony.JsonAsync(await planner.PostAsJsonAsync("/api/v1/departments", new { code = Department, name = "并发测试局" })))["id"]!.GetValue<int>();
        for (var i = 1; i <= 4; i++)
            await CrashCeremony.JsonAsync(await planner.PostAsJsonAsync("/api/v1/officers", new
            {
                code = $"RC-OFF-{i}", name = $"并发测试人员{i}", departmentId = department, certificateNo = $"RC-CERT-{i}",
                certificateValidTo = "2030-12-31", specialties = "综合执法", active = true, workloadCap = 100,
            }));
        var item = (await CrashCeremony.JsonAsync(await planner.PostAsJsonAsync("/api/v1/items", new
        {
            code = "RC-ITEM", name = "并发测试事项", enforcementBody = "并发测试局", legalBasis = "《测试条例》第一条", departmentId = department,
            targetType = "ENTERPRISE", content = "是否按规定备案", methods = "ONSITE", category = "GENERAL", ratioFrequencyNote = "5%",
            effectiveFrom = "2026-01-01",
        })))["id"]!.GetValue<int>();
        await CrashCeremony.JsonAsync(await planner.PostAsync($"/api/v1/items/{item}/publish", null), HttpStatusCode.NoContent);
        // The plan's year as the host sees it (Shanghai), so the test also passes on New Year's Eve evening in UTC.
        var year = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Year;
        var plan = (await CrashCeremony.JsonAsync(await planner.PostAsJsonAsync("/api/v1/plans", new
        {
            year, name = "并发测试计划", itemIds = new[] { item }, departmentCodes = new[] { Department }, tags = "RACE", teamSize = 2,
            windowDays = 0, endDate = $"{year}-12-31", ratioPpm = new Dictionary<string, long> { ["B"] = 200_000 },
        })))["id"]!.GetValue<int>();
        await CrashCeremony.JsonAsync(await planner.PostAsync($"/api/v1/plans/{plan}/publish", null), HttpStatusCode.NoContent);
        return plan;
    }

    static string EnterprisesCsv()
    {
        var csv = new StringBuilder("统一社会信用代码,名称,行政区划代码,地址,行业标签,信用风险分类,经营异常名录,严重违法失信,登记状态,联系人,联系电话\n");
        for (var i = 1; i <= 20; i++)
            csv.Append(DemoData.UsccFor(20_000 + i).Value).Append(",并发测试企业").Append(i).Append(",411721,西平县,RACE,B,否,否,存续,,\n");
        return csv.ToString();
    }
}

public sealed class SqliteTwoInstanceRaceTests() : TwoInstanceRaceTests(DbProvider.Sqlite);

public sealed class PostgresTwoInstanceRaceTests() : TwoInstanceRaceTests(DbProvider.Postgres);
