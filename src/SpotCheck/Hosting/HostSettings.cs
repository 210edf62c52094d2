namespace SpotCheck.Hosting;

/// <summary>
/// The serve options of SPEC §4 (--data-dir, --db, --demo) merged with configuration (SpotCheck:DataDir,
/// SpotCheck:Db, SpotCheck:Demo, ConnectionStrings:Postgres, SpotCheck:EvidenceRoot, SpotCheck:ExportRoot, SpotCheck:AnchorKeyPath,
/// SpotCheck:MigrateAtStart); the remaining arguments go to ASP.NET Core.
/// </summary>
public sealed record HostSettings(Storage Storage, bool Demo, bool MigrateAtStart = true)
{
    /// <summary>Takes --demo (a flag, which ASP.NET Core's command-line provider would misread) out of the arguments.</summary>
    public static (bool Demo, string[] Remaining) SplitDemoFlag(string[] args) =>
        (args.Any(IsDemoFlag), args.Where(a => !IsDemoFlag(a)).ToArray());

    public static HostSettings From(IConfiguration config, bool demoFlag)
    {
        var dataDir = config["data-dir"] ?? config["SpotCheck:DataDir"];
        var db = config["db"] ?? config["SpotCheck:Db"] ?? config.GetConnectionString("Postgres");
        var demo = demoFlag || config.GetValue<bool>("SpotCheck:Demo");
        var storage = Storage.Resolve(dataDir, db, config["SpotCheck:EvidenceRoot"], config["SpotCheck:AnchorKeyPath"]) with
        {
            ExportRootSetting = config["SpotCheck:ExportRoot"] is { Length: > 0 } exports ? exports : null,
        };
        return new HostSettings(storage, demo, config.GetValue("SpotCheck:MigrateAtStart", true));
    }

    static bool IsDemoFlag(string arg) => arg is "--demo" or "--demo=true";
}
