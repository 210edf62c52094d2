using System.Text;
using System.Text.Json.Nodes;
using SpotCheck.Draw.Assignment;
using SpotCheck.Draw.Audit;
using SpotCheck.Draw.Record;
using SpotCheck.Draw.Selection;

namespace SpotCheck.Draw.Tests.Record;

public sealed class DrawRecordTests
{
    const string DrawId = "XP-2026-REC-001";
    static readonly DateTimeOffset T0 = new(2026, 3, 5, 1, 30, 0, TimeSpan.Zero);
    static readonly string OrganizerSecret = DrawHash.Sha256Hex("organizer");
    static readonly string WitnessSecret = DrawHash.Sha256Hex("witness");

    static DrawDefinition Definition()
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

    static JsonObject Build(IReadOnlySet<string>? privateFiles = null, string publicRandomness = "dice:27182818284590452353")
    {
        var b = new DrawRecordBuilder(Definition());
        b.Commit("organizer", DrawHash.Commitment(DrawId, "organizer", OrganizerSecret), T0)
            .Commit("witness", DrawHash.Commitment(DrawId, "witness", WitnessSecret), T0.AddMinutes(1))
            .DeclareRandomness("dice ceremony 2026-03-05 10:00 CST, 20 ten-sided dice")
            .PublicRandomness(publicRandomness, T0.AddMinutes(30))
            .Reveal("witness", WitnessSecret).Reveal("organizer", OrganizerSecret);
        b.ComputeSeed();
        b.Select();
        b.Assign();
        b.Substitute(b.Selection.Selected[0].Id, "INVALID:DEREGISTERED_BEFORE_AS_OF");
        var log = new List<LogEntry>();
        var prev = new string('1', 64);
        foreach (var (type, payload) in new[] { ("INPUTS_FROZEN", new JsonObject { ["inputsHash"] = b.InputsHash }), ("DRAW_RESULT", new JsonObject { ["seed"] = b.Seed, ["selected"] = b.Selection.Selected.Count }) })
        {
            var e = LogChain.Create(10 + log.Count, T0.AddMinutes(40 + log.Count), type, DrawId, "organizer", payload, prev);
            log.Add(e);
            prev = e.Hash;
        }
        b.Log(log);
        return b.Build("spotcheck 0.1.0", privateFiles ?? new HashSet<string>());
    }

    static RecordVerification Verify(JsonObject record) => DrawRecordVerifier.Verify(Encoding.UTF8.GetBytes(record.ToJsonString()));

    [Fact]
    public void Built_record_verifies()
    {
        var record = Build();
        var result = Verify(record);
        Assert.Null(result.Discrepancy);
        Assert.Equal($"OK drawId={DrawId} selected={record["selected"]!.AsArray().Count} teams={record["teams"]!.AsArray().Count}", result.Summary);
        Assert.Equal("PUBLIC_RANDOMNESS", record["trust"]!.GetValue<string>());
        Assert.NotEmpty(record["substitutions"]!.AsArray());
    }

    [Fact]
    public void Record_with_private_files_as_hashes_only_still_verifies_selection_and_team_tickets()
    {
        var record = Build(new HashSet<string> { SnapshotFiles.Conflicts, SnapshotFiles.PreviousTeams });
        Assert.Null(record["snapshot"]![SnapshotFiles.Conflicts]);
        Assert.Null(Verify(record).Discrepancy);
        record["teams"]![0]!["tickets"]![1] = new string('0', 64);
        Assert.StartsWith("teams[0].tickets[1]: expected ", Verify(record).Discrepancy);
    }

    [Fact]
    public void Changed_id_is_reported_at_its_row()
    {
        var record = Build();
        var expected = record["selected"]![3]!["id"]!.GetValue<string>();
        record["selected"]![3]!["id"] = "91411721XP99999999";
        Assert.Equal($"selected[3].id: expected {expected}, got 91411721XP99999999", Verify(record).Discrepancy);
    }

    [Fact]
    public void Changed_secret_is_reported_against_its_commitment()
    {
        var record = Build();
        record["secrets"]![1]!["secret"] = new string('a', 64);
        Assert.Equal("commitment of party witness does not match revealed secret", Verify(record).Discrepancy);
    }

    [Fact]
    public void Changed_ticket_is_reported()
    {
        var record = Build();
        record["selected"]![0]!["ticket"] = new string('0', 64);
        Assert.StartsWith("selected[0].ticket: expected ", Verify(record).Discrepancy);
    }

    [Fact]
    public void Changed_snapshot_file_breaks_its_hash()
    {
        var record = Build();
        record["snapshot"]![SnapshotFiles.Population] = record["snapshot"]![SnapshotFiles.Population]!.GetValue<string>().Replace("\t3\n", "\t1\n");
        Assert.StartsWith("inputs.populationHash (hash of population.tsv): expected ", Verify(record).Discrepancy);
    }

    [Fact]
    public void Changed_log_entry_is_reported_with_its_seq()
    {
        var record = Build();
        record["log"]![1]!["payload"]!["selected"] = 99;
        Assert.StartsWith("log[1].hash (seq 11): expected ", Verify(record).Discrepancy);
    }

    [Fact]
    public void Changed_team_is_reported()
    {
        var record = Build();
        var team = record["teams"]![0]!["team"]!.AsArray();
        var original = team[0]!.GetValue<string>();
        team[0] = "XP-OFF-99";
        Assert.Equal($"teams[0].team[0]: expected {original}, got XP-OFF-99", Verify(record).Discrepancy);
    }

    [Fact]
    public void Changed_substitute_and_seed_are_reported()
    {
        var record = Build();
        record["substitutions"]![0]!["substitute"] = "X";
        Assert.StartsWith("substitutions[0].substitute: expected ", Verify(record).Discrepancy);
        record = Build();
        record["publicRandomness"] = "dice:27182818284590452354";
        Assert.StartsWith("seed: expected ", Verify(record).Discrepancy);
    }

    [Fact]
    public void Draw_without_public_randomness_is_labelled()
    {
        var record = Build(publicRandomness: "");
        Assert.Equal(DrawRecordRules.TrustIndependentParty, record["trust"]!.GetValue<string>());
        Assert.Null(Verify(record).Discrepancy);
    }

    [Fact]
    public void Wrong_secret_is_refused_at_reveal() =>
        Assert.Equal("commitment of party organizer does not match revealed secret",
            Assert.Throws<DrawInputException>(() => new DrawRecordBuilder(Definition())
                .Commit("organizer", DrawHash.Commitment(DrawId, "organizer", OrganizerSecret), T0)
                .Reveal("organizer", WitnessSecret)).Message);

    [Fact]
    public void Malformed_record_is_reported_not_thrown() =>
        Assert.StartsWith("record: malformed JSON", DrawRecordVerifier.Verify("{"u8.ToArray()).Discrepancy);
}
