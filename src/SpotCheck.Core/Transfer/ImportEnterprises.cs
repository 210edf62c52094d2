using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Enterprises;

namespace SpotCheck.Core.Transfer;

/// <summary>
/// Imports the enterprise directory from one file, all or nothing: rows are validated in one streaming pass inside one
/// transaction; any row error rolls everything back. An existing USCC updates that enterprise with history. One audit
/// entry records the counts and the file hash. SQLite inserts new enterprises through prepared commands and updates
/// through the entity; PostgreSQL copies every row into a staging table and merges it set-based (<see cref="EnterpriseStaging"/>).
/// </summary>
public static class ImportEnterprises
{
    const int UpdateBatch = 2_000;

    /// <summary>About 50,000 rows: from here on rebuilding the secondary indexes once beats maintaining them.</summary>
    const long BulkFileBytes = 10_000_000;

    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public async Task<ImportResult> HandleAsync(Stream stream, TabularFormat format, string fileSha256, string actor, CancellationToken ct = default)
        {
            var errors = new ImportReport();
            IReadOnlyList<bool>? present = null;
            HashSet<string>? overridden = null;
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var pendingUpdates = new List<EnterpriseData>(UpdateBatch);
            var now = clock.GetUtcNow().UtcDateTime;
            var source = $"import:{fileSha256[..Math.Min(16, fileSha256.Length)]}";
            int created = 0, existing = 0, updated = 0;

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var copy = DatabaseProvider.Of(db) == DatabaseProvider.Sqlite ? null
                : BulkCopyExtension.Of(db) ?? throw new InvalidOperationException("PostgreSQL import needs the bulk copy of PostgresDatabase.Configure");
            if (copy is not null) overridden = Overridden(); // the connection is busy copying from here on
            // Disposed in reverse: a cancelled copy, then the transaction, which rolls back unless committed.
            await using var staging = copy is null ? null : await EnterpriseStaging.CreateAsync(db, tx, copy, ct);
            await using var writer = copy is null ? await EnterpriseBulkWriter.CreateAsync(db, tx, now, stream.CanSeek && stream.Length > BulkFileBytes, ct) : null;
            foreach (var row in TabularFile.ReadRows(stream, format, EnterpriseLayout.Layout, errors))
            {
                ct.ThrowIfCancellationRequested();
                if (row.IsEmpty) continue;
                present ??= row.Present;
                var data = EnterpriseLayout.Parse(row, errors, code =>
                {
                    if (seen.TryGetValue(code, out var firstRow)) return $"统一社会信用代码与第{firstRow}行重复";
                    seen[code] = row.Number;
                    return null;
                }, code => (overridden ??= Overridden()).Contains(code));
                if (data is null || errors.Count > 0) continue; // keep validating, stop writing: nothing will be kept
                if (staging is not null) await staging.AddAsync(row.Number, data, ct);
                else if (await writer!.ExistsAsync(data.Uscc, ct))
                {
                    existing++;
                    pendingUpdates.Add(data);
                    if (pendingUpdates.Count == UpdateBatch) updated += await ApplyUpdatesAsync(pendingUpdates, present, actor, source, now, ct);
                }
                else
                {
                    await writer!.InsertAsync(data, ct);
                    created++;
                }
            }
            if (errors.Count > 0) return ImportResult.Failed(errors, fileSha256);

            if (staging is not null)
            {
                (created, updated) = await staging.MergeAsync(present, actor, source, now, ct);
                existing = staging.Count - created;
            }
            else
            {
                updated += await ApplyUpdatesAsync(pendingUpdates, present, actor, source, now, ct);
                await writer!.FinishAsync(ct);
            }
            await audit.AppendAsync(new AuditEvent("ENTERPRISE_IMPORTED", actor, new JsonObject
            {
                ["fileSha256"] = fileSha256,
                ["format"] = format.ToString().ToLowerInvariant(),
                ["rows"] = created + existing,
                ["created"] = created,
                ["updated"] = updated,
                ["unchanged"] = existing - updated,
            }), ct);
            await tx.CommitAsync(ct);
            return ImportResult.Succeeded(errors, created + existing, created, updated, fileSha256);
        }

        HashSet<string> Overridden() => [.. db.Enterprises.Where(e => e.UsccOverrideReason != null).Select(e => e.Uscc)];

        /// <summary>
        /// Existing USCCs go through the entity (field history), a batch at a time, inside the import transaction;
        /// fields whose column the file lacks keep their stored values.
        /// </summary>
        async Task<int> ApplyUpdatesAsync(List<EnterpriseData> batch, IReadOnlyList<bool>? present, string actor, string source, DateTime now, CancellationToken ct)
        {
            if (batch.Count == 0) return 0;
            // Most rows of a re-import are unchanged: they are compared with the stored values read without tracking,
            // and only the others are loaded as entities (about ten times the cost) to record their history.
            var all = batch.Select(d => d.Uscc).ToList();
            var values = await db.Enterprises.AsNoTracking().Where(e => EF.Parameter(all).Contains(e.Uscc)).Select(e => new EnterpriseData(
                e.Name, e.Uscc, e.RegionCode, e.Address, e.Tags.Select(t => t.Tag).ToList(), e.RiskClass, e.AbnormalList, e.SeriousViolation,
                e.Status, e.ContactName, e.ContactPhone, e.LegalRepresentative, e.LegacyRegistrationNo)).ToDictionaryAsync(d => d.Uscc, StringComparer.Ordinal, ct);
            batch.RemoveAll(d => Enterprise.WouldNotChange(values[d.Uscc], EnterpriseLayout.KeepStoredWhereAbsent(d, present!, values[d.Uscc])));
            if (batch.Count == 0) return 0;
            var codes = batch.Select(d => d.Uscc).ToList();
            var stored = await db.Enterprises.Include(e => e.Tags).Where(e => codes.Contains(e.Uscc)).ToDictionaryAsync(e => e.Uscc, ct);
            var changed = batch.Count(data =>
            {
                var enterprise = stored[data.Uscc];
                return enterprise.Update(EnterpriseLayout.KeepStoredWhereAbsent(data, present!, enterprise), actor, source, now).Count > 0;
            });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            batch.Clear();
            return changed;
        }
    }
    public static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
    }
}
