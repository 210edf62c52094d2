namespace SpotCheck.Hosting;

/// <summary>
/// What a new bureau's administrator reads on first start: the exact command that creates the first administrator for
/// the way the app was started (from source with <c>dotnet run</c>, or the published <c>spotcheck</c>), on the same
/// storage, how to give the password, and where to log in. Connection strings are never printed (they hold secrets).
/// </summary>
public static class FirstRunHint
{
    public static IReadOnlyList<string> Lines(HostSettings settings, string? urls, string workingDirectory, string appDirectory)
    {
        var command = $"{Launcher(workingDirectory, appDirectory)} users add admin --role Admin --password-stdin{StorageOptions(settings, workingDirectory)}";
        var login = (urls ?? WebHost.DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries)[0].Replace("://+", "://localhost")
            .Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost").TrimEnd('/') + "/Account/Login";
        return
        [
            "尚无任何用户。请在另一个终端中创建第一个系统管理员（密码至少10位，从标准输入读入，不会出现在命令行历史中）：",
            $"  echo '在此输入密码' | {command}",
            $"然后在浏览器打开 {login} 登录。",
        ];
    }

    /// <summary><c>dotnet run --project …</c> when running from a source checkout's build output, else the executable.</summary>
    static string Launcher(string workingDirectory, string appDirectory)
    {
        var build = new DirectoryInfo(appDirectory.TrimEnd(Path.DirectorySeparatorChar));
        // bin/<Configuration>/<TargetFramework>/ under the project folder.
        var project = build.Parent?.Parent?.Parent;
        if (build.Parent?.Parent?.Name == "bin" && project is not null && File.Exists(Path.Combine(project.FullName, "SpotCheck.csproj")))
            return $"dotnet run --project {Relative(workingDirectory, project.FullName)} --";
        var exe = Path.Combine(appDirectory, OperatingSystem.IsWindows() ? "spotcheck.exe" : "spotcheck");
        if (!File.Exists(exe)) return "spotcheck";
        var path = Relative(workingDirectory, exe);
        return Quote(path.Contains(Path.DirectorySeparatorChar) ? path : "./" + path);
    }

    static string StorageOptions(HostSettings settings, string workingDirectory)
    {
        var options = "";
        var defaultDir = Path.GetFullPath(Path.Combine(workingDirectory, "data"));
        if (!string.Equals(Path.GetFullPath(settings.Storage.DataDir), defaultDir, StringComparison.Ordinal))
            options += " --data-dir " + Quote(settings.Storage.DataDir);
        if (settings.Storage.IsPostgres) options += " --db \"<与网站相同的 PostgreSQL 连接字符串>\"";
        return options;
    }

    static string Relative(string from, string to)
    {
        var relative = Path.GetRelativePath(from, to);
        return relative.StartsWith("..", StringComparison.Ordinal) ? to : relative;
    }

    static string Quote(string path) => path.Contains(' ') ? $"\"{path}\"" : path;
}
