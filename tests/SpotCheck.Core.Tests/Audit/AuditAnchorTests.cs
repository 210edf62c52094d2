using System.Security.Cryptography;
using SpotCheck.Core.Audit;
using SpotCheck.Draw.Audit;

namespace SpotCheck.Core.Tests.Audit;

public sealed class AuditAnchorTests : IDisposable
{
    readonly string _dir = Path.Combine(Path.GetTempPath(), "spotcheck-anchor-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    static readonly AuditHead Head = new(42, new string('a', 64));

    [Fact]
    public void An_anchor_round_trips_through_its_file_and_verifies_only_with_its_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var anchor = AuditAnchor.Sign(Head, new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero), key);

        var json = anchor.ToJson();
        Assert.StartsWith("{\"at\":\"2026-12-04T08:00:00.000Z\",\"hash\":\"aaaa", json, StringComparison.Ordinal);
        var parsed = AuditAnchor.Parse(json);
        Assert.Equal(anchor, parsed);
        Assert.True(parsed.SignatureVerifies(key));
        Assert.False(parsed.SignatureVerifies(other));
        Assert.False((parsed with { Seq = 43 }).SignatureVerifies(key));
        Assert.False((parsed with { Signature = "not base64" }).SignatureVerifies(key));
    }

    [Theory]
    [InlineData("[]", "not a JSON object")]
    [InlineData("{\"seq\":-1,\"hash\":\"\",\"at\":\"\",\"signature\":\"\"}", "seq must be a non-negative integer")]
    [InlineData("{\"seq\":1,\"hash\":\"ABC\",\"at\":\"\",\"signature\":\"\"}", "hash must be 64 lowercase hex")]
    public void A_malformed_anchor_file_says_what_is_wrong(string json, string reason) =>
        Assert.Contains(reason, Assert.Throws<FormatException>(() => AuditAnchor.Parse(json)).Message, StringComparison.Ordinal);

    [Fact]
    public void The_signing_key_is_created_once_with_owner_only_permissions_and_its_public_half_verifies()
    {
        var path = Path.Combine(_dir, "keys", "anchor-signing.pem");
        using var created = AnchorSigningKey.LoadOrCreate(path);
        using var again = AnchorSigningKey.LoadOrCreate(path);
        Assert.Equal(created.ExportSubjectPublicKeyInfo(), again.ExportSubjectPublicKeyInfo());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        }
        var publicPem = Path.Combine(_dir, "public.pem");
        File.WriteAllText(publicPem, AnchorSigningKey.PublicKeyPem(created));
        using var verifier = AnchorSigningKey.LoadPem(publicPem);
        Assert.True(AuditAnchor.Sign(Head, DateTimeOffset.UnixEpoch, created).SignatureVerifies(verifier));
    }

    [Fact]
    public void An_empty_log_matches_an_anchor_of_the_empty_chain_only()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var empty = AuditAnchor.Sign(AuditHead.Empty, DateTimeOffset.UnixEpoch, key);
        Assert.True(AnchorVerification.Verify(new StringReader(""), [new("empty.json", empty)], key).IsValid);
        var later = AuditAnchor.Sign(new AuditHead(1, LogChain.Genesis), DateTimeOffset.UnixEpoch, key);
        Assert.Equal("BROKEN anchor later.json: anchored seq 1 is missing, the log ends at seq 0 (rolled back)",
            AnchorVerification.Verify(new StringReader(""), [new("later.json", later)], key).AnchorFailure);
    }
}
