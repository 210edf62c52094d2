using System.Net;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Ops;

/// <summary>
/// A populated instance (demo data and an uploaded evidence file) is backed up while it serves, restored into a fresh
/// directory, and a server started on the copy has the same chain, rows and evidence.
/// </summary>
[Trait("Category", "Crash")]
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task A_backup_taken_while_the_server_runs_restores_into_a_fresh_directory_with_chain_counts_and_evidence_intact()
    {
        await using var storage = (await TestStorage.CreateAsync(DbProvider.Sqlite))!;
        await using var server = new CrashServer(storage);
        await server.StartAsync(demo: true);
        var (taskId, token) = await OpsKit.OfficerTaskAsync(storage);
        var evidenceId = await OpsKit.UploadAsync(server.Client(token), taskId, OpsKit.Pdf);
        var archive = Path.Combine(storage.DataDir, "..", Guid.NewGuid().ToString("N") + ".zip");
        await using var restored = (await TestStorage.CreateAsync(DbProvider.Sqlite))!;
        try
        {
            var backup = await SpotcheckCli.SucceedAsync(null, ["backup", "--out", archive, .. SpotcheckCli.StorageArgs(storage)]);
            Assert.Matches(@"^backup .+: audit seq \d+, \d+ tables, \d+ rows, 1 evidence files$", backup);
            var original = await OpsKit.ExportAndVerifyAsync(storage);
            var enterprises = await OpsKit.CountAsync(storage, db => db.Enterprises.CountAsync());

            var refused = await SpotcheckCli.RunAsync(null, "restore", archive, "--data-dir", storage.DataDir);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("目标数据目录不是空的", refused.Stderr, StringComparison.Ordinal);
            var summary = await SpotcheckCli.SucceedAsync(null, "restore", archive, "--data-dir", restored.DataDir);
            Assert.Matches(@"^restored .+: OK \d+ entries head=[0-9a-f]{64}, \d+ tables and \d+ rows match the manifest, 1 evidence files verified$", summary);
            Assert.Contains(original, summary, StringComparison.Ordinal); // the server appended nothing since the backup

            server.Kill();
            await using var copy = new CrashServer(restored);
            await copy.StartAsync();
            Assert.Equal(original, await OpsKit.ExportAndVerifyAsync(restored));
            Assert.Equal(enterprises, await OpsKit.CountAsync(restored, db => db.Enterprises.CountAsync()));
            var served = await copy.Client(token).GetAsync($"/api/v1/tasks/evidence/{evidenceId}");
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(OpsKit.Pdf, await served.Content.ReadAsByteArrayAsync());
        }
        finally
        {
            File.Delete(archive);
        }
    }

    [Fact]
    public async Task A_backup_whose_evidence_was_altered_is_refused_at_restore()
    {
        await using var storage = (await TestStorage.CreateAsync(DbProvider.Sqlite))!;
        await SpotcheckCli.SucceedAsync(TestHost.Password, ["users", "add", "admin", "--role", "Admin", "--password-stdin", .. SpotcheckCli.StorageArgs(storage)]);
        var archive = Path.Combine(storage.DataDir, "..", Guid.NewGuid().ToString("N") + ".zip");
        try
        {
            await SpotcheckCli.SucceedAsync(null, ["backup", "--out", archive, .. SpotcheckCli.StorageArgs(storage)]);
            using (var zip = System.IO.Compression.ZipFile.Open(archive, System.IO.Compression.ZipArchiveMode.Update))
            {
                var entry = zip.GetEntry("database/spotcheck.db")!;
                entry.Delete();
                await using var s = await zip.CreateEntry("database/spotcheck.db").OpenAsync();
                await s.WriteAsync("not the database"u8.ToArray());
            }
            var target = Path.Combine(storage.DataDir, "..", Guid.NewGuid().ToString("N"));
            var run = await SpotcheckCli.RunAsync(null, "restore", archive, "--data-dir", target);
            Assert.Equal(1, run.ExitCode);
            Assert.Equal("database/spotcheck.db 的 SHA-256 与清单不符，备份文件已损坏或被改动", run.Stderr.Trim());
            Assert.Empty(run.Stdout);
        }
        finally
        {
            File.Delete(archive);
        }
    }
}
