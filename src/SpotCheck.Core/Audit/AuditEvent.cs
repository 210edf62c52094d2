using System.Text.Json.Nodes;

namespace SpotCheck.Core.Audit;

/// <summary>
/// A state change to record. <paramref name="Type"/> is UPPER_SNAKE (draw-spec §7.3 types or feature types such as
/// ITEM_CREATED); payload numbers must be integers, and large data goes in as hashes.
/// </summary>
public sealed record AuditEvent(string Type, string Actor, JsonObject Payload, string? DrawId = null);
