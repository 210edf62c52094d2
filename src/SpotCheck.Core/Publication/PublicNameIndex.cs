using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Publication;

/// <summary>
/// The portal's search by enterprise name: a trigram index over the published rows' names, so that a substring of
/// three or more characters is found without reading every row (SQLite FTS5 <c>trigram</c>, PostgreSQL
/// <c>pg_trgm</c>). Shorter input matches the start of the name through the ordinary name index. Installed
/// idempotently at start-up, like <see cref="PublicationTriggers"/>; the SQLite index follows inserts and the demo
/// rows' deletion by triggers (published rows are never updated).
/// </summary>
public static class PublicNameIndex
{
    public const int MinSubstring = 3;
    const string Fts = "PublishedResultNames";

    public static async Task InstallAsync(AppDbContext db, CancellationToken ct)
    {
        if (DatabaseProvider.Of(db) == DatabaseProvider.Sqlite)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var exists = await db.Database.SqlQueryRaw<int>(SqliteExists).SingleAsync(ct) > 0;
            if (!exists) await db.Database.ExecuteSqlRawAsync(SqliteSql, ct);
            await tx.CommitAsync(ct);
            return;
        }
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('spotcheck public name index'))", ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("CREATE EXTENSION IF NOT EXISTS pg_trgm", ct);
            }
            catch (DbException)
            {
                // Without the extension (not installed, or no right to create it) name search still works, unindexed.
                return;
            }
            await db.Database.ExecuteSqlRawAsync(
                "CREATE INDEX IF NOT EXISTS \"IX_PublishedResults_EnterpriseName_trgm\" ON \"PublishedResults\" USING gin (\"EnterpriseName\" gin_trgm_ops)", ct);
            await tx.CommitAsync(ct);
        }
    }

    const string SqliteExists = $"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = '{Fts}'";

    const string SqliteMatch = $"SELECT rowid AS \"Value\" FROM \"{Fts}\" WHERE \"{Fts}\" MATCH {{0}} ORDER BY rowid DESC LIMIT {{1}}";

    const string PostgresLike = "SELECT \"Id\" AS \"Value\" FROM \"PublishedResults\" WHERE \"EnterpriseName\" ILIKE {0} ORDER BY \"Id\" DESC LIMIT {1}";

    const string SqliteSql = $"""
        CREATE VIRTUAL TABLE "{Fts}" USING fts5("EnterpriseName", content='PublishedResults', content_rowid='Id', tokenize='trigram');
        INSERT INTO "{Fts}"("{Fts}") VALUES ('rebuild');
        CREATE TRIGGER IF NOT EXISTS "{Fts}_insert" AFTER INSERT ON "PublishedResults"
        BEGIN INSERT INTO "{Fts}"(rowid, "EnterpriseName") VALUES (new."Id", new."EnterpriseName"); END;
        CREATE TRIGGER IF NOT EXISTS "{Fts}_delete" AFTER DELETE ON "PublishedResults"
        BEGIN INSERT INTO "{Fts}"("{Fts}", rowid, "EnterpriseName") VALUES ('delete', old."Id", old."EnterpriseName"); END;
        """;

    /// <summary>
    /// Ids of published rows (any version) whose enterprise name contains <paramref name="text"/> (at least
    /// <see cref="MinSubstring"/> characters), newest first, at most <paramref name="cap"/>.
    /// </summary>
    internal static async Task<List<long>> ContainingAsync(AppDbContext db, string text, int cap, CancellationToken ct)
    {
        if (DatabaseProvider.Of(db) == DatabaseProvider.Sqlite)
        {
            // A quoted FTS5 phrase of trigrams is exactly "contains this substring" (case-insensitive for ASCII).
            var phrase = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            return await db.Database.SqlQueryRaw<long>(SqliteMatch, phrase, cap).ToListAsync(ct);
        }
        var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
        return await db.Database.SqlQueryRaw<long>(PostgresLike, pattern, cap).ToListAsync(ct);
    }
}
