using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Npgsql;
using SpotCheck.Core.Data;
using SpotCheck.Draw.Audit;

namespace SpotCheck.Hosting.Backup;

/// <summary>
/// <c>spotcheck backup</c>: one zip with the database (SQLite online backup, or a pg_dump custom-format dump taken in
/// the same snapshot as the counts), the evidence files, the served records, the anchor signing key and a manifest.
/// The Data Protection key ring is a table of the database, so it travels with it.
/// </summary>
public static class BackupArchive
{
    public sealed record Summary(long AuditSeq, int Tables, long Rows, int EvidenceFiles);

    public static async Task<Summary> CreateAsync(Storage storage, string output, TimeProvider clock, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("spotcheck-backup-");
        try
        {
            var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var temp = output + ".tmp";
            SortedDictionary<string, long> rows;
            (long Seq, string Hash) head;
            await using (var zipStream = new FileStream(temp, FileMode.Create, FileAccess.Write))
            using (var zip = new ZipArchive(zipStream, ZipArchiveMode.Create))
            {
                await using var db = new AppDbContext(storage.Options());
                var tables = DatabaseSnapshot.Tables(db);
                string databaseFile, databaseEntry;
                if (storage.PostgresConnection is { } pg)
                {
                    databaseFile = Path.Combine(work.FullName, "spotcheck.pgdump");
                    databaseEntry = BackupManifest.PostgresEntry;
                    (rows, head) = await PostgresDump.DumpAsync(pg, tables, databaseFile, ct);
                }
                else
                {
                    if (!File.Exists(storage.SqliteFile)) throw new BackupException($"数据目录中没有数据库：{storage.SqliteFile}");
                    databaseFile = Path.Combine(work.FullName, "spotcheck.db");
                    databaseEntry = BackupManifest.SqliteEntry;
                    DatabaseSnapshot.CopySqlite(storage.SqliteFile, databaseFile);
                    await using var copy = DatabaseSnapshot.OpenSqlite(databaseFile);
                    rows = await DatabaseSnapshot.CountRowsAsync(copy, tables, ct);
                    head = await DatabaseSnapshot.AuditHeadAsync(copy, ct);
                }
                files[databaseEntry] = await AddFileAsync(zip, databaseEntry, databaseFile, ct);
                // Files are added after the database snapshot: anything the snapshot refers to is already on disk.
                foreach (var (prefix, dir) in Folders(storage))
                {
                    if (!Directory.Exists(dir)) continue;
                    foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    {
                        if (file.EndsWith(".tmp", StringComparison.Ordinal)) continue;
                        var name = prefix + "/" + Path.GetRelativePath(dir, file).Replace('\\', '/');
                        files[name] = await AddFileAsync(zip, name, file, ct);
                    }
                }
                if (File.Exists(storage.AnchorKeyPath))
                    files[AnchorKeyEntry] = await AddFileAsync(zip, AnchorKeyEntry, storage.AnchorKeyPath, ct);
                var manifest = new BackupManifest(BackupManifest.CurrentFormat, LogChain.FormatTimestamp(clock.GetUtcNow()),
                    storage.IsPostgres ? "PostgreSQL" : "SQLite", head.Seq, head.Hash, rows, files);
                await using var entry = await zip.CreateEntry(BackupManifest.EntryName).OpenAsync(ct);
                await entry.WriteAsync(manifest.ToUtf8(), ct);
            }
            File.Move(temp, output, overwrite: true);
            return new Summary(head.Seq, rows.Count, rows.Values.Sum(), files.Keys.Count(k => k.StartsWith("evidence/", StringComparison.Ordinal)));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    public const string AnchorKeyEntry = "keys/anchor-signing.pem";

    /// <summary>Archive folder → where it lives on this instance.</summary>
    public static IEnumerable<(string Prefix, string Dir)> Folders(Storage storage) =>
    [
        ("evidence", storage.EvidenceRoot),
        ("records", storage.RecordsDir),
    ];

    static async Task<string> AddFileAsync(ZipArchive zip, string name, string path, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        await using var output = await entry.OpenAsync(ct);
        return await CopyHashingAsync(input, output, ct);
    }

    /// <summary>Copies the stream and returns the SHA-256 of what went through.</summary>
    public static async Task<string> CopyHashingAsync(Stream input, Stream output, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(buffer, ct)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

}

/// <summary>A backup or restore that cannot go on; the message (zh-CN) says why and what to do.</summary>
public sealed class BackupException(string message) : Exception(message);

/// <summary>pg_dump / pg_restore driven with the connection's settings (password through PGPASSWORD, never argv).</summary>
static class PostgresDump
{
    public static async Task<(SortedDictionary<string, long> Rows, (long Seq, string Hash) Head)> DumpAsync(
        string connectionString, IReadOnlyList<string> tables, string file, CancellationToken ct)
    {
        var pgDump = Tool("pg_dump", connectionString, $"pg_dump --format=custom --no-owner --file=spotcheck.pgdump \"{Conninfo(connectionString)}\"");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        // pg_dump reads the very snapshot the counts and the head come from.
        var snapshot = (string)(await DatabaseSnapshot.ScalarAsync(connection, "SELECT pg_export_snapshot()", ct))!;
        var rows = await DatabaseSnapshot.CountRowsAsync(connection, tables, ct);
        var head = await DatabaseSnapshot.AuditHeadAsync(connection, ct);
        await RunAsync(pgDump, connectionString, ["--format=custom", "--no-owner", $"--snapshot={snapshot}", $"--file={file}", Conninfo(connectionString)], ct);
        await tx.CommitAsync(ct);
        return (rows, head);
    }

    public static async Task RestoreAsync(string connectionString, string file, CancellationToken ct)
    {
        var pgRestore = Tool("pg_restore", connectionString, $"pg_restore --no-owner --dbname=\"{Conninfo(connectionString)}\" spotcheck.pgdump");
        await RunAsync(pgRestore, connectionString, ["--no-owner", "--exit-on-error", $"--dbname={Conninfo(connectionString)}", file], ct);
    }

    static string Tool(string name, string connectionString, string manual)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
        return found ?? throw new BackupException(
            $"PATH 中没有 {name}（PostgreSQL 客户端工具）。请安装 postgresql-client 后重试，或手工运行：{manual}" +
            (new NpgsqlConnectionStringBuilder(connectionString).Password is null ? "" : "（密码经 PGPASSWORD 环境变量传入）"));
    }

    static string Conninfo(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return string.Join(' ', new[]
        {
            ("host", b.Host), ("port", b.Port.ToString(CultureInfo.InvariantCulture)), ("dbname", b.Database), ("user", b.Username),
        }.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={p.Item2}"));
    }

    static async Task RunAsync(string tool, string connectionString, IEnumerable<string> args, CancellationToken ct)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (new NpgsqlConnectionStringBuilder(connectionString).Password is { } password) psi.Environment["PGPASSWORD"] = password;
        using var process = System.Diagnostics.Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new BackupException($"{Path.GetFileName(tool)} 失败（退出码 {process.ExitCode}）：{(await stderr).Trim().ReplaceLineEndings(" ")}");
    }
}
