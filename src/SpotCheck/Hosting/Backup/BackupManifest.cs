using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpotCheck.Hosting.Backup;

/// <summary>
/// <c>manifest.json</c> of a backup: what restore must find again — the audit head, the row count of every table in
/// the backed-up snapshot, and the SHA-256 of every file in the archive.
/// </summary>
public sealed record BackupManifest(
    string Format,
    string CreatedAt,
    string Provider,
    long AuditSeq,
    string AuditHash,
    SortedDictionary<string, long> Rows,
    SortedDictionary<string, string> Files)
{
    public const string CurrentFormat = "spotcheck-backup/1";
    public const string EntryName = "manifest.json";
    public const string SqliteEntry = "database/spotcheck.db";
    public const string PostgresEntry = "database/spotcheck.pgdump";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static BackupManifest Parse(Stream stream) =>
        JsonSerializer.Deserialize<BackupManifest>(stream, Json) is { Format: CurrentFormat } m
            ? m
            : throw new FormatException($"not a {CurrentFormat} manifest");
}
