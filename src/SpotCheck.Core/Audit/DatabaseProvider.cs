using SpotCheck.Core.Data;

namespace SpotCheck.Core.Audit;

/// <summary>Core sees no provider package, so provider-specific SQL is chosen by the provider's name.</summary>
enum DatabaseProvider { Sqlite, Postgres }

static class DatabaseProviderExtensions
{
    extension(DatabaseProvider)
    {
        public static DatabaseProvider Of(AppDbContext db) => db.Database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProvider.Sqlite,
            "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.Postgres,
            var other => throw new NotSupportedException($"audit log: unsupported database provider {other}"),
        };
    }
}
