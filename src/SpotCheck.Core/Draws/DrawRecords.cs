using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Draw.Record;

namespace SpotCheck.Core.Draws;

/// <summary>Replays a stored draw through <see cref="DrawRecordBuilder"/>: the published record (docs/draw-record.md).</summary>
public static class DrawRecords
{
    /// <summary>conflicts.tsv and previous_teams.tsv are published as hashes only (draw-spec §5.6).</summary>
    public static readonly IReadOnlySet<string> PrivateFiles = new HashSet<string>(StringComparer.Ordinal) { SnapshotFiles.Conflicts, SnapshotFiles.PreviousTeams };

    public static string SoftwareVersion { get; } = "spotcheck " +
        (typeof(DrawRecords).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0");

    /// <summary>The builder after commit, declaration, public randomness and reveal (everything the session holds).</summary>
    public static DrawRecordBuilder Replay(DrawSession d)
    {
        d.Snapshot?.UnpackAll();
        var builder = new DrawRecordBuilder(StoredDefinition.Of(d), StoredDefinition.Texts(d));
        if (builder.InputsHash != d.InputsHash) throw new InvalidOperationException($"draw {d.DrawId}: stored inputs no longer match inputsHash");
        foreach (var party in DrawSession.Parties)
            if (d.CommitmentOf(party) is { } c) builder.Commit(party, c, new DateTimeOffset(d.CommittedAtOf(party)!.Value, TimeSpan.Zero));
        builder.DeclareRandomness(d.RandomnessSource);
        if (d.PublicRandomness is { } r) builder.PublicRandomness(r, new DateTimeOffset(d.PublicRandomnessAtUtc!.Value, TimeSpan.Zero));
        foreach (var party in DrawSession.Parties)
            if (d.SecretOf(party) is { } s) builder.Reveal(party, s);
        return builder;
    }

    public sealed class Handler(AppDbContext db)
    {
        /// <summary>The record of a finished draw with its frame-error substitutions, and the draw's audit entries as its log.</summary>
        public async Task<Result<JsonObject>> HandleAsync(string drawId, bool includePrivateFiles, CancellationToken ct = default)
        {
            var d = await db.DrawSessions.AsNoTracking().SingleOrDefaultAsync(x => x.DrawId == drawId, ct);
            if (d is null) return new Error("draw.not_found", "抽取不存在", Kind: ErrorKind.NotFound);
            if (d.Status is not (DrawStatus.Drawn or DrawStatus.Partial))
                return new Error("draw.not_finished", "抽取尚未完成，没有可公示的记录", Kind: ErrorKind.Conflict);
            var builder = Replay(d);
            builder.ComputeSeed();
            builder.Select();
            builder.Assign();
            var entries = await db.AuditEntries.AsNoTracking().Where(e => e.DrawId == drawId).OrderBy(e => e.Seq).ToListAsync(ct);
            DrawSubstitutions.Replay(builder, entries);
            builder.Log(entries.Select(e => e.ToLogEntry()));
            var built = builder.Build(SoftwareVersion, includePrivateFiles ? new HashSet<string>() : PrivateFiles);
            return JsonNode.Parse(built.ToJsonString())!.AsObject(); // the record exactly as a reader of the JSON text sees it
        }
    }
}
