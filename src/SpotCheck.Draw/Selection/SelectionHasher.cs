using System.Security.Cryptography;
using System.Text;

namespace SpotCheck.Draw.Selection;

/// <summary>
/// Computes selection keys T(S, id, j) minimised over j = 1…w (draw-spec §3.1) without allocating per id: the
/// message prefix <c>seed ":S:"</c> is written once. Not thread-safe: one instance per thread.
/// </summary>
public sealed class SelectionHasher
{
    const int PrefixLength = 64 + 3;
    readonly byte[] _message = new byte[PrefixLength + DrawIds.MaxIdLength + 1 + 3];

    public SelectionHasher(string seed)
    {
        Seeds.Require(seed, "seed");
        Encoding.ASCII.GetBytes(seed + ":S:", _message);
    }

    public TicketKey Key(string id, int weight)
    {
        Span<byte> ascii = stackalloc byte[DrawIds.MaxIdLength];
        var n = Encoding.ASCII.GetBytes(id, ascii);
        return Key(ascii[..n], weight, out _);
    }

    /// <summary>
    /// Also returns the first 8 bytes of T(S, id, 1): a fingerprint of the id alone, equal for equal ids whatever their
    /// weight, used to find duplicates without keeping the ids.
    /// </summary>
    public TicketKey Key(ReadOnlySpan<byte> id, int weight, out ulong fingerprint)
    {
        var message = _message.AsSpan();
        id.CopyTo(message[PrefixLength..]);
        var jAt = PrefixLength + id.Length;
        message[jAt++] = (byte)':';
        Span<byte> hash = stackalloc byte[32];
        var best = TicketKey.Max;
        fingerprint = 0;
        for (var j = 1; j <= weight; j++)
        {
            var len = WriteDecimal(message[jAt..], j);
            SHA256.HashData(message[..(jAt + len)], hash);
            var key = TicketKey.From(hash);
            if (j == 1) fingerprint = key.W0;
            if (key < best) best = key;
        }
        return best;
    }

    /// <summary>j (1…999) in decimal ASCII; returns the length.</summary>
    internal static int WriteDecimal(Span<byte> dest, int j)
    {
        if (j < 10) { dest[0] = (byte)('0' + j); return 1; }
        if (j < 100) { dest[0] = (byte)('0' + j / 10); dest[1] = (byte)('0' + j % 10); return 2; }
        dest[0] = (byte)('0' + j / 100); dest[1] = (byte)('0' + j / 10 % 10); dest[2] = (byte)('0' + j % 10);
        return 3;
    }
}

/// <summary>Seed format: exactly 64 lowercase hex characters (draw-spec §2.5).</summary>
public static class Seeds
{
    public static void Require(string? seed, string field)
    {
        if (seed is null) throw new DrawInputException($"{field}: missing");
        if (!Hex.IsLowerHex(seed, 64)) throw new DrawInputException($"{field}: must be exactly 64 lowercase hex characters");
    }
}
