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
    public const string InsertTrigger = Fts + "_insert";

    /// <summary>Indexes the names of enterprises with an id above <paramref name="lastIndexedId"/> in one statement (a bulk load without the insert trigger).</summary>
    public static string IndexNamesAfterSql(long lastIndexedId) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"INSERT INTO \"{Fts}\"(rowid, \"Name\") SELECT \"Id\", \"Name\" FROM \"Enterprises\" WHERE \"Id\" > {lastIndexedId}");

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
        CREATE TRIGGER IF NOT EXISTS "{InsertTrigger}" AFTER INSERT ON "Enterprises"
        BEGIN INSERT INTO "{Fts}"(rowid, "Name") VALUES (new."Id", new."Name"); END;
        CREATE TRIGGER IF NOT EXISTS "{Fts}_delete" AFTER DELETE ON "Enterprises"
        BEGIN INSERT INTO "{Fts}"("{Fts}", rowid, "Name") VALUES ('delete', old."Id", old."Name"); END;
        CREATE TRIGGER IF NOT EXISTS "{Fts}_update" AFTER UPDATE OF "Name" ON "Enterprises"
        BEGIN
            INSERT INTO "{Fts}"("{Fts}", rowid, "Name") VALUES ('delete', old."Id", old."Name");
            INSERT INTO "{Fts}"(rowid, "Name") VALUES (new."Id", new."Name");
        END;
        """;

    /// <summary>
    /// The matches joined to their rows, with the id taken from the index's rowid: SQLite then walks the index in id
    /// order and stops at the page (or the count bound), where "Id IN (matches)" first collected every match, a million
    /// for a common word such as 有限公司.
    /// </summary>
    static string MatchSql(AppDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(Enterprise))!;
        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => p.GetColumnName(table)!)
            .Select(c => c == "Id" ? "f.rowid AS \"Id\"" : $"e.\"{c}\"");
        return $"SELECT {string.Join(", ", columns)} FROM \"{Fts}\" f JOIN \"Enterprises\" e ON e.\"Id\" = f.rowid WHERE f.\"{Fts}\" MATCH {{0}}";
    }

    /// <summary>Enterprises whose name contains <paramref name="text"/> anywhere.</summary>
    public static IQueryable<Enterprise> Containing(AppDbContext db, string text)
    {
        if (text.Length >= MinSubstring && DatabaseProvider.Of(db) == DatabaseProvider.Sqlite)
        {
            // A quoted FTS5 phrase of trigrams is exactly "contains this substring".
            var phrase = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            return db.Enterprises.FromSqlRaw(MatchSql(db), phrase);
        }
        var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
        return db.Enterprises.Where(e => EF.Functions.Like(e.Name, pattern, "\\"));
    }
}
