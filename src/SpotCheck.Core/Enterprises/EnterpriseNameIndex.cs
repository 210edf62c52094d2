using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Enterprises;

/// <summary>
/// "Match anywhere in the name" without reading a million rows: a trigram index over enterprise names (SQLite FTS5
/// <c>trigram</c>, kept current by triggers; PostgreSQL <c>pg_trgm</c> GIN, which serves LIKE). Substrings shorter than
/// three characters cannot use a trigram index and fall back to LIKE. Installed idempotently at start-up.
/// </summary>
public static class EnterpriseNameIndex
{
    public const int MinSubstring = 3;
    const string Fts = "EnterpriseNames";

    public static async Task InstallAsync(AppDbContext db, CancellationToken ct)
    {
        if (DatabaseProvider.Of(db) == DatabaseProvider.Sqlite)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var exists = await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = '{Fts}'").SingleAsync(ct) > 0;
            if (!exists) await db.Database.ExecuteSqlRawAsync(SqliteSql, ct);
            await tx.CommitAsync(ct);
            return;
        }
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('spotcheck enterprise name index'))", ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("CREATE EXTENSION IF NOT EXISTS pg_trgm", ct);
            }
            catch (DbException)
            {
                return; // without the extension, name search still works, unindexed
            }
            await db.Database.ExecuteSqlRawAsync(
                "CREATE INDEX IF NOT EXISTS \"IX_Enterprises_Name_trgm\" ON \"Enterprises\" USING gin (\"Name\" gin_trgm_ops)", ct);
            await tx.CommitAsync(ct);
        }
    }

    const string SqliteSql = $"""
        CREATE VIRTUAL TABLE "{Fts}" USING fts5("Name", content='Enterprises', content_rowid='Id', tokenize='trigram');
        INSERT INTO "{Fts}"("{Fts}") VALUES ('rebuild');
        CREATE TRIGGER IF NOT EXISTS "{Fts}_insert" AFTER INSERT ON "Enterprises"
        BEGIN INSERT INTO "{Fts}"(rowid, "Name") VALUES (new."Id", new."Name"); END;
        CREATE TRIGGER IF NOT EXISTS "{Fts}_delete" AFTER DELETE ON "Enterprises"
        BEGIN INSERT INTO "{Fts}"("{Fts}", rowid, "Name") VALUES ('delete', old."Id", old."Name"); END;
        CREATE TRIGGER IF NOT EXISTS "{Fts}_update" AFTER UPDATE OF "Name" ON "Enterprises"
        BEGIN
            INSERT INTO "{Fts}"("{Fts}", rowid, "Name") VALUES ('delete', old."Id", old."Name");
            INSERT INTO "{Fts}"(rowid, "Name") VALUES (new."Id", new."Name");
        END;
        """;

    /// <summary>Enterprises whose name contains <paramref name="text"/> anywhere.</summary>
    public static IQueryable<Enterprise> Containing(AppDbContext db, string text)
    {
        if (text.Length >= MinSubstring && DatabaseProvider.Of(db) == DatabaseProvider.Sqlite)
        {
            // A quoted FTS5 phrase of trigrams is exactly "contains this substring".
            var phrase = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            return db.Enterprises.FromSqlRaw(
                $"SELECT * FROM \"Enterprises\" WHERE \"Id\" IN (SELECT rowid FROM \"{Fts}\" WHERE \"{Fts}\" MATCH {{0}})", phrase);
        }
        var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
        return db.Enterprises.Where(e => EF.Functions.Like(e.Name, pattern, "\\"));
    }
}
