using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Migrations.Postgres;
using SpotCheck.Migrations.Sqlite;

namespace SpotCheck.Hosting;

/// <summary>
/// Where state lives: a data directory (SQLite database, logs, records, the anchor key), optionally PostgreSQL, and the
/// evidence root and the export folder, which several instances must share (SpotCheck:EvidenceRoot, default
/// &lt;DataDir&gt;/evidence; SpotCheck:ExportRoot, default &lt;DataDir&gt;/exports).
/// </summary>
public sealed record Storage(string DataDir, string? PostgresConnection)
{
    public const string PostgresEnvironmentVariable = "ConnectionStrings__Postgres";
    public const string EvidenceRootEnvironmentVariable = "SpotCheck__EvidenceRoot";
    public const string AnchorKeyEnvironmentVariable = "SpotCheck__AnchorKeyPath";

    public bool IsPostgres => PostgresConnection is not null;

    /// <summary>Set from SpotCheck:EvidenceRoot; null means &lt;DataDir&gt;/evidence.</summary>
    public string? EvidenceRootSetting { get; init; }

    /// <summary>Set from SpotCheck:AnchorKeyPath; null means &lt;DataDir&gt;/keys/anchor-signing.pem.</summary>
    public string? AnchorKeySetting { get; init; }

    public string EvidenceRoot => Path.GetFullPath(EvidenceRootSetting ?? Path.Combine(DataDir, "evidence"));

    /// <summary>Set from SpotCheck:ExportRoot; null means &lt;DataDir&gt;/exports.</summary>
    public string? ExportRootSetting { get; init; }

    /// <summary>The background exports' files, which several instances must share (any of them may be asked for the file).</summary>
    public string ExportRoot => Path.GetFullPath(ExportRootSetting ?? Path.Combine(DataDir, "exports"));

    public string RecordsDir => Path.Combine(DataDir, "records");

    public string AnchorKeyPath => Path.GetFullPath(AnchorKeySetting ?? Path.Combine(DataDir, "keys", "anchor-signing.pem"));

    public string SqliteFile => Path.Combine(DataDir, "spotcheck.db");

    /// <summary>
    /// Explicit options win; then the environment (ConnectionStrings__Postgres, SpotCheck__EvidenceRoot,
    /// SpotCheck__AnchorKeyPath), so CLI commands find what serve uses; then SQLite and files under ./data.
    /// </summary>
    public static Storage Resolve(string? dataDir, string? db, string? evidenceRoot = null, string? anchorKey = null)
    {
        var dir = Path.GetFullPath(string.IsNullOrWhiteSpace(dataDir) ? "data" : dataDir);
        var pg = string.IsNullOrWhiteSpace(db) ? Environment.GetEnvironmentVariable(PostgresEnvironmentVariable) : db;
        return new Storage(dir, string.IsNullOrWhiteSpace(pg) ? null : pg)
        {
            EvidenceRootSetting = Setting(evidenceRoot, EvidenceRootEnvironmentVariable),
            AnchorKeySetting = Setting(anchorKey, AnchorKeyEnvironmentVariable),
        };
    }

    static string? Setting(string? value, string environmentVariable) =>
        !string.IsNullOrWhiteSpace(value) ? value
        : Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } env ? env
        : null;

    /// <param name="backgroundCheckpoints">The server's: its <see cref="SqliteCheckpoints"/> service copies the SQLite log.</param>
    public void Configure(DbContextOptionsBuilder builder, bool backgroundCheckpoints = false)
    {
        if (PostgresConnection is { } pg) PostgresDatabase.Configure(builder, pg);
        else SqliteDatabase.Configure(builder, SqliteDatabase.ConnectionStringFor(DataDir), backgroundCheckpoints);
    }

    public DbContextOptions<AppDbContext> Options()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        Configure(builder);
        return builder.Options;
    }

    public void EnsureDataDir() => Directory.CreateDirectory(DataDir);
}
