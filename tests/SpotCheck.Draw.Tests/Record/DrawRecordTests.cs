using System.Text.Json.Nodes;
using SpotCheck.Draw.Record;
using static SpotCheck.Draw.Tests.Record.RecordFixture;

namespace SpotCheck.Draw.Tests.Record;

/// <summary>The recomputation: a built record verifies, and a changed input or result is reported at its first discrepancy.</summary>
public sealed class DrawRecordTests
{
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
        var record = BuildPublic();
        Assert.Null(record["snapshot"]![SnapshotFiles.Conflicts]);
        Assert.Null(Discrepancy(record));
        record["teams"]![0]!["tickets"]![1] = new string('0', 64);
        Assert.StartsWith("teams[0].tickets[1]: expected ", Discrepancy(record));
    }

    [Fact]
    public void Changed_id_is_reported_at_its_row()
    {
        var record = Build();
        var expected = record["selected"]![3]!["id"]!.GetValue<string>();
        record["selected"]![3]!["id"] = "91411721XP99999999";
        Assert.Equal($"selected[3].id: expected {expected}, got 91411721XP99999999", Discrepancy(record));
    }

    [Fact]
    public void Changed_secret_is_reported_against_its_commitment()
    {
        var record = Build();
        record["secrets"]![1]!["secret"] = new string('a', 64);
        Assert.Equal("commitment of party witness does not match revealed secret", Discrepancy(record));
    }

    [Fact]
    public void Changed_ticket_is_reported()
    {
        var record = Build();
        var expected = record["selected"]![0]!["ticket"]!.GetValue<string>();
        record["selected"]![0]!["ticket"] = new string('0', 64);
        Assert.Equal($"selected[0].ticket: expected {expected}, got {new string('0', 64)}", Discrepancy(record));
    }

    [Fact]
    public void Changed_snapshot_file_breaks_its_hash()
    {
        var record = Build();
        record["snapshot"]![SnapshotFiles.Population] = record["snapshot"]![SnapshotFiles.Population]!.GetValue<string>().Replace("\t3\n", "\t1\n");
        Assert.StartsWith("inputs.populationHash (hash of population.tsv): expected ", Discrepancy(record));
    }

    [Fact]
    public void Changed_log_entry_is_reported_with_its_seq()
    {
        var record = Build();
        record["log"]![6]!["payload"]!["selected"] = 99;
        Assert.StartsWith("log[6].hash (seq 16): expected ", Discrepancy(record));
    }

    [Fact]
    public void Changed_team_is_reported()
    {
        var record = Build();
        var team = record["teams"]![0]!["team"]!.AsArray();
        var original = team[0]!.GetValue<string>();
        team[0] = "XP-OFF-99";
        Assert.Equal($"teams[0].team[0]: expected {original}, got XP-OFF-99", Discrepancy(record));
    }

    [Fact]
    public void Changed_substitute_and_seed_are_reported()
    {
        var record = Build();
        record["substitutions"]![0]!["substitute"] = "X";
        Assert.StartsWith("substitutions[0].substitute: expected ", Discrepancy(record));
        record = Build();
        record["publicRandomness"] = "dice:27182818284590452354";
        Assert.StartsWith("seed: expected ", Discrepancy(record));
    }

    [Fact]
    public void Draw_without_public_randomness_is_labelled()
    {
        var record = Build(publicRandomness: "", source: null);
        Assert.Equal(DrawRecordRules.TrustIndependentParty, record["trust"]!.GetValue<string>());
        Assert.Null(Discrepancy(record));
    }

    [Fact]
    public void Wrong_secret_is_refused_at_reveal() =>
        Assert.Equal("commitment of party organizer does not match revealed secret",
            Assert.Throws<DrawInputException>(() => new DrawRecordBuilder(Definition())
                .Commit("organizer", DrawHash.Commitment(DrawId, "organizer", OrganizerSecret), T0)
                .Reveal("organizer", WitnessSecret)).Message);

    [Theory]
    [InlineData("{")]
    [InlineData("")]
    [InlineData("{} {}")]
    [InlineData("{\"a\":1,}")]
    public void Malformed_record_is_reported_not_thrown(string json) => Assert.Equal("record: malformed JSON", Discrepancy(json));

    [Fact]
    public void Record_that_is_not_an_object_is_reported() => Assert.Equal("record: must be a JSON object", Discrepancy("[1]"));

    [Fact]
    public void Record_nested_deeper_than_the_parser_limit_is_malformed() =>
        Assert.Equal("record: malformed JSON", Discrepancy("{\"a\":" + new string('[', 64) + new string(']', 64) + "}"));

    [Fact]
    public void Property_given_twice_is_reported_by_its_path()
    {
        var json = Build().ToJsonString();
        Assert.Equal("status: duplicate property", Discrepancy(json.Replace("\"status\":\"COMPLETE\"", "\"status\":\"COMPLETE\",\"status\":\"PARTIAL\"")));
        Assert.Equal("commitments[1].party: duplicate property",
            Discrepancy(json.Replace("\"party\":\"witness\",\"commitment\"", "\"party\":\"witness\",\"party\":\"x\",\"commitment\"")));
    }

    [Fact]
    public void Number_that_is_not_a_safe_integer_is_reported_by_its_path()
    {
        var json = Build().ToJsonString();
        Assert.Equal("selected[0].rank: number 1.0 is not an integer within ±(2^53−1)", Discrepancy(json.Replace("\"rank\":1,", "\"rank\":1.0,")));
        Assert.Equal("selected[0].rank: number 9007199254740992 is not an integer within ±(2^53−1)",
            Discrepancy(json.Replace("\"rank\":1,", "\"rank\":9007199254740992,")));
    }

    [Fact]
    public void Lone_surrogate_is_reported_by_its_path()
    {
        var json = Build().ToJsonString();
        Assert.Equal("software: string holds a lone surrogate", Discrepancy(json.Replace("\"spotcheck 0.1.0\"", "\"spotcheck \\ud800\"")));
        Assert.Equal("record: a property name holds a lone surrogate", Discrepancy(json.Replace("\"software\":", "\"\\udc00\":")));
    }

    [Fact]
    public void Invalid_utf8_is_malformed()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Build().ToJsonString());
        bytes[bytes.AsSpan().IndexOf("0.1.0"u8)] = 0xC3;
        Assert.Equal("record: malformed JSON", DrawRecordVerifier.Verify(bytes).Discrepancy);
    }

    [Fact]
    public void Verifying_a_json_object_equals_verifying_its_text()
    {
        var record = Build();
        record["status"] = "PARTIAL";
        Assert.Equal(Discrepancy(record.ToJsonString()), DrawRecordVerifier.Verify(record).Discrepancy);
        Assert.Equal("status: expected COMPLETE, got PARTIAL", DrawRecordVerifier.Verify(record).Discrepancy);
    }
}
