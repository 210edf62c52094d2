using System.Security.Cryptography;
using SpotCheck.Core.Common;

namespace SpotCheck.Core.Evidence;

/// <summary>
/// Where evidence bytes live, addressed by their SHA-256. Several instances must share one store (a shared folder, or
/// an S3-compatible bucket behind another implementation); a file this instance cannot reach is
/// <see cref="EvidenceStore.UnavailableCode"/>, never an integrity failure.
/// </summary>
public interface IEvidenceStore
{
    /// <summary>Stores the bytes (once; an identical file is already there) and returns their SHA-256.</summary>
    Task<string> PutAsync(byte[] bytes, CancellationToken ct = default);

    /// <summary>The stored bytes; an error when this instance cannot reach them or they no longer hash to their name.</summary>
    Task<Result<byte[]>> ReadAsync(string sha256, CancellationToken ct = default);
}

/// <summary>
/// Content-addressed file store: a file's name is the SHA-256 of its bytes, at <c>root/ab/cd/&lt;sha256&gt;</c>
/// (root = SpotCheck:EvidenceRoot, by default &lt;DataDir&gt;/evidence, outside wwwroot). Reads re-hash the bytes, so
/// a changed file is detected.
/// </summary>
public sealed class EvidenceStore(string root) : IEvidenceStore
{
    public const string UnavailableCode = "evidence.unavailable";
    public const string TamperedCode = "evidence.tampered";

    public string Root { get; } = root;

    public string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256[2..4], sha256);

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public async Task<string> PutAsync(byte[] bytes, CancellationToken ct = default)
    {
        var sha = Hash(bytes);
        var path = PathOf(sha);
        if (File.Exists(path)) return sha;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // The host name keeps two instances writing the same file to a shared folder off each other's temporary file.
        var temp = $"{path}.{Environment.MachineName}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        await File.WriteAllBytesAsync(temp, bytes, ct);
        try { File.Move(temp, path, overwrite: false); }
        catch (IOException) when (File.Exists(path)) { File.Delete(temp); }
        return sha;
    }

    public async Task<Result<byte[]>> ReadAsync(string sha256, CancellationToken ct = default)
    {
        var path = PathOf(sha256);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, ct);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Unavailable;
        }
        if (!string.Equals(Hash(bytes), sha256, StringComparison.Ordinal))
            return new Error(TamperedCode, "证据文件内容与其哈希值不符，可能已被篡改，拒绝提供", Kind: ErrorKind.Conflict);
        return bytes;
    }

    public static readonly Error Unavailable = new(UnavailableCode,
        "该证据文件在本实例上不可用（证据存储中没有这个文件：可能保存在另一实例的本地磁盘上，或共享存储未挂载），请联系系统管理员检查证据存储配置",
        Kind: ErrorKind.NotFound);
}
