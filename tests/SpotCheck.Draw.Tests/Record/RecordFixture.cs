using System.Text;
using System.Text.Json.Nodes;
using SpotCheck.Draw.Assignment;
using SpotCheck.Draw.Audit;
using SpotCheck.Draw.Record;
using SpotCheck.Draw.Selection;

namespace SpotCheck.Draw.Tests.Record;

/// <summary>A valid two-party record with dice, strata, weights, exclusions, a substitution and its ceremony log (seq 10…).</summary>
public static class RecordFixture
{
    public const string DrawId = "XP-2026-REC-001";
    public const string Source = "dice: ceremony 2026-03-05 10:00 CST, 20 ten-sided dice";
    public const string Dice = "dice:27182818284590452353";
    public static readonly DateTimeOffset T0 = new(2026, 3, 5, 1, 30, 0, TimeSpan.Zero);
    public static readonly string OrganizerSecret = DrawHash.Sha256Hex("organizer");
    public static readonly string WitnessSecret = DrawHash.Sha256Hex("witness");

    public static DrawDefinition Definition()
    {
        var frame = Enumerable.Range(1, 40).Select(i => new PopulationEntry($"91411721XP{i:D8}", i % 3 == 0 ? "D" : "A", i % 5 == 0 ? 3 : 1)).ToList();
        var end = new DateOnly(2026, 12, 31);
        var inspectors = Enumerable.Range(1, 8).Select(i => new Inspector($"XP-OFF-{i:D2}", i % 2 == 0 ? "XPKGJ" : "XPSJJ", i != 3, end.AddDays(i == 4 ? -1 : 300), 0, 2)).ToList();
        return new DrawDefinition(DrawId, new DateOnly(2026, 3, 5), end,
            new SelectionParams(SelectionMode.Stratified, RatioPpm: new Dictionary<string, long> { ["A"] = 100000, ["D"] = 200000 }),
            365, 2, ["XPSJJ", "XPKGJ"], new Dictionary<string, long> { ["严重违法失信"] = 3, ["其他"] = 1 }, frame,
            [new ExcludedEntry("91411721XP00000099", "XP-2025-001", "2025-06-01"), new ExcludedEntry("91411721XP00000098", "INELIGIBLE:DEREGISTERED", "-")],
            inspectors, [("XP-OFF-01", "91411721XP00000003")], new Dictionary<string, IReadOnlyList<string>> { ["91411721XP00000006"] = ["XP-OFF-02"] });
    }

    public static JsonObject Build(IReadOnlySet<string>? privateFiles = null, string publicRandomness = Dice, string? source = Source)
    {
        var b = new DrawRecordBuilder(Definition());
        b.Commit("organizer", DrawHash.Commitment(DrawId, "organizer", OrganizerSecret), T0)
            .Commit("witness", DrawHash.Commitment(DrawId, "witness", WitnessSecret), T0.AddMinutes(1));
        if (source is not null) b.DeclareRandomness(source);
        if (publicRandomness.Length > 0) b.PublicRandomness(publicRandomness, T0.AddMinutes(30));
        b.Reveal("witness", WitnessSecret).Reveal("organizer", OrganizerSecret);
        b.ComputeSeed();
        b.Select();
        b.Assign();
        b.Substitute(b.Selection.Selected[0].Id, "INVALID:DEREGISTERED_BEFORE_AS_OF");
        b.LogCeremony(10, T0.AddMinutes(40), "organizer", new string('1', 64));
        return b.Build("spotcheck 0.1.0", privateFiles ?? new HashSet<string>());
    }

    /// <summary>The record as published: conflicts.tsv and previous_teams.tsv as hashes only.</summary>
    public static JsonObject BuildPublic() => Build(new HashSet<string> { SnapshotFiles.Conflicts, SnapshotFiles.PreviousTeams });

    public static RecordVerification Verify(JsonObject record) => DrawRecordVerifier.Verify(Encoding.UTF8.GetBytes(record.ToJsonString()));

    public static string? Discrepancy(JsonObject record) => Verify(record).Discrepancy;

    public static string? Discrepancy(string json) => DrawRecordVerifier.Verify(Encoding.UTF8.GetBytes(json)).Discrepancy;

    /// <summary>Index of the first log entry of <paramref name="type"/>.</summary>
    public static int IndexOf(JsonObject record, string type) =>
        record["log"]!.AsArray().Select((e, i) => (e, i)).First(x => x.e!["type"]!.GetValue<string>() == type).i;

    /// <summary>
    /// Re-seals an edited log as the platform would have written it: consecutive seqs from the first entry's, each entry
    /// chained to the one before and hashed, so only the edit itself is left to find.
    /// </summary>
    public static void Reseal(JsonObject record)
    {
        var log = record["log"]!.AsArray();
        var first = log[0]!["seq"]!.GetValue<long>();
        var prev = log[0]!["prev"]!.GetValue<string>();
        for (var i = 0; i < log.Count; i++)
        {
            var o = log[i]!.AsObject();
            var entry = LogChain.Create(first + i, DateTimeOffset.Parse(o["ts"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
                o["type"]!.GetValue<string>(), o["drawId"]?.GetValue<string>(), o["actor"]!.GetValue<string>(), o["payload"]!.AsObject(), prev);
            log[i] = entry.ToJson();
            prev = entry.Hash;
        }
    }

    /// <summary>Inserts a copy of log entry <paramref name="from"/> at <paramref name="at"/> and reseals the log.</summary>
    public static void DuplicateLogEntry(JsonObject record, int from, int at)
    {
        var log = record["log"]!.AsArray();
        log.Insert(at, log[from]!.DeepClone());
        Reseal(record);
    }
}
