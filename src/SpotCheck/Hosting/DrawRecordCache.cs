using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;

namespace SpotCheck.Hosting;

/// <summary>
/// The draw record as served: built once per state of the draw's log and kept under &lt;DataDir&gt;/records. A record
/// changes only when an entry is appended under its drawId (a substitution, an approval), so the key is that draw's
/// last audit seq; rebuilding a million-row draw takes seconds, serving the stored file does not. Files are written to a
/// temporary name and moved into place, so a crash never leaves a partial record behind.
/// </summary>
public sealed class DrawRecordCache(AppDbContext db, DrawRecords.Handler records, Storage storage)
{
    public sealed record Cached(string Path, string ETag);

    public async Task<Result<Cached>> GetAsync(string drawId, bool includePrivateFiles, CancellationToken ct)
    {
        var lastSeq = await db.AuditEntries.Where(e => e.DrawId == drawId).MaxAsync(e => (long?)e.Seq, ct) ?? 0;
        var dir = Path.Combine(storage.RecordsDir, Safe(drawId));
        var variant = includePrivateFiles ? "full" : "public";
        var current = lastSeq.ToString(CultureInfo.InvariantCulture) + "-";
        var path = Path.Combine(dir, $"{current}{variant}.json");
        if (!File.Exists(path))
        {
            var built = await records.HandleAsync(drawId, includePrivateFiles, ct);
            if (!built.IsSuccess) return built.Error!;
            Directory.CreateDirectory(dir);
            var temp = path + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) + ".tmp";
            await File.WriteAllBytesAsync(temp, System.Text.Encoding.UTF8.GetBytes(built.Value.ToJsonString()), ct);
            File.Move(temp, path, overwrite: true);
            // Records of earlier log states are never served again; temporary files may belong to a concurrent writer.
            foreach (var stale in Directory.EnumerateFiles(dir, "*.json").Where(f => !Path.GetFileName(f).StartsWith(current, StringComparison.Ordinal)))
                File.Delete(stale);
        }
        return new Cached(path, $"\"{drawId}-{lastSeq.ToString(CultureInfo.InvariantCulture)}-{variant}\"");
    }

    /// <summary>drawIds are ^[0-9A-Za-z_.-]{1,64}$ by the audit rules; anything else never reaches the disk.</summary>
    static string Safe(string drawId) =>
        drawId.Length is > 0 and <= 64 && drawId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' || c == '.') && drawId.Trim('.').Length > 0
            ? drawId
            : throw new ArgumentException("invalid drawId", nameof(drawId));
}
