using SpotCheck.Core.Data;

namespace SpotCheck.Hosting;

/// <summary>One place that brings a database up to date, for the web host and for CLI commands.</summary>
public static class DatabaseSetup
{
    public static Task InitializeAsync(AppDbContext db, CancellationToken ct) => DatabaseInitializer.InitializeAsync(db, ct);
}
