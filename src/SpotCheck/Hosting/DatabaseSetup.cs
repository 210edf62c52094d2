using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;

namespace SpotCheck.Hosting;

/// <summary>One place that brings a database up to date, for the web host and for CLI commands.</summary>
public static class DatabaseSetup
{
    /// <summary>
    /// Migrates (unless <paramref name="migrate"/> is false: production runs <c>spotcheck db migrate</c> instead and a
    /// schema that is behind stops the start), then verifies the audit chain since its last checkpoint.
    /// </summary>
    public static async Task InitializeAsync(AppDbContext db, CancellationToken ct, bool migrate = true, TimeProvider? clock = null)
    {
        if (migrate)
        {
            await DatabaseInitializer.InitializeAsync(db, ct, clock);
            return;
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0) throw new SchemaBehindException(pending);
        await AuditChainVerifier.EnsureIntactAsync(db, clock ?? TimeProvider.System, ct);
    }

    /// <summary><c>spotcheck db migrate</c>: the pending migrations and the audit triggers, nothing else.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(AppDbContext db, CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await DatabaseInitializer.PrepareSchemaAsync(db, ct);
        return pending;
    }
}

/// <summary>SpotCheck:MigrateAtStart=false and the database lacks migrations this version needs.</summary>
public sealed class SchemaBehindException(IReadOnlyList<string> pending) : Exception(
    $"数据库结构落后于本版本（缺少 {pending.Count} 个迁移：{string.Join(", ", pending)}），且已设置 SpotCheck:MigrateAtStart=false：" +
    "请先运行 spotcheck db migrate --db CONN（或 --data-dir D）再启动")
{
    public IReadOnlyList<string> Pending { get; } = pending;
}
