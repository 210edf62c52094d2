using System.Security.Cryptography;
using System.Text;
using SpotCheck.Core.Draws;

namespace SpotCheck.Core.Demo;

/// <summary>
/// The demo ceremony's secrets and dice digits. They are DEMO VALUES, derived from SHA-256 of the demo seed so every
/// install replays the same history; a real ceremony generates secrets at random and rolls real dice.
/// </summary>
static class DemoValues
{
    public const string Organizer = "示例数据/组织方";
    public const string Supervisor = "示例数据/监督方";
    public const string Reviewer = "示例数据/审核员";
    public const string RandomnessSource = "dice：示例数据——骰子点数为由示例种子派生的演示值，并非现场掷骰";

    public static string ActorOf(string party) => party == DrawSession.Organizer ? Organizer : Supervisor;

    public static string OfficerActor(string name) => "示例数据/" + name;

    /// <summary>64 lowercase hex characters: a valid secret (draw-spec §6.3) that only the demo seed determines.</summary>
    public static string Secret(string drawId, string party) => Convert.ToHexStringLower(Hash($"secret|{drawId}|{party}"));

    /// <summary>"dice:" and 32 digits 1–6, one per hash byte (the modulo bias does not matter for a demo value).</summary>
    public static string Dice(string drawId) =>
        "dice:" + string.Concat(Hash($"dice|{drawId}").Select(b => (char)('1' + b % 6)));

    static byte[] Hash(string purpose) => SHA256.HashData(Encoding.UTF8.GetBytes($"{DemoData.Seed}|{purpose}"));
}
