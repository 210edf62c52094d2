using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;

namespace SpotCheck.Draw.Hashing;

/// <summary>
/// Hashes sixteen ticket messages at once: each is <c>seed ‖ tail</c>, the seed block comes from the shared
/// <see cref="SeedMidstate"/>, and a tail of up to 55 bytes is the one remaining padded block, so the sixteen
/// compressions run side by side in the lanes of 512-bit vectors. Longer tails use <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>.
/// Results equal SHA-256 of the full message (cross-checked in tests). One instance per thread.
/// </summary>
public sealed class LaneHasher(SeedMidstate midstate, byte[] seedAscii)
{
    public const int Lanes = 16;
    public const int MaxTail = 55;

    /// <summary>The sixteen padded blocks as big-endian words, word-major (word t of lane l at [16t + l]): one vector per word.</summary>
    readonly uint[] _words = new uint[16 * Lanes];
    readonly Vector512<uint>[] _state = midstate.State.Select(Vector512.Create).ToArray();

    /// <summary>Writes the padded final block of <c>seed ‖ tail</c> for lane <paramref name="lane"/>.</summary>
    public void SetTail(int lane, ReadOnlySpan<byte> tail)
    {
        Span<byte> block = stackalloc byte[64];
        block.Clear();
        tail.CopyTo(block);
        block[tail.Length] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(block[56..], (ulong)(64 + tail.Length) * 8);
        var words = MemoryMarshal.Cast<byte, uint>(block);
        for (var t = 0; t < 16; t++) _words[t * Lanes + lane] = BinaryPrimitives.ReverseEndianness(words[t]);
    }

    /// <summary>SHA-256 of <c>seed ‖ tail</c> for any tail length, one message at a time.</summary>
    public void HashOne(ReadOnlySpan<byte> tail, Span<byte> hash)
    {
        if (tail.Length <= MaxTail)
        {
            Span<uint> state = stackalloc uint[8];
            midstate.State.CopyTo(state);
            Span<byte> block = stackalloc byte[64];
            tail.CopyTo(block);
            block[tail.Length] = 0x80;
            BinaryPrimitives.WriteUInt64BigEndian(block[56..], (ulong)(64 + tail.Length) * 8);
            SeedMidstate.Compress(state, block);
            for (var i = 0; i < 8; i++) BinaryPrimitives.WriteUInt32BigEndian(hash[(4 * i)..], state[i]);
            return;
        }
        Span<byte> message = stackalloc byte[64 + tail.Length];
        seedAscii.CopyTo(message);
        tail.CopyTo(message[64..]);
        SHA256.HashData(message, hash);
    }

    /// <summary>The digest of lane <paramref name="lane"/> from what <see cref="HashLanes"/> wrote.</summary>
    public static TicketKey KeyOf(ReadOnlySpan<uint> digests, int lane) => new(
        ((ulong)digests[lane] << 32) | digests[Lanes + lane], ((ulong)digests[2 * Lanes + lane] << 32) | digests[3 * Lanes + lane],
        ((ulong)digests[4 * Lanes + lane] << 32) | digests[5 * Lanes + lane], ((ulong)digests[6 * Lanes + lane] << 32) | digests[7 * Lanes + lane]);

    /// <summary>
    /// Compresses the blocks set for all sixteen lanes; <paramref name="digests"/> (at least 128 words) receives the
    /// eight state words word-major: word i of lane l at [16i + l], the digest as big-endian words (see <see cref="KeyOf"/>).
    /// The message schedule lives in sixteen registers updated in place and the eight working variables are renamed
    /// from round to round instead of shifted; Ch, Maj and the three-way XORs are one ternary-logic instruction each.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // unoptimised first calls would not inline the rounds
    public void HashLanes(Span<uint> digests)
    {
        ref var words = ref MemoryMarshal.GetArrayDataReference(_words);
        var w0 = Vector512.LoadUnsafe(ref words, 0); var w1 = Vector512.LoadUnsafe(ref words, 16);
        var w2 = Vector512.LoadUnsafe(ref words, 32); var w3 = Vector512.LoadUnsafe(ref words, 48);
        var w4 = Vector512.LoadUnsafe(ref words, 64); var w5 = Vector512.LoadUnsafe(ref words, 80);
        var w6 = Vector512.LoadUnsafe(ref words, 96); var w7 = Vector512.LoadUnsafe(ref words, 112);
        var w8 = Vector512.LoadUnsafe(ref words, 128); var w9 = Vector512.LoadUnsafe(ref words, 144);
        var w10 = Vector512.LoadUnsafe(ref words, 160); var w11 = Vector512.LoadUnsafe(ref words, 176);
        var w12 = Vector512.LoadUnsafe(ref words, 192); var w13 = Vector512.LoadUnsafe(ref words, 208);
        var w14 = Vector512.LoadUnsafe(ref words, 224); var w15 = Vector512.LoadUnsafe(ref words, 240);
        var a = _state[0]; var b = _state[1]; var c = _state[2]; var d = _state[3];
        var e = _state[4]; var f = _state[5]; var g = _state[6]; var h = _state[7];
        var k = SeedMidstate.K;
        for (var t = 0; t < 64; t += 16)
        {
            if (t > 0)
            {
                w0 = Schedule(w0, w1, w9, w14); w1 = Schedule(w1, w2, w10, w15); w2 = Schedule(w2, w3, w11, w0); w3 = Schedule(w3, w4, w12, w1);
                w4 = Schedule(w4, w5, w13, w2); w5 = Schedule(w5, w6, w14, w3); w6 = Schedule(w6, w7, w15, w4); w7 = Schedule(w7, w8, w0, w5);
                w8 = Schedule(w8, w9, w1, w6); w9 = Schedule(w9, w10, w2, w7); w10 = Schedule(w10, w11, w3, w8); w11 = Schedule(w11, w12, w4, w9);
                w12 = Schedule(w12, w13, w5, w10); w13 = Schedule(w13, w14, w6, w11); w14 = Schedule(w14, w15, w7, w12); w15 = Schedule(w15, w0, w8, w13);
            }
            Round(a, b, c, ref d, e, f, g, ref h, w0, k[t]);
            Round(h, a, b, ref c, d, e, f, ref g, w1, k[t + 1]);
            Round(g, h, a, ref b, c, d, e, ref f, w2, k[t + 2]);
            Round(f, g, h, ref a, b, c, d, ref e, w3, k[t + 3]);
            Round(e, f, g, ref h, a, b, c, ref d, w4, k[t + 4]);
            Round(d, e, f, ref g, h, a, b, ref c, w5, k[t + 5]);
            Round(c, d, e, ref f, g, h, a, ref b, w6, k[t + 6]);
            Round(b, c, d, ref e, f, g, h, ref a, w7, k[t + 7]);
            Round(a, b, c, ref d, e, f, g, ref h, w8, k[t + 8]);
            Round(h, a, b, ref c, d, e, f, ref g, w9, k[t + 9]);
            Round(g, h, a, ref b, c, d, e, ref f, w10, k[t + 10]);
            Round(f, g, h, ref a, b, c, d, ref e, w11, k[t + 11]);
            Round(e, f, g, ref h, a, b, c, ref d, w12, k[t + 12]);
            Round(d, e, f, ref g, h, a, b, ref c, w13, k[t + 13]);
            Round(c, d, e, ref f, g, h, a, ref b, w14, k[t + 14]);
            Round(b, c, d, ref e, f, g, h, ref a, w15, k[t + 15]);
        }
        (a + _state[0]).CopyTo(digests); (b + _state[1]).CopyTo(digests[16..]);
        (c + _state[2]).CopyTo(digests[32..]); (d + _state[3]).CopyTo(digests[48..]);
        (e + _state[4]).CopyTo(digests[64..]); (f + _state[5]).CopyTo(digests[80..]);
        (g + _state[6]).CopyTo(digests[96..]); (h + _state[7]).CopyTo(digests[112..]);
    }

    /// <summary>W[t] = σ1(W[t−2]) + W[t−7] + σ0(W[t−15]) + W[t−16], written over W[t−16].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<uint> Schedule(Vector512<uint> w16, Vector512<uint> w15, Vector512<uint> w7, Vector512<uint> w2) =>
        Xor3(Rotr(w2, 17), Rotr(w2, 19), Vector512.ShiftRightLogical(w2, 10)) + w7
        + Xor3(Rotr(w15, 7), Rotr(w15, 18), Vector512.ShiftRightLogical(w15, 3)) + w16;

    /// <summary>One round, the caller naming the variables in their rotated places: d += T1, h = T1 + T2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Round(Vector512<uint> a, Vector512<uint> b, Vector512<uint> c, ref Vector512<uint> d,
        Vector512<uint> e, Vector512<uint> f, Vector512<uint> g, ref Vector512<uint> h, Vector512<uint> w, uint k)
    {
        var t1 = h + Xor3(Rotr(e, 6), Rotr(e, 11), Rotr(e, 25)) + Ch(e, f, g) + Vector512.Create(k) + w;
        var t2 = Xor3(Rotr(a, 2), Rotr(a, 13), Rotr(a, 22)) + Maj(a, b, c);
        d += t1;
        h = t1 + t2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<uint> Xor3(Vector512<uint> x, Vector512<uint> y, Vector512<uint> z) =>
        Avx512F.IsSupported ? Avx512F.TernaryLogic(x, y, z, 0x96) : x ^ y ^ z;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<uint> Ch(Vector512<uint> e, Vector512<uint> f, Vector512<uint> g) =>
        Avx512F.IsSupported ? Avx512F.TernaryLogic(e, f, g, 0xCA) : (e & f) ^ Vector512.AndNot(g, e);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<uint> Maj(Vector512<uint> a, Vector512<uint> b, Vector512<uint> c) =>
        Avx512F.IsSupported ? Avx512F.TernaryLogic(a, b, c, 0xE8) : (a & b) ^ (a & c) ^ (b & c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<uint> Rotr(Vector512<uint> x, [ConstantExpected] byte n) =>
        Avx512F.IsSupported
            ? Avx512F.RotateRight(x, n)
            : Vector512.ShiftRightLogical(x, n) | Vector512.ShiftLeft(x, 32 - n);
}
