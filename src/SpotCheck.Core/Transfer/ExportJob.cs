using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpotCheck.Core.Transfer;

public enum ExportState { Running, Done, Failed, Cancelled }

/// <summary>
/// A list being written to a file in the background, kept in the database so that every instance behind a load
/// balancer shows its progress, offers its file and can cancel it; the instance writing it records its rows and a
/// heartbeat about once a second, and stops when a cancel is recorded. One running export per user (a unique index).
/// </summary>
public sealed class ExportJob
{
    ExportJob() { }

    public ExportJob(string id, string owner, ListKind kind, TabularFormat format, DateTime startedAtUtc)
    {
        Id = id;
        Owner = owner;
        Kind = kind;
        Format = format;
        StartedAtUtc = startedAtUtc;
        HeartbeatAtUtc = startedAtUtc;
    }

    /// <summary>128 random bits in hex: also the file's name, so the id is never guessable.</summary>
    public string Id { get; private set; } = "";
    public string Owner { get; private set; } = "";
    public ListKind Kind { get; private set; }
    public TabularFormat Format { get; private set; }
    public ExportState State { get; private set; }
    public int Rows { get; private set; }
    /// <summary>Rows the list held when the export started (0 until counted).</summary>
    public int Total { get; private set; }
    public DateTime StartedAtUtc { get; private set; }
    /// <summary>Last sign of life from the writing instance: a running job silent for long was lost with its instance.</summary>
    public DateTime HeartbeatAtUtc { get; private set; }
    public DateTime? EndedAtUtc { get; private set; }
    public bool CancelRequested { get; private set; }

    /// <summary>Whole percent written, at most 99 until the file is complete.</summary>
    public int Percent => State == ExportState.Done ? 100 : Total <= 0 ? 0 : (int)Math.Min(99, 100L * Rows / Total);
}

sealed class ExportJobConfiguration : IEntityTypeConfiguration<ExportJob>
{
    public void Configure(EntityTypeBuilder<ExportJob> b)
    {
        b.ToTable("ExportJobs");
        b.HasKey(j => j.Id);
        b.Property(j => j.Id).HasMaxLength(32).IsFixedLength();
        b.Property(j => j.Owner).HasMaxLength(256).IsRequired();
        b.Ignore(j => j.Percent);
        // One running export per user, whichever instance is asked to start a second one.
        b.HasIndex(j => j.Owner).IsUnique().HasFilter($"\"State\" = {(int)ExportState.Running}").HasDatabaseName("IX_ExportJobs_Owner_Running");
        b.HasIndex(j => j.EndedAtUtc);
    }
}
