using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpotCheck.Core.KeyRing;

namespace SpotCheck.Core.KeyRing
{
    /// <summary>
    /// One XML element of the ASP.NET Core Data Protection key ring, kept in the database so that every instance signs
    /// and reads the same cookies and antiforgery tokens. The XML is encrypted when a key-ring certificate is configured.
    /// </summary>
    public sealed class KeyRingEntry
    {
        public int Id { get; init; }
        public required string FriendlyName { get; init; }
        public required string Xml { get; init; }
    }

    sealed class KeyRingEntryConfiguration : IEntityTypeConfiguration<KeyRingEntry>
    {
        public void Configure(EntityTypeBuilder<KeyRingEntry> b)
        {
            b.ToTable("DataProtectionKeys");
            b.Property(k => k.FriendlyName).HasMaxLength(256);
            b.HasIndex(k => k.FriendlyName).IsUnique();
        }
    }
}

namespace SpotCheck.Core.Data
{
    public sealed partial class AppDbContext
    {
        /// <summary>Data Protection keys; written only by the host's key repository.</summary>
        public DbSet<KeyRingEntry> KeyRing => Set<KeyRingEntry>();
    }
}
