using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Demo;
using SpotCheck.Core.Tasks;

using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Ops;

/// <summary>A demo-data task with an officer user and bearer token, and evidence through the API, for the multi-instance tests.</summary>
static class OpsKit
{
    public static readonly byte[] Pdf = "%PDF-1.7\n% spotcheck ops test\n%%EOF\n"u8.ToArray();

    public static AppDbContext Context(TestStorage storage) =>
        new(Hosting.Storage.Resolve(storage.DataDir, storage.PostgresConnection).Options());

    /// <summary>A complaint task on a demo enterprise staffed by the two bureau officers; the user is linked to the first.</summary>
    public static async Task<(int TaskId, string Token)> OfficerTaskAsync(TestStorage storage)
    {
        int taskId;
        await using (var db = Context(storage))
        {
            var officers = await db.Officers.Where(o => o.Code == "XP-OFF-01" || o.Code == "XP-OFF-02").OrderBy(o => o.Code).Select(o => o.Id).ToListAsync();
            var item = await db.InspectionItems.Where(i => i.Code == DemoData.CoalItemCode).Select(i => i.Id).SingleAsync();
            var enterprise = await db.Enterprises.Where(e => e.IsDemo).OrderBy(e => e.Uscc).Select(e => e.Id).FirstAsync();
            var created = await new CreateTask.Handler(db, new AuditLog(db, TimeProvider.System), TimeProvider.System).HandleAsync(new CreateTask.Command
            {
                Source = "COMPLAINT", EnterpriseId = enterprise, ItemIds = [item], Basis = "举报编号 OPS-TEST",
                DueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), OfficerIds = officers,
            }, "test");
            Assert.True(created.IsSuccess, created.Error?.Message);
            taskId = created.Value;
        }
        var user = "officer-" + Guid.NewGuid().ToString("N")[..8];
        await SpotcheckCli.SucceedAsync(TestHost.Password, ["users", "add", user, "--role", "Officer", "--officer", "XP-OFF-01", "--password-stdin", .. SpotcheckCli.StorageArgs(storage)]);
        var token = await SpotcheckCli.SucceedAsync(null, ["users", "token", user, .. SpotcheckCli.StorageArgs(storage)]);
        return (taskId, token);
    }

    public static async Task<int> UploadAsync(HttpClient client, int taskId, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "现场记录.pdf");
        var response = await client.PostAsync($"/api/v1/tasks/{taskId}/evidence", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
    }

    public static async Task<int> CountAsync(TestStorage storage, Func<AppDbContext, Task<int>> count)
    {
        await using var db = Context(storage);
        return await count(db);
    }

    /// <summary><c>audit export | audit verify</c> through the CLI: the verify line.</summary>
    public static async Task<string> ExportAndVerifyAsync(TestStorage storage)
    {
        var log = Path.Combine(storage.DataDir, "..", Guid.NewGuid().ToString("N") + ".jsonl");
        var export = await SpotcheckCli.RunAsync(null, ["audit", "export", .. SpotcheckCli.StorageArgs(storage)]);
        Assert.Equal(0, export.ExitCode);
        await File.WriteAllTextAsync(log, export.Stdout);
        try
        {
            return await SpotcheckCli.SucceedAsync(null, "audit", "verify", log);
        }
        finally
        {
            File.Delete(log);
        }
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>());
}
