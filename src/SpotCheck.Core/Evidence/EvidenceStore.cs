using System.Security.Cryptography;
using SpotCheck.Core.Common;

namespace SpotCheck.Core.Evidence;

/// <summary>
/// Content-addressed file store: a file's name is the SHA-256 of its bytes, at <c>root/ab/cd/&lt;sha256&gt;</c>
/// (root = &lt;DataDir&gt;/evidence, outside wwwroot). Reads re-hash the bytes, so a changed file is detected.
/// </summary>
public sealed class EvidenceStore(string root)
{
    public string Root { get; } = root;

    public string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256[2..4], sha256);

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Stores the bytes (once; an identical file is already there) and returns their SHA-256.</summary>
    public async Task<string> PutAsync(byte[] bytes, CancellationToken ct = default)
    {
        var sha = Hash(bytes);
        var path = PathOf(sha);
        if (File.Exists(path)) return sha;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Environment.ProcessId + "." + Environment.CurrentManagedThreadId + ".tmp";
        await File.WriteAllBytesAsync(temp, bytes, ct);
        try { File.Move(temp, path, overwrite: false); }
        catch (IOException) when (File.Exists(path)) { File.Delete(temp); }
        return sha;
    }

    /// <summary>The stored bytes, or an error when the file is missing or no longer hashes to its name.</summary>
    public async Task<Result<byte[]>> ReadAsync(string sha256, CancellationToken ct = default)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path)) return new Error("evidence.missing", "证据文件在存储中缺失", Kind: ErrorKind.Conflict);
        var bytes = await File.ReadAllBytesAsync(path, ct);
        if (!string.Equals(Hash(bytes), sha256, StringComparison.Ordinal))
            return new Error("evidence.tampered", "证据文件内容与其哈希值不符，可能已被篡改，拒绝提供", Kind: ErrorKind.Conflict);
        return bytes;
    }
}
