using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SpotCheck.Draw;

/// <summary>The hashed ASCII messages of draw-spec §2.5 and §6.3–6.5.</summary>
public static class DrawHash
{
    public const string Algorithm = "DRAW-v1";

    /// <summary>T(tag, a, b) = H(seed ":" tag ":" a ":" b).</summary>
    public static byte[] Ticket(string seed, char tag, string a, string b) =>
        SHA256.HashData(Encoding.ASCII.GetBytes($"{seed}:{tag}:{a}:{b}"));

    public static string TicketHex(string seed, char tag, string a, string b) => Hex.Lower(Ticket(seed, tag, a, b));

    public static TicketKey SelectionTicket(string seed, string id, int j) =>
        TicketKey.From(Ticket(seed, 'S', id, j.ToString(CultureInfo.InvariantCulture)));

    public static TicketKey AssignmentTicket(string seed, string target, string officer) =>
        TicketKey.From(Ticket(seed, 'A', target, officer));

    /// <summary>C_p = hex(H("commit:" drawId ":" p ":" s_p)).</summary>
    public static string Commitment(string drawId, string party, string secret) =>
        Sha256Hex($"commit:{drawId}:{party}:{secret}");

    /// <summary>seed = hex(H("DRAW-v1|" drawId "|" inputsHash "|" p=s_p,… (ordinal by party) "|" publicRandomness)).</summary>
    public static string Seed(string drawId, string inputsHash, IEnumerable<KeyValuePair<string, string>> secrets, string publicRandomness) =>
        Sha256Hex(SeedMessage(drawId, inputsHash, secrets, publicRandomness));

    public static string SeedMessage(string drawId, string inputsHash, IEnumerable<KeyValuePair<string, string>> secrets, string publicRandomness)
    {
        var parts = secrets.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}");
        return $"{Algorithm}|{drawId}|{inputsHash}|{string.Join(',', parts)}|{publicRandomness}";
    }

    /// <summary>The first 8 hex characters of H(publicRandomness), read aloud at the ceremony (§6.4).</summary>
    public static string ReadAloudCode(string publicRandomness) => Sha256Hex(publicRandomness)[..8];

    public static string Sha256Hex(string ascii) => Hex.Lower(SHA256.HashData(Encoding.UTF8.GetBytes(ascii)));

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Hex.Lower(SHA256.HashData(bytes));
}

/// <summary>A 32-byte ticket compared as an unsigned big-endian integer (draw-spec §2.6).</summary>
public readonly record struct TicketKey(ulong W0, ulong W1, ulong W2, ulong W3) : IComparable<TicketKey>
{
    public static readonly TicketKey Max = new(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue);

    public static TicketKey From(ReadOnlySpan<byte> hash) => new(
        BinaryPrimitives.ReadUInt64BigEndian(hash),
        BinaryPrimitives.ReadUInt64BigEndian(hash[8..]),
        BinaryPrimitives.ReadUInt64BigEndian(hash[16..]),
        BinaryPrimitives.ReadUInt64BigEndian(hash[24..]));

    public int CompareTo(TicketKey other)
    {
        if (W0 != other.W0) return W0 < other.W0 ? -1 : 1;
        if (W1 != other.W1) return W1 < other.W1 ? -1 : 1;
        if (W2 != other.W2) return W2 < other.W2 ? -1 : 1;
        return W3 == other.W3 ? 0 : W3 < other.W3 ? -1 : 1;
    }

    public static bool operator <(TicketKey a, TicketKey b) => a.CompareTo(b) < 0;

    public static bool operator >(TicketKey a, TicketKey b) => a.CompareTo(b) > 0;

    public static bool operator <=(TicketKey a, TicketKey b) => a.CompareTo(b) <= 0;

    public static bool operator >=(TicketKey a, TicketKey b) => a.CompareTo(b) >= 0;

    public string ToHex()
    {
        Span<byte> b = stackalloc byte[32];
        BinaryPrimitives.WriteUInt64BigEndian(b, W0);
        BinaryPrimitives.WriteUInt64BigEndian(b[8..], W1);
        BinaryPrimitives.WriteUInt64BigEndian(b[16..], W2);
        BinaryPrimitives.WriteUInt64BigEndian(b[24..], W3);
        return Hex.Lower(b);
    }

    public override string ToString() => ToHex();
}
