using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpotCheck.Draw;
using SpotCheck.Draw.Audit;
using SpotCheck.Draw.Json;

namespace SpotCheck.Core.Audit;

/// <summary>
/// A signed head of the chain kept outside the database (draw-spec §7.5): <c>{seq, hash, at, signature}</c>. The
/// signature is ECDSA P-256 with SHA-256 (IEEE P1363 r‖s, base64, as WebCrypto produces and checks) over the JCS text
/// of <c>{at, hash, seq}</c>. A later log that lacks the anchored entry, or holds another hash at its seq, was rolled
/// back or rewritten.
/// </summary>
public sealed record AuditAnchor(long Seq, string Hash, string At, string Signature)
{
    public static AuditAnchor Sign(AuditHead head, DateTimeOffset at, ECDsa key)
    {
        var ts = LogChain.FormatTimestamp(at);
        var signature = key.SignData(Message(head.Seq, head.Hash, ts), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new AuditAnchor(head.Seq, head.Hash, ts, Convert.ToBase64String(signature));
    }

    public bool SignatureVerifies(ECDsa publicKey)
    {
        var signature = new byte[64];
        return Convert.TryFromBase64String(Signature, signature, out var length) && length == 64
            && publicKey.VerifyData(Message(Seq, Hash, At), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>The anchor file: one canonical JSON object and a newline.</summary>
    public string ToJson() => Jcs.Serialize(new JsonObject
    {
        ["seq"] = Seq, ["hash"] = Hash, ["at"] = At, ["signature"] = Signature,
    }) + "\n";

    /// <exception cref="FormatException">Not an anchor file; the message says what is wrong.</exception>
    public static AuditAnchor Parse(string json)
    {
        JsonObject obj;
        try
        {
            obj = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("not a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"not JSON ({e.Message})");
        }
        if (obj["seq"] is not JsonValue seqValue || seqValue.GetValueKind() != JsonValueKind.Number || !seqValue.TryGetValue<long>(out var seq) || seq < 0)
            throw new FormatException("seq must be a non-negative integer");
        var hash = Text(obj, "hash");
        if (!Hex.IsLowerHex(hash, 64)) throw new FormatException("hash must be 64 lowercase hex");
        var at = Text(obj, "at");
        if (!DateTime.TryParseExact(at, LogChain.TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            throw new FormatException("at must be yyyy-MM-ddTHH:mm:ss.fffZ");
        return new AuditAnchor(seq, hash, at, Text(obj, "signature"));
    }

    static string Text(JsonObject obj, string key) =>
        obj[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw new FormatException($"{key} must be a string");

    static byte[] Message(long seq, string hash, string at) => Encoding.UTF8.GetBytes(Jcs.Serialize(new JsonObject
    {
        ["seq"] = seq, ["hash"] = hash, ["at"] = at,
    }));
}

/// <summary>
/// The anchor signing key: a PKCS#8 PEM file outside the database (default &lt;DataDir&gt;/keys/anchor-signing.pem),
/// created with mode 0600 on first use. Its public half is what verifiers (and the portal) publish.
/// </summary>
public static class AnchorSigningKey
{
    public static ECDsa LoadOrCreate(string path)
    {
        if (File.Exists(path)) return LoadPem(path);
        var dir = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(dir);
        else Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
            writer.Write(key.ExportPkcs8PrivateKeyPem());
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use that one.
            File.Delete(temp);
            key.Dispose();
            return LoadPem(path);
        }
        return key;
    }

    /// <summary>A private key PEM (its public half is used) or a public key PEM.</summary>
    public static ECDsa LoadPem(string path)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
        }
        catch (ArgumentException e)
        {
            key.Dispose();
            throw new FormatException($"{path}: not an EC key in PEM form ({e.Message})", e);
        }
        return key;
    }

    public static string PublicKeyPem(ECDsa key) => key.ExportSubjectPublicKeyInfoPem() + "\n";
}
