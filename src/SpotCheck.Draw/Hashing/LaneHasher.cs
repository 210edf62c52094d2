using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
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
    readonly byte[] _blocks = new byte[Lanes * 64];
    readonly uint[] _words = new uint[16 * Lanes];
    readonly Vector512<uint>[] _state = midstate.State.Select(Vector512.Create).ToArray();

    /// <summary>Writes the padded final block of <c>seed ‖ tail</c> for lane <paramref name="lane"/>.</summary>
    public void SetTail(int lane, ReadOnlySpan<byte> tail)
    {
        var block = _blocks.AsSpan(lane * 64, 64);
        tail.CopyTo(block);
        block[tail.Length] = 0x80;
        block[(tail.Length + 1)..56].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(block[56..], (ulong)(64 + tail.Length) * 8);
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

    /// <summary>
    /// Compresses the blocks set for all sixteen lanes; <paramref name="digests"/> receives per lane the eight
    /// state words (lane-major: lane i at [8i, 8i+8)), i.e. the digest as big-endian words.
    /// </summary>
    public void HashLanes(Span<uint> digests)
    {
        for (var lane = 0; lane < Lanes; lane++)
        {
            var block = _blocks.AsSpan(lane * 64, 64);
            for (var t = 0; t < 16; t++) _words[t * Lanes + lane] = BinaryPrimitives.ReadUInt32BigEndian(block[(4 * t)..]);
        }
        Span<Vector512<uint>> w = stackalloc Vector512<uint>[16];
        for (var t = 0; t < 16; t++) w[t] = Vector512.Create<uint>(_words.AsSpan(t * Lanes, Lanes));

        var a = _state[0]; var b = _state[1]; var c = _state[2]; var d = _state[3];
        var e = _state[4]; var f = _state[5]; var g = _state[6]; var h = _state[7];
        var k = SeedMidstate.K;
        for (var t = 0; t < 64; t++)
        {
            Vector512<uint> wt;
            if (t < 16)
            {
                wt = w[t];
            }
            else
            {
                var w2 = w[(t - 2) & 15];
                var w15 = w[(t - 15) & 15];
                wt = (Rotr(w2, 17) ^ Rotr(w2, 19) ^ Vector512.ShiftRightLogical(w2, 10)) + w[(t - 7) & 15]
                     + (Rotr(w15, 7) ^ Rotr(w15, 18) ^ Vector512.ShiftRightLogical(w15, 3)) + w[t & 15];
                w[t & 15] = wt;
            }
            var t1 = h + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + ((e & f) ^ Vector512.AndNot(g, e)) + Vector512.Create(k[t]) + wt;
            var t2 = (Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
        }
        Span<Vector512<uint>> result = [a + _state[0], b + _state[1], c + _state[2], d + _state[3], e + _state[4], f + _state[5], g + _state[6], h + _state[7]];
        for (var i = 0; i < 8; i++)
        {
            var v = result[i];
            for (var lane = 0; lane < Lanes; lane++) digests[lane * 8 + i] = v.GetElement(lane);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<uint> Rotr(Vector512<uint> x, [ConstantExpected] byte n) =>
        Avx512F.IsSupported
            ? Avx512F.RotateRight(x, n)
            : Vector512.ShiftRightLogical(x, n) | Vector512.ShiftLeft(x, 32 - n);
}
