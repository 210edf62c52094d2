using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpotCheck.Core.Calendar;

sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> b)
    {
        b.Property(y => y.Status).HasMaxLength(16).IsRequired();
        b.Property(y => y.Json).IsRequired();
        b.Property(y => y.Sha256).HasMaxLength(64).IsRequired();
        b.Property(y => y.ImportedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(y => new { y.Year, y.Version }).IsUnique();
    }
}
