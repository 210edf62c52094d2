using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SpotCheck.Core.Data;
using SpotCheck.Core.Enterprises;

namespace SpotCheck.Core.Transfer;

/// <summary>
/// The PostgreSQL path of <see cref="ImportEnterprises"/>: every parsed row is bulk-copied into a temporary staging
/// table (dropped at commit) inside the import transaction; set-based statements then write what the entity path
/// writes row by row: one <see cref="EnterpriseChange"/> per changed field, the changed enterprises (version raised),
/// their tags, and the new enterprises with ids from the identity sequence in file order.
/// </summary>
sealed class EnterpriseStaging : IAsyncDisposable
{
    const string Staged = "enterprise_import";
    const string Changes = "enterprise_import_change";

    /// <summary>The enterprise columns the file sets, named alike in "Enterprises" and in the staging table.</summary>
    static readonly string[] Stored = EnterpriseBulkWriter.DataColumns;

    readonly DbConnection _connection;
    readonly DbTransaction _transaction;
    readonly IBulkRowWriter _rows;
    readonly object?[] _row = new object?[Stored.Length + 2];

    EnterpriseStaging(DbConnection connection, DbTransaction transaction, IBulkRowWriter rows)
    {
        _connection = connection;
        _transaction = transaction;
        _rows = rows;
    }

    public int Count { get; private set; }

    public static async Task<EnterpriseStaging> CreateAsync(AppDbContext db, IDbContextTransaction tx, IBulkCopy copy, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = tx.GetDbTransaction();
        await ExecuteAsync(connection, transaction, $"""
            CREATE TEMPORARY TABLE "{Staged}" (
                "Line" integer NOT NULL, "Tags" text NOT NULL, "Uscc" text NOT NULL, "Name" text NOT NULL, "RegionCode" text NOT NULL,
                "Address" text NOT NULL, "RiskClass" text NOT NULL, "AbnormalList" boolean NOT NULL, "SeriousViolation" boolean NOT NULL,
                "Status" text NOT NULL, "ContactName" text, "ContactPhone" text, "LegalRepresentative" text, "LegacyRegistrationNo" text
            ) ON COMMIT DROP
            """, ct);
        var rows = await copy.BeginAsync(connection, Staged, ["Line", "Tags", .. Stored], ct);
        return new EnterpriseStaging(connection, transaction, rows);
    }

    public async Task AddAsync(int line, EnterpriseData d, CancellationToken ct)
    {
        _row[0] = line;
        _row[1] = Enterprise.TagHistoryValue(d.Tags);
        EnterpriseBulkWriter.Fill(_row, 2, d);
        await _rows.WriteRowAsync(_row, ct);
        Count++;
    }

    /// <summary>
    /// Ends the copy and writes every staged row; <paramref name="present"/> says which layout columns the file has.
    /// Updates run first, so that the rows inserted afterwards are not taken for existing ones.
    /// </summary>
    public async Task<(int Created, int Updated)> MergeAsync(IReadOnlyList<bool>? present, string actor, string source, DateTime now, CancellationToken ct)
    {
        await _rows.CompleteAsync(ct);
        if (Count == 0) return (0, 0);
        await ExecuteAsync($"ANALYZE \"{Staged}\"", ct);
        var kept = EnterpriseLayout.StoredWhereAbsent(present!);
        await ExecuteAsync(ChangesSql(kept), ct);
        var updated = Convert.ToInt32(await ScalarAsync($"SELECT count(DISTINCT \"EnterpriseId\") FROM \"{Changes}\"", ct), System.Globalization.CultureInfo.InvariantCulture);
        if (updated > 0)
        {
            await ExecuteAsync($"""
                INSERT INTO "EnterpriseChanges" ("EnterpriseId", "ChangedAtUtc", "Actor", "Source", "Field", "OldValue", "NewValue")
                SELECT "EnterpriseId", @now, @actor, @source, "Field", "Old", "New" FROM "{Changes}" ORDER BY "Line", "Ord";
                UPDATE "Enterprises" e SET {string.Join(", ", Stored.Where(c => c != "Uscc" && !kept.Contains(c)).Select(c => $"\"{c}\" = s.\"{c}\""))},
                    "UpdatedAtUtc" = @now, "RowVersion" = e."RowVersion" + 1
                FROM "{Staged}" s WHERE s."Uscc" = e."Uscc" AND e."Id" IN (SELECT "EnterpriseId" FROM "{Changes}");
                DELETE FROM "EnterpriseTags" t USING "{Changes}" c WHERE c."Field" = 'Tags' AND t."EnterpriseId" = c."EnterpriseId";
                INSERT INTO "EnterpriseTags" ("EnterpriseId", "Tag")
                SELECT c."EnterpriseId", unnest(string_to_array(s."Tags", ';')) FROM "{Changes}" c JOIN "{Staged}" s ON s."Line" = c."Line"
                WHERE c."Field" = 'Tags';
                """, ct, ("@now", now), ("@actor", actor), ("@source", source));
        }
        var created = Convert.ToInt32(await ScalarAsync($"""
            WITH created AS (
                INSERT INTO "Enterprises" ({Columns(Stored)}, "IsDemo", "CreatedAtUtc", "UpdatedAtUtc")
                SELECT {Columns(Stored, "s.")}, false, @now, @now FROM "{Staged}" s
                WHERE NOT EXISTS (SELECT 1 FROM "Enterprises" e WHERE e."Uscc" = s."Uscc")
                ORDER BY s."Line"
                RETURNING "Id", "Uscc"),
            tags AS (
                INSERT INTO "EnterpriseTags" ("EnterpriseId", "Tag")
                SELECT c."Id", unnest(string_to_array(s."Tags", ';')) FROM created c JOIN "{Staged}" s ON s."Uscc" = c."Uscc")
            SELECT count(*) FROM created
            """, ct, ("@now", now)), System.Globalization.CultureInfo.InvariantCulture);
        return (created, updated);
    }

    /// <summary>
    /// One row per changed field of each existing enterprise, compared as <see cref="Enterprise.Update"/> compares
    /// (its snapshot texts: labels for status and yes/no, '' for null, tags joined in order); columns in
    /// <paramref name="kept"/> keep their stored value.
    /// </summary>
    static string ChangesSql(IReadOnlySet<string> kept)
    {
        string Plain(string table, string column) => $"{(kept.Contains(column) ? "e" : table)}.\"{column}\"";
        string Text(string table, string column) => $"coalesce({Plain(table, column)}, '')";
        string YesNo(string table, string column) => $"CASE WHEN {table}.\"{column}\" THEN '是' ELSE '否' END";
        string Status(string table, string column) =>
            $"CASE {table}.\"{column}\" {string.Join(" ", Enum.GetValues<EnterpriseStatus>().Select(s => $"WHEN '{s}' THEN '{EnterpriseLabels.Of(s)}'"))} END";
        (string Field, Func<string, string, string> Value)[] fields =
        [
            ("Name", Plain), ("RegionCode", Plain), ("Address", Plain), ("Tags", Plain), ("RiskClass", Plain), ("AbnormalList", YesNo),
            ("SeriousViolation", YesNo), ("Status", Status), ("ContactName", Text), ("ContactPhone", Text), ("LegalRepresentative", Text),
            ("LegacyRegistrationNo", Text),
        ];
        string Old(int i) => fields[i].Field == "Tags" ? "o.\"Tags\"" : fields[i].Value("e", fields[i].Field);
        string New(int i) => fields[i].Value("s", fields[i].Field);
        var all = Enumerable.Range(0, fields.Length).ToList();
        return $"""
            CREATE TEMPORARY TABLE "{Changes}" ON COMMIT DROP AS
            SELECT d."EnterpriseId", d."Line", f."Ord", f."Field", f."Old", f."New"
            FROM (
                SELECT e."Id" AS "EnterpriseId", s."Line", {string.Join(", ", all.Select(i => $"{Old(i)} AS \"o{i}\", {New(i)} AS \"n{i}\""))}
                FROM "{Staged}" s
                JOIN "Enterprises" e ON e."Uscc" = s."Uscc"
                CROSS JOIN LATERAL (SELECT coalesce(string_agg(t."Tag", ';' ORDER BY t."Tag" COLLATE "C"), '') AS "Tags"
                    FROM "EnterpriseTags" t WHERE t."EnterpriseId" = e."Id") o
                WHERE ({string.Join(", ", all.Select(Old))}) <> ({string.Join(", ", all.Select(New))})
            ) d
            CROSS JOIN LATERAL (VALUES {string.Join(", ", all.Select(i => $"({i}, '{fields[i].Field}', d.\"o{i}\", d.\"n{i}\")"))}) f("Ord", "Field", "Old", "New")
            WHERE f."Old" <> f."New"
            """;
    }

    static string Columns(IEnumerable<string> columns, string prefix = "") => string.Join(", ", columns.Select(c => $"{prefix}\"{c}\""));

    async Task<object?> ScalarAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = Unbounded(Sql.Command(_connection, _transaction, sql, parameters));
        return await command.ExecuteScalarAsync(ct);
    }

    Task ExecuteAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters) =>
        ExecuteAsync(_connection, _transaction, sql, ct, parameters);

    static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = Unbounded(Sql.Command(connection, transaction, sql, parameters));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One statement covers the whole file, so it may run longer than the default 30 s; the caller's token still cancels it.</summary>
    static DbCommand Unbounded(DbCommand command)
    {
        command.CommandTimeout = 0;
        return command;
    }

    public ValueTask DisposeAsync() => _rows.DisposeAsync();
}
