using Microsoft.EntityFrameworkCore;

namespace SpotCheck.Core.Enterprises;

/// <summary>The region codes the directory uses.</summary>
public static class DirectoryRegions
{
    /// <summary>
    /// Every distinct code, found by hopping along the region index (the next code above the last one found) rather
    /// than reading a million index entries: as many index seeks as there are distinct codes. Same SQL on both providers.
    /// </summary>
    public static Task<List<string>> ListAsync(Data.AppDbContext db, CancellationToken ct) =>
        db.Database.SqlQueryRaw<string>("""
            WITH RECURSIVE r(c) AS (
                SELECT MIN("RegionCode") FROM "Enterprises"
                UNION ALL
                SELECT (SELECT MIN("RegionCode") FROM "Enterprises" WHERE "RegionCode" > r.c) FROM r WHERE r.c IS NOT NULL)
            SELECT c AS "Value" FROM r WHERE c IS NOT NULL
            """).ToListAsync(ct);
}
