using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Pages;

/// <summary>
/// A list export runs in the background: the page polls its progress panel, then offers the file; only the user who
/// started it sees its progress or gets its file, and the file is not reachable by any other path.
/// </summary>
public sealed class ExportJobTests(DemoHostFixture fixture) : IClassFixture<DemoHostFixture>
{
    TestHost Host => fixture.Host;

    internal static async Task<string> StartAsync(HttpClient client, string kind, string format)
    {
        var token = await TestHost.AntiforgeryTokenAsync(client, "/Staff/Export");
        var started = await client.PostAsync("/Staff/Export?handler=Start", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["kind"] = kind, ["format"] = format, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return Regex.Match(started.Headers.Location!.OriginalString, "job=([0-9a-f]{32})").Groups[1].Value;
    }

    internal static async Task<string> FinishedPanelAsync(HttpClient client, string job)
    {
        for (var polls = 0; polls < 300; polls++)
        {
            var panel = await client.GetStringAsync($"/Staff/Export?handler=Status&job={job}");
            if (!panel.Contains("正在导出", StringComparison.Ordinal)) return panel;
            Assert.Contains("hx-trigger=\"every 1s\"", panel);
            await Task.Delay(100);
        }
        throw new TimeoutException("the export did not finish in 30 s");
    }

    /// <summary>The payload of the job's one end entry in the audit log (by the system, naming the user).</summary>
    internal static async Task<System.Text.Json.Nodes.JsonObject> EndedEntryAsync(TestHost host, string job)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Type == "LIST_EXPORT_ENDED").ToListAsync();
        var entry = Assert.Single(entries, e => e.Payload.Contains(job, StringComparison.Ordinal));
        Assert.Equal("system", entry.Actor);
        return System.Text.Json.Nodes.JsonNode.Parse(entry.Payload)!.AsObject();
    }

    [Fact]
    public async Task An_export_shows_its_progress_then_offers_its_file_to_the_user_who_started_it_only()
    {
        var planner = await Host.SignedInClientAsync(Roles.Planner);
        var other = await Host.SignedInClientAsync(Roles.Planner);

        var job = await StartAsync(planner, "officers", "csv");
        var panel = await FinishedPanelAsync(planner, job);
        var page = await planner.GetStringAsync($"/Staff/Export?job={job}");
        var file = await planner.GetAsync($"/Staff/Export?handler=File&job={job}");

        Assert.DoesNotContain("hx-trigger", panel);
        var rows = int.Parse(Regex.Match(panel, "导出完成：共 ([0-9,]+) 行").Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("导出完成", page);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("text/csv", file.Content.Headers.ContentType!.MediaType);
        Assert.Contains("执法检查人员名录库", file.Content.Headers.ContentDisposition!.FileNameStar);
        var csv = await file.Content.ReadAsStringAsync();
        Assert.Contains("张明", csv);
        Assert.Equal(rows + 1, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var ended = await EndedEntryAsync(Host, job);
        Assert.Equal("done", (string)ended["state"]!);
        Assert.Equal(rows, (int)ended["rows"]!);
        Assert.StartsWith("planner-", (string)ended["user"]!);
        Assert.False(ended.ContainsKey("reason"));

        // Another user learns nothing of it, and the file has no other address.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Staff/Export?handler=Status&job={job}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Staff/Export?handler=File&job={job}")).StatusCode);
        Assert.Contains("不存在或已过期", await other.GetStringAsync($"/Staff/Export?job={job}"));
        Assert.Equal(HttpStatusCode.NotFound, (await planner.GetAsync($"/exports/{job}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await planner.GetAsync($"/Staff/Export?handler=File&job={new string('0', 32)}")).StatusCode);
    }

    [Fact]
    public async Task The_enterprise_directory_exports_as_xlsx_with_every_row_counted()
    {
        var planner = await Host.SignedInClientAsync(Roles.Planner);

        var job = await StartAsync(planner, "enterprises", "xlsx");
        var panel = await FinishedPanelAsync(planner, job);
        var file = await planner.GetAsync($"/Staff/Export?handler=File&job={job}");

        var rows = int.Parse(Regex.Match(panel, "导出完成：共 ([0-9,]+) 行").Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(rows > 0);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await file.Content.ReadAsByteArrayAsync());
        Assert.Equal(rows, MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Count());
    }

    [Fact]
    public async Task A_bad_list_or_format_is_refused()
    {
        var planner = await Host.SignedInClientAsync(Roles.Planner);
        var token = await TestHost.AntiforgeryTokenAsync(planner, "/Staff/Export");
        var bad = await planner.PostAsync("/Staff/Export?handler=Start", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["kind"] = "plans", ["format"] = "csv", ["__RequestVerificationToken"] = token,
        }));
        var forged = await planner.PostAsync("/Staff/Export?handler=Start", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["kind"] = "officers", ["format"] = "csv",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
