using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpotCheck.Core.Notices;

/// <summary>
/// Everything printed on a notice except its 文号 and 落款 date, which issuing adds. Stored with the issued notice,
/// so a notice downloaded again is the document that was sent, whatever changed since.
/// </summary>
public sealed record NoticeContent(
    NoticeKind Kind,
    IReadOnlyList<string> Authorities,
    string Addressee,
    string Uscc,
    string Address,
    string Opening,
    IReadOnlyList<NoticeSection> Sections)
{
    [JsonIgnore] public string Title => NoticeKinds.Title(Kind);

    public string ToJson() => JsonSerializer.Serialize(this);

    public static NoticeContent FromJson(string json) =>
        JsonSerializer.Deserialize<NoticeContent>(json) ?? throw new InvalidDataException("empty notice content");

    public static string Sha256Of(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}

/// <summary>A numbered part of the notice (一、检查事项及依据 …) and its paragraphs.</summary>
public sealed record NoticeSection(string Heading, IReadOnlyList<string> Paragraphs);
