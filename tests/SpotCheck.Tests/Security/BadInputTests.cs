using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Tasks;
using SpotCheck.Hosting;
using SpotCheck.Tests.TestSupport;
using Xunit.Abstractions;

namespace SpotCheck.Tests.Security;

/// <summary>
/// No 5xx on bad input: every API body of the OpenAPI document fuzzed property by property, null lists and wrong
/// types named in a 400, damaged images refused in zh-CN, a tampered evidence file a 409. Runs on the demo data so
/// that ids in paths exist and the bodies reach the use cases.
/// </summary>
public sealed class BadInputTests(DemoHostFixture fixture, ITestOutputHelper output) : IClassFixture<DemoHostFixture>
{
    TestHost Host => fixture.Host;

    static readonly string[] RoleOrder = [Roles.Planner, Roles.Officer, Roles.Reviewer, Roles.Supervisor, Roles.Admin];

    /// <summary>What each property is set to, one at a time: nothing a client should send.</summary>
    static readonly string[] BadValues =
    [
        "null", "\"\"", "[]", "{}", "[null]", "{\"x\":null}", "12345", "-1", "1e400", "true", "\"x\"", "\"2026-13-45\"",
        "\"" + new string('长', 100_000) + "\"", "[" + string.Join(",", Enumerable.Repeat("\"a\"", 10_000)) + "]", "99999999999999999999",
    ];

    static readonly string[] BadBodies = ["", "null", "[]", "\"x\"", "{", "{\"a\":", "12"];

    [Fact]
    public async Task Every_api_body_property_set_to_nonsense_never_gives_a_server_error()
    {
        var clients = await ClientsAsync();
        var ids = await SampleIdsAsync();
        var doc = JsonNode.Parse(await Host.Client().GetStringAsync("/openapi/v1.json"))!;
        var schemas = doc["components"]!["schemas"]!.AsObject();
        var failures = new List<string>();
        var sent = 0;
        foreach (var (path, item) in doc["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            if (operation!["requestBody"]?["content"]?["application/json"]?["schema"] is not { } schema) continue;
            var url = FillPath(path, ids);
            var client = await PickClientAsync(clients, method, url);
            if (client is null) continue;
            var properties = Resolve(schema, schemas)?["properties"]?.AsObject() ?? [];
            // Each property spoiled in turn inside an otherwise plausible body, so that the bad value gets past the
            // first validation into the use case; then the same alone.
            var plausible = properties.ToDictionary(p => p.Key, p => Plausible(p.Value!, schemas));
            var bodies = BadBodies.Concat(properties.SelectMany(p => BadValues.SelectMany(v => new[]
            {
                "{" + string.Join(",", plausible.Select(kv => $"\"{kv.Key}\":{(kv.Key == p.Key ? v : kv.Value)}")) + "}",
                $"{{\"{p.Key}\":{v}}}",
            })));
            foreach (var body in bodies)
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                });
                sent++;
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{method.ToUpperInvariant()} {url} {Shorten(body)} → {(int)response.StatusCode} {Shorten(await response.Content.ReadAsStringAsync())}");
            }
        }
        output.WriteLine($"{sent} requests");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(sent > 500, $"only {sent} requests sent");
    }

    [Theory]
    [InlineData("POST", "/api/v1/tasks", "{\"source\":\"COMPLAINT\",\"enterpriseId\":1,\"itemIds\":null,\"officerIds\":null,\"basis\":\"举报\"}", "itemIds")]
    [InlineData("POST", "/api/v1/plans", "{\"year\":2026,\"name\":\"计划\",\"itemIds\":null,\"ratioPpm\":null}", "ratioPpm")]
    [InlineData("PUT", "/api/v1/tasks/{task}/record", "{\"inspectedOn\":\"2026-06-01\",\"place\":\"现场\",\"methods\":null,\"checklist\":null,\"results\":null}", "checklist")]
    [InlineData("POST", "/api/v1/plans", "{\"year\":\"二〇二六\",\"name\":\"计划\"}", "year")]
    [InlineData("POST", "/api/v1/plans", "{\"year\":2026,\"ratioPpm\":{\"A\":\"五成\"}}", "ratioPpm.A")]
    [InlineData("PUT", "/api/v1/tasks/{task}/record", "{\"inspectedOn\":\"昨天\"}", "inspectedOn")]
    public async Task Null_lists_and_wrong_types_are_a_400_naming_the_field(string method, string path, string body, string field)
    {
        var clients = await ClientsAsync();
        var ids = await SampleIdsAsync();
        var url = path.Replace("{task}", ids["task"]);
        var client = url.Contains("/record", StringComparison.Ordinal) ? clients[Roles.Officer] : clients[Roles.Planner];

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        });

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"no error for {field}: {text}");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", errors[field]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Query_values_of_the_wrong_type_name_the_parameter()
    {
        var client = (await ClientsAsync())[Roles.Planner];

        var response = await client.GetAsync("/api/v1/tasks?page=abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject().ContainsKey("page"));
    }

    [Fact]
    public async Task Every_request_body_has_a_schema_of_its_own_with_its_fields()
    {
        var doc = JsonNode.Parse(await Host.Client().GetStringAsync("/openapi/v1.json"))!;
        var schemas = doc["components"]!["schemas"]!.AsObject();
        var refs = doc["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Operation: $"{o.Key} {p.Key}", Schema: o.Value!["requestBody"]?["content"]?["application/json"]?["schema"])))
            .Where(x => x.Schema is not null)
            .ToList();

        Assert.False(schemas.ContainsKey("Command"), "a schema is still named Command");
        Assert.Contains(refs, r => r.Schema!["$ref"]!.GetValue<string>().EndsWith("/SavePlanCommand", StringComparison.Ordinal));
        Assert.Contains(refs, r => r.Schema!["$ref"]!.GetValue<string>().EndsWith("/SaveItemCommand", StringComparison.Ordinal));
        foreach (var (operation, schema) in refs)
            Assert.True(Resolve(schema!, schemas)?["properties"]?.AsObject().Count > 0, $"{operation}: request body without fields");
    }

    [Theory]
    [InlineData("truncated-jfif")]
    [InlineData("header-only")]
    [InlineData("png-signature-only")]
    public async Task A_damaged_image_is_refused_with_a_chinese_message_and_nothing_is_stored(string kind)
    {
        var (taskId, officer) = await OpenTaskAsync();
        var bytes = DamagedImage(kind);
        var before = EvidenceFiles();

        var response = await officer.PostAsync($"/api/v1/tasks/{taskId}/evidence",
            new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "photo.jpg" } });

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Contains("图片内容无法解析", text);
        Assert.Equal(before, EvidenceFiles());
    }

    [Fact]
    public async Task A_tampered_evidence_file_is_a_409_on_the_api_as_on_the_page()
    {
        var (taskId, officer) = await OpenTaskAsync();
        using var png = new MemoryStream();
        using (var image = new Image<Rgba32>(3, 2, new Rgba32(200, 30, 30))) image.SaveAsPng(png);
        var uploaded = await officer.PostAsync($"/api/v1/tasks/{taskId}/evidence",
            new MultipartFormDataContent { { new ByteArrayContent(png.ToArray()), "file", "现场.png" } });
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var evidenceId = JsonNode.Parse(await uploaded.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
        string sha;
        await using (var scope = Host.Factory.Services.CreateAsyncScope())
            sha = await scope.ServiceProvider.GetRequiredService<AppDbContext>().EvidenceFiles.Where(e => e.Id == evidenceId).Select(e => e.Sha256).SingleAsync();
        var path = Host.Factory.Services.Evidence().PathOf(sha);
        await File.WriteAllBytesAsync(path, [.. await File.ReadAllBytesAsync(path), 0]);

        var response = await officer.GetAsync($"/api/v1/tasks/evidence/{evidenceId}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("篡改", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Empty_forms_on_the_users_page_answer_with_a_message()
    {
        var admin = await Host.SignedInClientAsync(Roles.Admin);
        var token = await TestHost.AntiforgeryTokenAsync(admin, "/Admin/Users");
        foreach (var handler in new[] { "Create", "Roles", "Token", "Revoke" })
        {
            var response = await admin.PostAsync($"/Admin/Users?handler={handler}",
                new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]));
            Assert.True((int)response.StatusCode is 200 or 302, $"{handler}: {(int)response.StatusCode}");
            var page = response.StatusCode == HttpStatusCode.Redirect ? await admin.GetStringAsync("/Admin/Users") : await response.Content.ReadAsStringAsync();
            Assert.True(page.Contains("用户名不能为空", StringComparison.Ordinal) || page.Contains("请输入用户名", StringComparison.Ordinal)
                || page.Contains("不存在", StringComparison.Ordinal), $"{handler}: no message");
        }
    }

    static byte[] DamagedImage(string kind) => kind switch
    {
        // 83 bytes: SOI, a JFIF APP0, a quantisation table header and then the file just stops.
        "truncated-jfif" => [.. Convert.FromHexString("FFD8FFE000104A46494600010100000100010000FFDB004300080606070605080707070909080A0C140D0C0B0B0C1912130F141D1A1F1E1D1A1C1C20242E2720222C231C1C2837292C30313434341F2739"), 0xFF, 0xC0],
        "header-only" => [0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x43, 0x00, .. new byte[40], 0xFF, 0xD9],
        _ => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52],
    };

    int EvidenceFiles()
    {
        using var scope = Host.Factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().EvidenceFiles.Count();
    }

    /// <summary>A fresh complaint task staffed by the demo's two officers, and a bearer client for 张明 (XP-OFF-01).</summary>
    async Task<(int TaskId, HttpClient Officer)> OpenTaskAsync()
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var officers = await db.Officers.Where(o => o.Code == "XP-OFF-01" || o.Code == "XP-OFF-02").OrderBy(o => o.Code).Select(o => o.Id).ToListAsync();
        var enterprise = await db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        var item = await db.InspectionItems.Where(i => i.Status == Core.Items.ItemStatus.Published).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        var created = await scope.ServiceProvider.GetRequiredService<CreateTask.Handler>().HandleAsync(new CreateTask.Command
        {
            Source = "COMPLAINT", EnterpriseId = enterprise, ItemIds = [item], DueDate = Host.Today.AddDays(30), Basis = "举报 坏输入测试",
            OfficerIds = officers,
        }, "test");
        Assert.True(created.IsSuccess, created.Error?.Message);
        return (created.Value, await OfficerClientAsync(officers[0]));
    }

    async Task<HttpClient> OfficerClientAsync(int officerId) =>
        Host.BearerClient(await Host.IssueTokenAsync(await Host.CreateOfficerUserAsync(officerId)));

    async Task<Dictionary<string, HttpClient>> ClientsAsync()
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in RoleOrder)
        {
            if (role == Roles.Officer)
            {
                await using var scope = Host.Factory.Services.CreateAsyncScope();
                var officer = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Officers.Where(o => o.Code == "XP-OFF-01").Select(o => o.Id).SingleAsync();
                clients[role] = await OfficerClientAsync(officer);
                continue;
            }
            var userName = "fuzz-" + role.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..8];
            await Host.CreateUserAsync(userName, role);
            clients[role] = Host.BearerClient(await Host.IssueTokenAsync(userName));
        }
        return clients;
    }

    /// <summary>Existing ids, so that bodies get past "not found" into the use cases.</summary>
    async Task<Dictionary<string, string>> SampleIdsAsync()
    {
        var (task, _) = await OpenTaskAsync();
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        string S(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Dictionary<string, string>
        {
            ["task"] = S(task),
            ["plan"] = S(await db.Plans.OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync()),
            ["item"] = S(await db.InspectionItems.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync()),
            ["enterprise"] = S(await db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync()),
            ["officer"] = S(await db.Officers.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync()),
            ["draw"] = await db.DrawSessions.IgnoreAutoIncludes().OrderBy(d => d.Id).Select(d => d.DrawId).FirstAsync(),
        };
    }

    static string FillPath(string path, Dictionary<string, string> ids) =>
        System.Text.RegularExpressions.Regex.Replace(path, @"\{(\w+)(:[^}]*)?\}", m => m.Groups[1].Value switch
        {
            "drawId" => ids["draw"],
            "planId" => ids["plan"],
            "id" when path.StartsWith("/api/v1/tasks", StringComparison.Ordinal) => ids["task"],
            "id" when path.StartsWith("/api/v1/plans", StringComparison.Ordinal) => ids["plan"],
            "id" when path.StartsWith("/api/v1/items", StringComparison.Ordinal) => ids["item"],
            "id" when path.StartsWith("/api/v1/enterprises", StringComparison.Ordinal) => ids["enterprise"],
            "id" when path.StartsWith("/api/v1/officers", StringComparison.Ordinal) => ids["officer"],
            _ => "1",
        });

    /// <summary>The first role the authorization layer lets through for this operation.</summary>
    static async Task<HttpClient?> PickClientAsync(Dictionary<string, HttpClient> clients, string method, string url)
    {
        foreach (var role in RoleOrder)
        {
            var probe = await clients[role].SendAsync(new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url)
            {
                Content = new StringContent("{}", Encoding.UTF8, "application/json"),
            });
            if (probe.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)) return clients[role];
        }
        return null;
    }

    /// <summary>A value of the schema's type that a form would send: text, 1, false, a date, a list of one such value.</summary>
    static string Plausible(JsonNode schema, JsonObject schemas, int depth = 0)
    {
        var resolved = Resolve(schema, schemas) ?? schema;
        var type = resolved["type"] switch
        {
            JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "string",
            JsonValue t => t.GetValue<string>(),
            _ => resolved["properties"] is not null ? "object" : "string",
        };
        return type switch
        {
            "integer" or "number" => "1",
            "boolean" => "false",
            "array" when depth < 3 && resolved["items"] is { } items => "[" + Plausible(items, schemas, depth + 1) + "]",
            "object" when depth < 3 && resolved["properties"] is JsonObject props =>
                "{" + string.Join(",", props.Select(p => $"\"{p.Key}\":{Plausible(p.Value!, schemas, depth + 1)}")) + "}",
            "object" when resolved["additionalProperties"] is JsonObject values => "{\"A\":" + Plausible(values, schemas, depth + 1) + "}",
            "string" when resolved["format"]?.GetValue<string>() == "date" => "\"2026-06-30\"",
            "string" when resolved["format"]?.GetValue<string>() == "date-time" => "\"2026-06-30T08:00:00Z\"",
            "string" when resolved["enum"] is JsonArray e && e.Count > 0 => e[0]!.ToJsonString(),
            _ => "\"示例\"",
        };
    }

    static JsonNode? Resolve(JsonNode schema, JsonObject schemas) =>
        schema["$ref"]?.GetValue<string>() is { } reference ? schemas[reference[(reference.LastIndexOf('/') + 1)..]] : schema;

    static string Shorten(string s) => s.Length <= 160 ? s : s[..160] + "…";
}
