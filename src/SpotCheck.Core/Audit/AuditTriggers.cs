using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Audit;

/// <summary>
/// Makes the audit table insert-only (draw-spec §7.4). Applied idempotently at start-up, after the migrations,
/// so the schema history stays provider-neutral.
/// </summary>
public static class AuditTriggers
{
    public const string Table = "AuditEntries";
    public const string Message = "audit log is append-only";

    public static async Task InstallAsync(AppDbContext db, CancellationToken ct)
    {
        if (DatabaseProvider.Of(db) == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync(SqliteSql, ct);
            return;
        }
        // Two instances starting together would race on CREATE OR REPLACE FUNCTION; the lock makes them take turns.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('spotcheck audit triggers'))", ct);
        await db.Database.ExecuteSqlRawAsync(PostgresSql, ct);
        await tx.CommitAsync(ct);
    }

    const string SqliteSql = $"""
        CREATE TRIGGER IF NOT EXISTS audit_entries_no_update BEFORE UPDATE ON "{Table}"
        BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        CREATE TRIGGER IF NOT EXISTS audit_entries_no_delete BEFORE DELETE ON "{Table}"
        BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        """;

    const string PostgresSql = $"""
        CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            RAISE EXCEPTION '{Message}' USING ERRCODE = 'insufficient_privilege';
        END
        $fn$;
        DO $do$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'audit_entries_no_update' AND tgrelid = '"{Table}"'::regclass) THEN
                CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON "{Table}"
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
            END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'audit_entries_no_delete' AND tgrelid = '"{Table}"'::regclass) THEN
                CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON "{Table}"
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
            END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'audit_entries_no_truncate' AND tgrelid = '"{Table}"'::regclass) THEN
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "{Table}"
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
            END IF;
        END
        $do$;
        """;
}
