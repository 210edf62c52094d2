using System.CommandLine;
using SpotCheck.Hosting;

namespace SpotCheck.Cli;

/// <summary>Options shared by the commands that touch the platform's state.</summary>
public static class CommonOptions
{
    public static Option<string?> DataDir() => new("--data-dir") { Description = "数据目录（默认 ./data）" };

    public static Option<string?> Db() => new("--db") { Description = "PostgreSQL 连接串（默认使用数据目录中的 SQLite）" };

    public static Storage Storage(ParseResult parse, Option<string?> dataDir, Option<string?>? db = null) =>
        Hosting.Storage.Resolve(parse.GetValue(dataDir), db is null ? null : parse.GetValue(db));
}
