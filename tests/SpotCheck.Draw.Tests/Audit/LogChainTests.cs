using System.Text.Json.Nodes;
using SpotCheck.Draw.Audit;

namespace SpotCheck.Draw.Tests.Audit;

public sealed class LogChainTests
{
    static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Spec_10_5_first_entry_hash()
    {
        var payload = new JsonObject { ["item"] = "食品销售\"双随机\"抽查", ["k"] = 2 };
        var entry = LogChain.Create(1, T0, "PLAN", "EX-2026-001", "organizer", payload, LogChain.Genesis);
        Assert.Equal("2026-03-02T01:30:00.000Z", entry.Ts);
        Assert.Equal("2a1b11ffe15b0a0ebb025a1b08bf5936e980dfafa61cb2b40de029ae86865799", entry.Hash);
        Assert.Equal(entry.Hash, LogChain.ComputeHash(1, entry.Ts, "PLAN", "EX-2026-001", "organizer", payload, LogChain.Genesis));
    }

    [Fact]
    public void Example_17_verifies_with_its_published_head()
    {
        var result = LogChain.Verify(new StringReader(ExampleFiles.Read("17-audit-log.jsonl")));
        Assert.Equal(ExampleFiles.Read("17-audit-log.expected.txt").TrimEnd(), result.ToString());
        Assert.True(result.IsIntact);
    }

    [Fact]
    public void Example_18_tampered_payload_breaks_at_seq_2_with_hash_mismatch()
    {
        var result = LogChain.Verify(new StringReader(ExampleFiles.Read("18-audit-log-tampered.jsonl")));
        Assert.StartsWith(ExampleFiles.Read("18-audit-log-tampered.expected.txt").TrimEnd(), result.ToString());
        Assert.StartsWith("hash mismatch", result.Break!.Reason);
        Assert.Equal(1, result.Count);
    }

    [Fact]
    public void Empty_log_is_ok_with_genesis_head() =>
        Assert.Equal("OK 0 entries head=" + new string('0', 64), LogChain.Verify(new StringReader("")).ToString());

    static string[] Lines() => ExampleFiles.Read("17-audit-log.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    static ChainVerification VerifyLines(IEnumerable<string> lines) => LogChain.Verify(new StringReader(string.Join('\n', lines) + "\n"));

    [Fact]
    public void Deleted_middle_entry_is_a_seq_gap_at_the_missing_seq()
    {
        var lines = Lines().ToList();
        lines.RemoveAt(2);
        var result = VerifyLines(lines);
        Assert.Equal(new ChainBreak(3, "seq gap (expected seq 3, found 4)"), result.Break);
    }

    [Fact]
    public void Deleted_entry_with_renumbered_seq_is_a_prev_mismatch()
    {
        var lines = Lines().ToList();
        lines.RemoveAt(1);
        var third = JsonNode.Parse(lines[1])!.AsObject();
        third["seq"] = 2;
        lines[1] = third.ToJsonString();
        var result = VerifyLines(lines);
        Assert.Equal(2, result.Break!.Seq);
        Assert.StartsWith("prev mismatch", result.Break.Reason);
    }

    [Fact]
    public void Reordered_entries_are_detected_at_the_first_out_of_place_position()
    {
        var lines = Lines();
        (lines[1], lines[2]) = (lines[2], lines[1]);
        var result = VerifyLines(lines);
        Assert.Equal(new ChainBreak(2, "seq gap (expected seq 2, found 3)"), result.Break);
        Assert.Equal(1, result.Count);
    }

    [Fact]
    public void Rehashed_edit_without_relinking_breaks_the_next_entry()
    {
        var lines = Lines();
        var second = JsonNode.Parse(lines[1])!.AsObject();
        second["actor"] = "someone-else";
        second.Remove("hash");
        second["hash"] = LogChain.ComputeHash(new LogEntry(2, second["ts"]!.GetValue<string>(), second["type"]!.GetValue<string>(),
            second["drawId"]!.GetValue<string>(), "someone-else", second["payload"]!.AsObject(), second["prev"]!.GetValue<string>(), ""));
        lines[1] = second.ToJsonString();
        var result = VerifyLines(lines);
        Assert.Equal(3, result.Break!.Seq);
        Assert.StartsWith("prev mismatch", result.Break.Reason);
    }

    [Theory]
    [InlineData("not json", "malformed line")]
    [InlineData("[1]", "malformed line")]
    [InlineData("{\"seq\":1}", "malformed line (missing field ts)")]
    public void Malformed_lines_are_reported_at_their_position(string line, string reason)
    {
        var result = VerifyLines([Lines()[0], line]);
        Assert.Equal(2, result.Break!.Seq);
        Assert.StartsWith(reason, result.Break.Reason);
    }

    [Fact]
    public void Entries_built_with_create_form_a_chain_and_null_draw_id_is_json_null()
    {
        var entries = new List<LogEntry>();
        var prev = LogChain.Genesis;
        for (var i = 1; i <= 5; i++)
        {
            var e = LogChain.Create(i, T0.AddSeconds(i), "USER_CREATED", i % 2 == 0 ? null : "D-1", "admin",
                new JsonObject { ["n"] = i, ["名"] = "张三" }, prev);
            entries.Add(e);
            prev = e.Hash;
        }
        Assert.Contains("\"drawId\":null", entries[1].ToJsonLine());
        var result = LogChain.Verify(entries);
        Assert.Equal($"OK 5 entries head={prev}", result.ToString());
    }
}
