using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using SpotCheck.Draw.Hashing;

namespace SpotCheck.Bench.Draw;

/// <summary>One 87-byte selection ticket (18-character USCC): the library call against the midstate lanes. Per 16 tickets.</summary>
[MemoryDiagnoser]
public class TicketHashingBenchmarks
{
    const string Seed = "0fe3a08fe4ff57157c753b53f7470bb9993fc455a433d9125e87564a53f11fd7";
    readonly byte[] _message = Encoding.ASCII.GetBytes(Seed + ":S:91350100M000100Y43:1");
    readonly byte[] _hash = new byte[32];
    readonly uint[] _digests = new uint[LaneHasher.Lanes * 8];
    LaneHasher _lanes = null!;

    [GlobalSetup]
    public void Setup()
    {
        _lanes = new LaneHasher(new SeedMidstate(Seed), Encoding.ASCII.GetBytes(Seed));
        for (var i = 0; i < LaneHasher.Lanes; i++) _lanes.SetTail(i, _message.AsSpan(64));
    }

    [Benchmark(Baseline = true)]
    public void Sha256HashData()
    {
        for (var i = 0; i < LaneHasher.Lanes; i++) SHA256.HashData(_message, _hash);
    }

    [Benchmark]
    public void MidstateScalar()
    {
        for (var i = 0; i < LaneHasher.Lanes; i++) _lanes.HashOne(_message.AsSpan(64), _hash);
    }

    [Benchmark]
    public void MidstateSixteenLanes() => _lanes.HashLanes(_digests);
}
