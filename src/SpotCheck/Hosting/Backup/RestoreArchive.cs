using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Draw.Audit;

namespace SpotCheck.Hosting.Backup;

/// <summary>
/// <c>spotcheck restore</c>: unpacks a backup into a fresh data directory (and, for a PostgreSQL backup, an empty
/// database), checking every file against the manifest, then verifies the whole audit chain, its head, the row count
/// of every table and every evidence file's hash.
/// </summary>
public static class RestoreArchive
{
    public sealed record Summary(ChainVerification Chain, int Tables, long Rows, int EvidenceFiles);

    public static async Task<Summary> RestoreAsync(string archive, Storage target, CancellationToken ct)
    {
        if (Directory.Exists(target.DataDir) && Directory.EnumerateFileSystemEntries(target.DataDir).Any())
            throw new BackupException($"目标数据目录不是空的：{target.DataDir}（恢复只写入新的空目录，不覆盖现有数据）");
        if (!File.Exists(archive)) throw new BackupException($"备份文件不存在：{archive}");
        using var zip = ZipFile.OpenRead(archive);
        var manifestEntry = zip.GetEntry(BackupManifest.EntryName) ?? throw new BackupException("备份文件中没有 manifest.json，不是 spotcheck backup 生成的文件");
        BackupManifest manifest;
        await using (var stream = await manifestEntry.OpenAsync(ct)) manifest = BackupManifest.Parse(stream);
        var isPostgres = manifest.Provider == "PostgreSQL";
        if (isPostgres != target.IsPostgres)
            throw new BackupException(isPostgres
                ? "这是 PostgreSQL 的备份：请用 --db CONN 指定一个空数据库"
                : "这是 SQLite 的备份：恢复到 --data-dir，不要指定 --db");

        Directory.CreateDirectory(target.DataDir);
        var dumpFile = Path.Combine(target.DataDir, "restore.pgdump");
        foreach (var (name, sha) in manifest.Files)
        {
            var entry = zip.GetEntry(name) ?? throw new BackupException($"备份文件缺少清单中的 {name}");
            var path = TargetPath(target, name, dumpFile);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (await ExtractAsync(entry, path, ct) != sha) throw new BackupException($"{name} 的 SHA-256 与清单不符，备份文件已损坏或被改动");
        }
        if (File.Exists(target.AnchorKeyPath) && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(target.AnchorKeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (isPostgres)
        {
            await RequireEmptyAsync(target.PostgresConnection!, ct);
            await PostgresDump.RestoreAsync(target.PostgresConnection!, dumpFile, ct);
            File.Delete(dumpFile);
        }
        return await VerifyAsync(target, manifest, ct);
    }

    static async Task<Summary> VerifyAsync(Storage target, BackupManifest manifest, CancellationToken ct)
    {
        await using var db = new AppDbContext(target.Options());
        var chain = await AuditChainVerifier.VerifyAsync(db, ct);
        if (chain.Break is { } b) throw new BackupException($"恢复后的审计日志哈希链断裂：BROKEN at seq {b.Seq}: {b.Reason}");
        if (chain.Count != manifest.AuditSeq || chain.Head != manifest.AuditHash)
            throw new BackupException($"恢复后的审计日志头 seq {chain.Count} head={chain.Head} 与清单 seq {manifest.AuditSeq} head={manifest.AuditHash} 不符");
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        var rows = await DatabaseSnapshot.CountRowsAsync(connection, [.. manifest.Rows.Keys], ct);
        foreach (var (table, count) in manifest.Rows)
            if (rows[table] != count) throw new BackupException($"表 {table} 恢复后有 {rows[table]} 行，清单记录 {count} 行");
        var store = EvidenceStorage.For(target with { EvidenceRootSetting = null });
        var evidence = await db.EvidenceFiles.AsNoTracking().Select(e => new { e.Sha256, e.ThumbnailSha256 }).ToListAsync(ct);
        var hashes = evidence.SelectMany(e => new[] { e.Sha256, e.ThumbnailSha256 }).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        foreach (var sha in hashes)
        {
            var read = await store.ReadAsync(sha, ct);
            if (!read.IsSuccess) throw new BackupException($"证据文件 {sha}：{read.Error!.Message}");
        }
        return new Summary(chain, rows.Count, rows.Values.Sum(), hashes.Count);
    }

    /// <summary>Only the folders a backup writes; an entry that would leave the data directory is refused.</summary>
    static string TargetPath(Storage target, string name, string dumpFile)
    {
        if (name == BackupManifest.SqliteEntry) return target.SqliteFile;
        if (name == BackupManifest.PostgresEntry) return dumpFile;
        if (name == BackupArchive.AnchorKeyEntry) return Path.Combine(target.DataDir, "keys", "anchor-signing.pem");
        var root = Path.GetFullPath(target.DataDir) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(target.DataDir, name));
        if (!(name.StartsWith("evidence/", StringComparison.Ordinal) || name.StartsWith("records/", StringComparison.Ordinal))
            || !path.StartsWith(root, StringComparison.Ordinal))
            throw new BackupException($"备份文件中有不认识的条目 {name}");
        return path;
    }

    static async Task<string> ExtractAsync(ZipArchiveEntry entry, string path, CancellationToken ct)
    {
        await using var input = await entry.OpenAsync(ct);
        await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        return await BackupArchive.CopyHashingAsync(input, output, ct);
    }

    static async Task RequireEmptyAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var tables = Convert.ToInt64(await DatabaseSnapshot.ScalarAsync(connection,
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'", ct), System.Globalization.CultureInfo.InvariantCulture);
        if (tables > 0) throw new BackupException("--db 指定的数据库不是空的（public 模式中已有表）；请恢复到新建的空数据库");
    }
}
