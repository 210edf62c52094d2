using System.Text.RegularExpressions;
using SpotCheck.Draw.Json;

namespace SpotCheck.Core.Audit;

/// <summary>What an event must look like before it may enter the chain; a violation is a programming error.</summary>
static partial class AuditEventRules
{
    public const int MaxTypeLength = 64;
    public const int MaxActorLength = 256;

    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")]
    private static partial Regex TypePattern();

    [GeneratedRegex("^[0-9A-Za-z_.-]{1,64}$")]
    private static partial Regex DrawIdPattern();

    /// <summary>Checks the event and returns its payload as canonical JSON text.</summary>
    public static string CanonicalPayload(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Type is null || e.Type.Length > MaxTypeLength || !TypePattern().IsMatch(e.Type))
            throw new ArgumentException($"audit type '{e.Type}' must be UPPER_SNAKE, at most {MaxTypeLength} characters", nameof(e));
        if (string.IsNullOrWhiteSpace(e.Actor) || e.Actor.Length > MaxActorLength || e.Actor.Any(char.IsControl))
            throw new ArgumentException($"audit actor must be 1-{MaxActorLength} characters without control characters", nameof(e));
        if (e.DrawId is not null && !DrawIdPattern().IsMatch(e.DrawId))
            throw new ArgumentException($"audit drawId '{e.DrawId}' must match ^[0-9A-Za-z_.-]{{1,64}}$", nameof(e));
        ArgumentNullException.ThrowIfNull(e.Payload);

        string payload;
        try
        {
            payload = Jcs.Serialize(e.Payload);
        }
        catch (JcsException x)
        {
            throw new ArgumentException($"audit payload of {e.Type}: {x.Message}", nameof(e), x);
        }
        if (payload.Length > AuditLog.MaxPayloadLength)
            throw new ArgumentException(
                $"audit payload of {e.Type} is {payload.Length} characters; put large data in as a hash (limit {AuditLog.MaxPayloadLength})", nameof(e));
        return payload;
    }
}
