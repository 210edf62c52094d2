using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Ops;

public sealed class AnchorCliTests
{
    [Fact]
    public async Task Audit_anchor_signs_the_head_and_verify_with_anchors_names_a_rolled_back_log()
    {
        await using var storage = (await TestStorage.CreateAsync(DbProvider.Sqlite))!;
        string[] at = SpotcheckCli.StorageArgs(storage);
        await SpotcheckCli.SucceedAsync(TestHost.Password, ["users", "add", "admin", "--role", "Admin", "--password-stdin", .. at]);
        var anchor = Path.Combine(storage.DataDir, "head-1.json");
        var anchored = await SpotcheckCli.SucceedAsync(null, ["audit", "anchor", "--out", anchor, .. at]);
        Assert.Matches(@"^anchored seq \d+ head=[0-9a-f]{64}$", anchored);
        var publicKey = Path.Combine(storage.DataDir, "anchor-public.pem");
        await File.WriteAllTextAsync(publicKey, await SpotcheckCli.SucceedAsync(null, ["audit", "anchor", "--public-key", .. at]));
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", await File.ReadAllTextAsync(publicKey), StringComparison.Ordinal);

        var export = (await SpotcheckCli.RunAsync(null, ["audit", "export", .. at])).Stdout;
        var log = Path.Combine(storage.DataDir, "log.jsonl");
        await File.WriteAllTextAsync(log, export);
        var plain = await SpotcheckCli.SucceedAsync(null, "audit", "verify", log);
        Assert.Equal(plain, await SpotcheckCli.SucceedAsync(null, "audit", "verify", log, "--anchors", anchor, "--public-key", publicKey));
        Assert.Contains("\"type\":\"ANCHOR\"", export.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], StringComparison.Ordinal);

        var lines = export.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var anchoredSeq = long.Parse(anchored.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(log, string.Join('\n', lines.Take((int)anchoredSeq - 1)) + "\n");
        var rolledBack = await SpotcheckCli.RunAsync(null, "audit", "verify", log, "--anchors", anchor, "--public-key", publicKey);
        Assert.Equal(1, rolledBack.ExitCode);
        Assert.Equal($"BROKEN anchor {anchor}: anchored seq {anchoredSeq} is missing, the log ends at seq {anchoredSeq - 1} (rolled back)", rolledBack.Stdout.Trim());
    }
}

/// <summary>The chain guard's alert on the staff home page, for Admins only.</summary>
public sealed class AuditAlertPageTests
{
    [Fact]
    public async Task An_admin_sees_the_broken_chain_alert_on_the_home_page_and_a_planner_does_not()
    {
        await using var host = (await TestHost.StartAsync(DbProvider.Sqlite))!;
        var admin = await host.SignedInClientAsync(Roles.Admin);
        var planner = await host.SignedInClientAsync(Roles.Planner);
        Assert.DoesNotContain("审计日志告警", await admin.GetStringAsync("/Staff"), StringComparison.Ordinal);

        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_entries_no_update");
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE \"AuditEntries\" SET \"Actor\" = 'someone-else' WHERE \"Seq\" = (SELECT MAX(\"Seq\") FROM \"AuditEntries\")");
        }

        var page = await admin.GetAsync("/Staff");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("审计日志告警", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("审计日志告警", await planner.GetStringAsync("/Staff"), StringComparison.Ordinal);
    }
}
