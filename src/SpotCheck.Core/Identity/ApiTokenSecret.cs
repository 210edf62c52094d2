using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SpotCheck.Core.Identity;

/// <summary>API bearer tokens: 256 random bits shown once; the database keeps only their SHA-256.</summary>
public static class ApiTokenSecret
{
    public const string Prefix = "sct_";

    public static string NewToken() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
