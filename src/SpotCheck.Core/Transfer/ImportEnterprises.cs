using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Enterprises;

namespace SpotCheck.Core.Transfer;

/// <summary>
/// Imports the enterprise directory from one file, all or nothing: rows are validated in one streaming pass and new
/// enterprises inserted through prepared commands inside one transaction; any row error rolls everything back.
/// An existing USCC updates that enterprise with history. One audit entry records the counts and the file hash.
/// </summary>
public static class ImportEnterprises
{
    const int UpdateBatch = 500;

    /// <summary>About 50,000 rows: from here on rebuilding the secondary indexes once beats maintaining them.</summary>
    const long BulkFileBytes = 10_000_000;

    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public async Task<ImportResult> HandleAsync(string path, string actor, CancellationToken ct = default)
        {
            var format = TabularFile.FormatOf(path);
            if (!format.IsSuccess) return ImportResult.Failed([new RowError(1, "file", format.Error!.Message)], 1, "");
            var sha = await Sha256Async(path, ct);
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return await HandleAsync(stream, format.Value, sha, actor, ct);
        }

        public async Task<ImportResult> HandleAsync(Stream stream, TabularFormat format, string fileSha256, string actor, CancellationToken ct = default)
        {
            var errors = new RowErrors();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var updates = new List<EnterpriseData>();
            var now = clock.GetUtcNow().UtcDateTime;
            var created = 0;

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await using var writer = await EnterpriseBulkWriter.CreateAsync(db, tx, now, stream.CanSeek && stream.Length > BulkFileBytes, ct);
            foreach (var row in TabularFile.ReadRows(stream, format, EnterpriseLayout.Headers, errors))
            {
                ct.ThrowIfCancellationRequested();
                if (row.IsEmpty) continue;
                var data = EnterpriseLayout.Parse(row, errors, code =>
                {
                    if (seen.TryGetValue(code, out var firstRow)) return $"统一社会信用代码与第{firstRow}行重复";
                    seen[code] = row.Number;
                    return null;
                });
                if (data is null) continue;
                if (errors.Count > 0) continue; // keep validating, stop writing: nothing will be kept
                if (await writer.ExistsAsync(data.Uscc, ct)) updates.Add(data);
                else
                {
                    await writer.InsertAsync(data, ct);
                    created++;
                }
            }
            if (errors.Count > 0)
            {
                await tx.RollbackAsync(ct);
                return ImportResult.Failed(errors.Listed, errors.Count, fileSha256);
            }

            await writer.FinishAsync(ct);
            var updated = await ApplyUpdatesAsync(updates, actor, $"import:{fileSha256[..Math.Min(16, fileSha256.Length)]}", now, ct);
            await audit.AppendAsync(new AuditEvent("ENTERPRISE_IMPORTED", actor, new JsonObject
            {
                ["fileSha256"] = fileSha256,
                ["format"] = format.ToString().ToLowerInvariant(),
                ["rows"] = created + updates.Count,
                ["created"] = created,
                ["updated"] = updated,
                ["unchanged"] = updates.Count - updated,
            }), ct);
            await tx.CommitAsync(ct);
            return new ImportResult(created + updates.Count, created, updated, [], 0, fileSha256);
        }

        async Task<int> ApplyUpdatesAsync(List<EnterpriseData> updates, string actor, string source, DateTime now, CancellationToken ct)
        {
            var changed = 0;
            foreach (var batch in updates.Chunk(UpdateBatch))
            {
                var codes = batch.Select(d => d.Uscc).ToList();
                var existing = await db.Enterprises.Include(e => e.Tags).Where(e => codes.Contains(e.Uscc)).ToDictionaryAsync(e => e.Uscc, ct);
                foreach (var data in batch)
                {
                    if (existing[data.Uscc].Update(data, actor, source, now).Count > 0) changed++;
                }
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            return changed;
        }
    }

    public static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
    }
}
