using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SpotCheck.Draw.Audit;

namespace SpotCheck.Core.Audit;

/// <summary>
/// <c>audit verify LOG.jsonl --anchors FILE…</c>: the chain walk of <see cref="LogChain.Verify(TextReader)"/>, then every
/// anchor must carry a valid signature and name an entry that the log holds with the same hash.
/// </summary>
public static class AnchorVerification
{
    public sealed record Anchored(string Name, AuditAnchor Anchor);

    /// <summary>The chain verdict, and the first anchor that fails (one line naming it), if the chain is intact.</summary>
    public sealed record Outcome(ChainVerification Chain, string? AnchorFailure)
    {
        public bool IsValid => Chain.IsIntact && AnchorFailure is null;
    }

    public static Outcome Verify(TextReader log, IReadOnlyList<Anchored> anchors, ECDsa publicKey)
    {
        var reader = new HashCapturingReader(log, anchors.Select(a => a.Anchor.Seq).ToHashSet());
        var chain = LogChain.Verify(reader);
        if (!chain.IsIntact) return new Outcome(chain, null);
        foreach (var (name, anchor) in anchors)
        {
            if (!anchor.SignatureVerifies(publicKey))
                return new Outcome(chain, $"BROKEN anchor {name}: the signature does not verify with the anchor public key");
            var logged = anchor.Seq == 0 ? LogChain.Genesis : reader.Hashes.GetValueOrDefault(anchor.Seq);
            if (logged is null)
                return new Outcome(chain,
                    $"BROKEN anchor {name}: anchored seq {anchor.Seq} is missing, the log ends at seq {chain.Count} (rolled back)");
            if (logged != anchor.Hash)
                return new Outcome(chain,
                    $"BROKEN anchor {name}: seq {anchor.Seq} has hash {logged} in the log but {anchor.Hash} was anchored at {anchor.At} (rewritten)");
        }
        return new Outcome(chain, null);
    }

    /// <summary>
    /// Remembers the stated hash of the entries at the anchored positions while the chain walk reads the lines; for an
    /// intact chain the n-th non-empty line is seq n, and only an intact chain's hashes are used.
    /// </summary>
    sealed class HashCapturingReader(TextReader inner, HashSet<long> positions) : TextReader
    {
        long _position;

        public Dictionary<long, string> Hashes { get; } = [];

        public override string? ReadLine()
        {
            var line = inner.ReadLine();
            if (string.IsNullOrEmpty(line)) return line;
            _position++;
            if (positions.Contains(_position) && StatedHash(line) is { } hash) Hashes[_position] = hash;
            return line;
        }

        /// <summary>A malformed line is the chain walk's to report.</summary>
        static string? StatedHash(string line)
        {
            try
            {
                return JsonNode.Parse(line) is JsonObject entry && entry["hash"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }
}
