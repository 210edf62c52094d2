using System.Text.Json.Nodes;
using SpotCheck.Draw.Record;
using static SpotCheck.Draw.Tests.Record.RecordFixture;

namespace SpotCheck.Draw.Tests.Record;

/// <summary>
/// Every field of a record that carries meaning is bound (issue 10 part 4, issue 9): one valid record, one edit per rule,
/// and the exact first-discrepancy line that <c>spotcheck draw verify</c> prints.
/// </summary>
public sealed class DrawRecordBindingTests
{
    const string OtherDice = "dice: two officers roll 20 dice on camera";

    [Fact]
    public void Status_follows_the_recomputed_assignment()
    {
        var record = Build();
        record["status"] = "PARTIAL";
        Assert.Equal("status: expected COMPLETE, got PARTIAL", Discrepancy(record));
    }

    [Fact]
    public void Status_follows_the_infeasibility_report_when_the_staffing_files_are_private()
    {
        var record = BuildPublic();
        record["status"] = "PARTIAL";
        Assert.Equal("status: expected COMPLETE, got PARTIAL", Discrepancy(record));
    }

    [Fact]
    public void Trust_label_follows_the_trust_code()
    {
        var record = Build();
        var label = record["trustLabel"]!.GetValue<string>();
        record["trustLabel"] = "公平";
        Assert.Equal($"trustLabel: expected {label}, got 公平", Discrepancy(record));
    }

    [Fact]
    public void Declared_source_must_be_of_the_kind_of_the_public_randomness()
    {
        var record = Build();
        record["randomnessSource"] = "drand: quicknet round 1000";
        Assert.Equal("randomnessSource: declares drand, but publicRandomness is dice", Discrepancy(record));
    }

    [Fact]
    public void Declared_source_must_name_its_kind()
    {
        var record = Build();
        record["randomnessSource"] = "骰子";
        Assert.Equal("randomnessSource: \"骰子\" does not start with its kinds (dice, drand or nist, joined by +)", Discrepancy(record));
    }

    [Fact]
    public void Declared_source_is_required_when_public_randomness_is_used()
    {
        var record = Build();
        record["randomnessSource"] = null;
        Assert.Equal("randomnessSource: missing (the source must be declared at freeze, draw-spec §6.3)", Discrepancy(record));
    }

    [Fact]
    public void Declared_source_without_public_randomness_is_refused()
    {
        var record = Build(publicRandomness: "", source: Source);
        Assert.Equal("randomnessSource: declared, but the draw used no public randomness", Discrepancy(record));
    }

    [Fact]
    public void Declared_source_must_match_the_freeze_entry()
    {
        var record = Build();
        record["randomnessSource"] = OtherDice;
        Assert.Equal($"randomnessSource (INPUTS_FROZEN seq 10): expected {Source}, got {OtherDice}", Discrepancy(record));
    }

    [Fact]
    public void Public_randomness_must_be_canonical()
    {
        var record = Build();
        record["publicRandomness"] = "dice:2718|x";
        Assert.Equal("publicRandomness: \"dice:2718|x\" is not canonical (dice:<20+ digits>, drand:<chain>:<round>:<64 hex> or nist:<chain>:<pulse>:<128 hex>, joined by ',')",
            Discrepancy(record));
    }

    [Fact]
    public void Two_commitments_of_one_party_are_refused()
    {
        var record = Build();
        record["commitments"]!.AsArray().Add(record["commitments"]![0]!.DeepClone());
        Assert.Equal("commitments[2].party: organizer committed twice", Discrepancy(record));
    }

    [Fact]
    public void Two_secrets_of_one_party_are_refused()
    {
        var record = Build();
        record["secrets"]!.AsArray().Add(record["secrets"]![1]!.DeepClone());
        Assert.Equal("secrets[2].party: witness revealed twice", Discrepancy(record));
    }

    [Fact]
    public void Two_commit_entries_of_one_party_in_the_log_are_refused()
    {
        var record = Build();
        DuplicateLogEntry(record, IndexOf(record, "COMMIT"), 2);
        Assert.Equal("log[2] (seq 12): second COMMIT of party organizer", Discrepancy(record));
    }

    [Fact]
    public void Two_reveal_entries_of_one_party_in_the_log_are_refused()
    {
        var record = Build();
        var reveal = IndexOf(record, "REVEAL");
        DuplicateLogEntry(record, reveal, reveal + 1);
        Assert.Equal($"log[{reveal + 1}] (seq {11 + reveal}): second REVEAL of party organizer", Discrepancy(record));
    }

    [Theory]
    [InlineData("INPUTS_FROZEN")]
    [InlineData("PUBLIC_RANDOMNESS")]
    [InlineData("DRAW_RESULT")]
    [InlineData("ASSIGNMENT_RESULT")]
    public void A_step_entry_twice_is_refused(string type)
    {
        var record = Build();
        var at = IndexOf(record, type);
        DuplicateLogEntry(record, at, at + 1);
        Assert.Equal($"log[{at + 1}] (seq {11 + at}): second {type} entry", Discrepancy(record));
    }

    [Fact]
    public void Publication_and_void_together_are_refused()
    {
        var record = Build();
        var log = record["log"]!.AsArray();
        foreach (var type in new[] { "PUBLISHED", "VOIDED" })
            log.Add(new JsonObject { ["seq"] = 0, ["ts"] = "2026-03-05T03:00:00.000Z", ["type"] = type, ["drawId"] = DrawId, ["actor"] = "organizer", ["payload"] = new JsonObject(), ["prev"] = "", ["hash"] = "" });
        Reseal(record);
        Assert.Equal($"log[{log.Count - 1}] (seq {9 + log.Count}): second PUBLISHED or VOIDED entry", Discrepancy(record));
    }

    [Fact]
    public void Ceremony_steps_out_of_order_are_refused()
    {
        var record = Build();
        var log = record["log"]!.AsArray();
        var randomness = IndexOf(record, "PUBLIC_RANDOMNESS");
        var moved = log[randomness]!;
        log.RemoveAt(randomness);
        log.Insert(2, moved);
        Reseal(record);
        Assert.Equal("log[3] (seq 13): COMMIT after PUBLIC_RANDOMNESS", Discrepancy(record));
    }

    [Fact]
    public void Freeze_entry_is_required()
    {
        var record = Build();
        record["log"]!.AsArray().RemoveAt(0);
        Assert.Equal("log: no INPUTS_FROZEN entry", Discrepancy(record));
    }

    [Fact]
    public void Inputs_hash_must_match_the_freeze_entry()
    {
        var record = Build();
        record["log"]![0]!["payload"]!["inputsHash"] = new string('b', 64);
        Reseal(record);
        Assert.Equal($"inputsHash (INPUTS_FROZEN seq 10): expected {new string('b', 64)}, got {record["inputsHash"]!.GetValue<string>()}", Discrepancy(record));
    }

    [Fact]
    public void Commitment_must_match_its_commit_entry()
    {
        var record = Build();
        record["log"]![1]!["payload"]!["commitment"] = new string('c', 64);
        Reseal(record);
        Assert.Equal($"commitments[0].commitment (COMMIT seq 11): expected {new string('c', 64)}, got {record["commitments"]![0]!["commitment"]!.GetValue<string>()}",
            Discrepancy(record));
    }

    [Fact]
    public void Commitment_needs_its_commit_entry()
    {
        var record = Build();
        record["log"]!.AsArray().RemoveAt(2);
        Reseal(record);
        Assert.Equal("commitments[1]: no COMMIT entry of party witness in the log", Discrepancy(record));
    }

    [Fact]
    public void Public_randomness_must_match_its_entry()
    {
        var record = Build();
        var at = IndexOf(record, "PUBLIC_RANDOMNESS");
        record["log"]![at]!["payload"]!["publicRandomness"] = "dice:11111111111111111111";
        Reseal(record);
        Assert.Equal($"publicRandomness (PUBLIC_RANDOMNESS seq {10 + at}): expected dice:11111111111111111111, got {Dice}", Discrepancy(record));
    }

    [Fact]
    public void Secret_must_match_its_reveal_entry()
    {
        var record = Build();
        var at = IndexOf(record, "REVEAL");
        record["log"]![at]!["payload"]!["secret"] = new string('d', 64);
        Reseal(record);
        Assert.Equal($"secrets[0].secret (REVEAL seq {10 + at}): expected {new string('d', 64)}, got {OrganizerSecret}", Discrepancy(record));
    }

    [Fact]
    public void Seed_must_match_the_draw_result_entry()
    {
        var record = Build();
        var at = IndexOf(record, "DRAW_RESULT");
        record["log"]![at]!["payload"]!["seed"] = new string('e', 64);
        Reseal(record);
        Assert.Equal($"seed (DRAW_RESULT seq {10 + at}): expected {new string('e', 64)}, got {record["seed"]!.GetValue<string>()}", Discrepancy(record));
    }

    [Fact]
    public void Unknown_top_level_field_is_refused()
    {
        var record = Build();
        record["note"] = "ok";
        Assert.Equal("note: not expected", Discrepancy(record));
    }

    [Fact]
    public void Format_is_checked_first()
    {
        var record = Build();
        record["format"] = "spotcheck-draw-record/2";
        Assert.Equal("format: expected spotcheck-draw-record/1, got spotcheck-draw-record/2", Discrepancy(record));
    }

    [Fact]
    public void Substitution_stratum_rank_is_bound()
    {
        var record = Build();
        var rank = record["substitutions"]![0]!["stratumRank"]!.GetValue<int>();
        record["substitutions"]![0]!["stratumRank"] = rank + 1;
        Assert.Equal($"substitutions[0].stratumRank: expected {rank}, got {rank + 1}", Discrepancy(record));
    }

    [Fact]
    public void Excluded_id_outside_the_window_is_refused()
    {
        var record = Build();
        Retext(record, SnapshotFiles.Excluded, t => t.Replace("2025-06-01", "2025-03-05"));
        Assert.Equal("snapshot.excluded.tsv: line 2: 91411721XP00000099 was selected 365 days before asOf, outside the 365-day window", Discrepancy(record));
    }

    [Fact]
    public void Excluded_id_that_is_also_in_the_frame_is_refused()
    {
        var record = Build();
        Retext(record, SnapshotFiles.Excluded, t => t.Replace("91411721XP00000098", "91411721XP00000040"));
        Assert.Equal("snapshot.excluded.tsv: line 1: 91411721XP00000040 is also in population.tsv", Discrepancy(record));
    }

    [Fact]
    public void Undated_exclusion_needs_a_reason_code()
    {
        var record = Build();
        Retext(record, SnapshotFiles.Excluded, t => t.Replace("INELIGIBLE:DEREGISTERED", "XP-2025-002"));
        Assert.Equal("snapshot.excluded.tsv: line 1: \"XP-2025-002\" must be INELIGIBLE:<reason> when the date is -", Discrepancy(record));
    }

    [Fact]
    public void Inspector_active_flag_is_strict()
    {
        var record = Build();
        Retext(record, SnapshotFiles.Inspectors, t => t.Replace("XP-OFF-03\tXPSJJ\t0", "XP-OFF-03\tXPSJJ\tno"));
        Assert.Equal("snapshot.inspectors.tsv: line 3, active \"no\" is not 1 or 0", Discrepancy(record));
    }

    [Fact]
    public void Team_of_the_wrong_size_is_refused_when_the_staffing_files_are_private()
    {
        var record = BuildPublic();
        record["teams"]![1]!["team"]!.AsArray().RemoveAt(1);
        record["teams"]![1]!["tickets"]!.AsArray().RemoveAt(1);
        Assert.Equal("teams[1].team: expected 2 members, got 1", Discrepancy(record));
    }

    [Fact]
    public void Officer_twice_on_a_team_is_refused_when_the_staffing_files_are_private()
    {
        var record = BuildPublic();
        var team = record["teams"]![0]!;
        team["team"]![1] = team["team"]![0]!.GetValue<string>();
        team["tickets"]![1] = team["tickets"]![0]!.GetValue<string>();
        Assert.Equal($"teams[0].team[1]: {team["team"]![0]!.GetValue<string>()} is listed twice", Discrepancy(record));
    }

    [Fact]
    public void Selected_target_without_team_or_report_is_refused_when_the_staffing_files_are_private()
    {
        var record = BuildPublic();
        var id = record["teams"]![2]!["target"]!.GetValue<string>();
        var rank = record["selected"]!.AsArray().Select((s, i) => (s, i)).First(x => x.s!["id"]!.GetValue<string>() == id).i;
        record["teams"]!.AsArray().RemoveAt(2);
        Assert.Equal($"selected[{rank}].id: {id} has neither a team nor an infeasibility entry", Discrepancy(record));
    }

    /// <summary>
    /// Edits a published snapshot file and restates what follows from it (its hash, inputsHash, the seed), so only the
    /// edited content is left to find; the selection and the log, checked after it, are left as they were.
    /// </summary>
    static void Retext(JsonObject record, string file, Func<string, string> edit)
    {
        var text = edit(record["snapshot"]![file]!.GetValue<string>());
        record["snapshot"]![file] = text;
        record["inputs"]![SnapshotFiles.HashField(file)] = SnapshotFiles.Hash(text);
        var inputsHash = DrawHash.Sha256Hex(SpotCheck.Draw.Json.Jcs.SerializeToUtf8Bytes(record["inputs"]));
        record["inputsHash"] = inputsHash;
        var secrets = record["secrets"]!.AsArray().ToDictionary(s => s!["party"]!.GetValue<string>(), s => s!["secret"]!.GetValue<string>());
        record["seed"] = DrawHash.Seed(DrawId, inputsHash, secrets, record["publicRandomness"]!.GetValue<string>());
    }
}
