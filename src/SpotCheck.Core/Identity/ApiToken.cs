namespace SpotCheck.Core.Identity;

/// <summary>A bearer token for the API; only the SHA-256 of the token is stored.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
}
