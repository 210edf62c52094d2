using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Publication;

/// <summary>
/// Published content is never edited (a correction is a new version): the database itself refuses UPDATE of the
/// published tables, and DELETE except of the demo dataset's rows (which an Admin may remove). Installed
/// idempotently at start-up, like <see cref="AuditTriggers"/>.
/// </summary>
public static class PublicationTriggers
{
    public const string Message = "published content is immutable";

    static readonly string[] Tables = ["PublicationBatches", "PublishedResults", "PublishedResultItems", "PublishedResultDepartments"];

    public static async Task InstallAsync(AppDbContext db, CancellationToken ct)
    {
        if (DatabaseProvider.Of(db) == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync(SqliteSql(), ct);
            return;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('spotcheck publication triggers'))", ct);
        await db.Database.ExecuteSqlRawAsync(PostgresSql(), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The condition under which a row may be deleted: it belongs to the demo dataset.</summary>
    static string DemoRow(string table, string old) => table is "PublicationBatches" or "PublishedResults"
        ? $"{old}.\"IsDemo\""
        : $"EXISTS (SELECT 1 FROM \"PublishedResults\" r WHERE r.\"Id\" = {old}.\"PublishedResultId\" AND r.\"IsDemo\")";

    static string SqliteSql() => string.Concat(Tables.Select(t => $"""
        CREATE TRIGGER IF NOT EXISTS "{t}_no_update" BEFORE UPDATE ON "{t}"
        BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        CREATE TRIGGER IF NOT EXISTS "{t}_no_delete" BEFORE DELETE ON "{t}" WHEN NOT ({DemoRow(t, "OLD")})
        BEGIN SELECT RAISE(ABORT, '{Message}'); END;

        """));

    static string PostgresSql() => string.Concat(Tables.Select(t => $"""
        CREATE OR REPLACE FUNCTION "{t}_immutable"() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                IF {DemoRow(t, "OLD")} THEN RETURN OLD; END IF;
            END IF;
            RAISE EXCEPTION '{Message}' USING ERRCODE = 'insufficient_privilege';
        END
        $fn$;
        DO $do$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = '{t}_immutable' AND tgrelid = '"{t}"'::regclass) THEN
                CREATE TRIGGER "{t}_immutable" BEFORE UPDATE OR DELETE ON "{t}" FOR EACH ROW EXECUTE FUNCTION "{t}_immutable"();
            END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = '{t}_no_truncate' AND tgrelid = '"{t}"'::regclass) THEN
                CREATE TRIGGER "{t}_no_truncate" BEFORE TRUNCATE ON "{t}" FOR EACH STATEMENT EXECUTE FUNCTION "{t}_immutable"();
            END IF;
        END
        $do$;

        """));
}
