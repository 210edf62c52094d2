using System.Security.Cryptography;
using System.Text;
using CsCheck;
using SpotCheck.Draw.Hashing;

namespace SpotCheck.Draw.Tests.Hashing;

/// <summary>The hand-written multi-lane SHA-256 must equal SHA256.HashData on every message it is given.</summary>
public sealed class LaneHasherTests
{
    static readonly Gen<string> Seed = Gen.Byte.Array[32].Select(b => Hex.Lower(b));
    static readonly Gen<byte[]> Tail = Gen.Byte.Array[0, 120];

    [Fact]
    public void Sixteen_lanes_equal_sha256_of_seed_and_tail()
    {
        Gen.Select(Seed, Tail.Where(t => t.Length <= LaneHasher.MaxTail).Array[LaneHasher.Lanes]).Sample((seed, tails) =>
        {
            var seedBytes = Encoding.ASCII.GetBytes(seed);
            var hasher = new LaneHasher(new SeedMidstate(seed), seedBytes);
            for (var i = 0; i < tails.Length; i++) hasher.SetTail(i, tails[i]);
            var digests = new uint[LaneHasher.Lanes * 8];
            hasher.HashLanes(digests);
            for (var i = 0; i < tails.Length; i++)
            {
                var expected = SHA256.HashData([.. seedBytes, .. tails[i]]);
                Assert.Equal(Hex.Lower(expected), LaneHasher.KeyOf(digests, i).ToHex());
            }
        }, iter: 200);
    }

    [Fact]
    public void Single_message_path_equals_sha256_for_short_and_long_tails()
    {
        Gen.Select(Seed, Tail).Sample((seed, tail) =>
        {
            var seedBytes = Encoding.ASCII.GetBytes(seed);
            var hash = new byte[32];
            new LaneHasher(new SeedMidstate(seed), seedBytes).HashOne(tail, hash);
            Assert.Equal(Hex.Lower(SHA256.HashData([.. seedBytes, .. tail])), Hex.Lower(hash));
        }, iter: 500);
    }
}
