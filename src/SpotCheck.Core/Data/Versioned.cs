using Microsoft.EntityFrameworkCore;

namespace SpotCheck.Core.Data;

/// <summary>
/// An aggregate that several people (or instances) may change at the same moment. <see cref="RowVersion"/> is its
/// optimistic concurrency token: every save that changes the row raises it, and an UPDATE that finds another version
/// changes nothing and fails, so exactly one of two simultaneous changes wins (see <see cref="SingleWinner"/>).
/// </summary>
public interface IVersioned
{
    int RowVersion { get; }
}

static class VersionedModel
{
    /// <summary>Every <see cref="IVersioned"/> entity's RowVersion is a concurrency token with database default 0.</summary>
    public static void ConfigureRowVersions(ModelBuilder builder)
    {
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
            builder.Entity(type.ClrType).Property(nameof(IVersioned.RowVersion)).IsConcurrencyToken().HasDefaultValue(0);
    }

    /// <summary>
    /// Raises the version of every changed aggregate once per save. An aggregate whose only change is in a child row
    /// raises its own version (e.g. <c>InspectionTask.Touch</c>), which counts as its one raise.
    /// </summary>
    public static void RaiseRowVersions(AppDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State != EntityState.Modified) continue;
            var version = entry.Property(e => e.RowVersion);
            if (version.CurrentValue == version.OriginalValue) version.CurrentValue = version.OriginalValue + 1;
        }
    }
}
