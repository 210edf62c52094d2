using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace SpotCheck.Core.Data;

/// <summary>
/// A provider's fast way to load many rows into one table (PostgreSQL: binary COPY). Core references no provider,
/// so the provider's assembly plugs one into the context options with <see cref="BulkCopyExtension.Use"/>.
/// </summary>
public interface IBulkCopy
{
    /// <summary>Starts loading rows into <paramref name="table"/> on the open connection, inside its current transaction.</summary>
    Task<IBulkRowWriter> BeginAsync(DbConnection connection, string table, IReadOnlyList<string> columns, CancellationToken ct);
}

/// <summary>Takes rows (values in column order: string, bool, int, long, DateTime, DateOnly or null); disposing before <see cref="CompleteAsync"/> cancels the load.</summary>
public interface IBulkRowWriter : IAsyncDisposable
{
    Task WriteRowAsync(IReadOnlyList<object?> values, CancellationToken ct);

    Task CompleteAsync(CancellationToken ct);
}

/// <summary>Carries an <see cref="IBulkCopy"/> in the context options.</summary>
public sealed class BulkCopyExtension(IBulkCopy copy) : IDbContextOptionsExtension
{
    public IBulkCopy Copy { get; } = copy;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder builder, IBulkCopy copy)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new BulkCopyExtension(copy));
        return builder;
    }

    /// <summary>The context's bulk copy, or null when its provider plugged none in.</summary>
    public static IBulkCopy? Of(AppDbContext db) => db.GetService<IDbContextOptions>().FindExtension<BulkCopyExtension>()?.Copy;

    public void ApplyServices(IServiceCollection services) { }

    public void Validate(IDbContextOptions options) { }

    sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) { }
    }
}
