using System.CommandLine;
using System.Globalization;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Calendar;
using SpotCheck.Core.Data;
using SpotCheck.Hosting;

namespace SpotCheck.Cli;

/// <summary><c>spotcheck calendar add-workdays|is-workday|import</c> (SPEC §4): shipped years plus those imported into the data dir.</summary>
public static class CalendarCommands
{
    const string Actor = "cli";

    public static Command Create()
    {
        var calendar = new Command("calendar", "工作日日历（法定节假日与调休）");
        calendar.Subcommands.Add(AddWorkdays());
        calendar.Subcommands.Add(IsWorkday());
        calendar.Subcommands.Add(Import());
        return calendar;
    }

    static Command AddWorkdays()
    {
        var date = new Argument<string>("DATE") { Description = "起始日期 YYYY-MM-DD（不计入）" };
        var n = new Argument<int>("N") { Description = "工作日数（≥1）" };
        var dataDir = CommonOptions.DataDir();
        var command = new Command("add-workdays", "起始日期之后的第 N 个工作日") { date, n, dataDir };
        command.SetAction(async (parse, ct) =>
        {
            var start = ParseDate(parse.GetRequiredValue(date));
            var calendarInForce = await LoadAsync(parse.GetValue(dataDir), ct);
            var result = calendarInForce.AddWorkdays(start, parse.GetValue(n));
            if (!result.IsSuccess) throw new CliException(result.Error!.Message);
            Console.Out.Write(result.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\n");
            return 0;
        });
        return command;
    }

    static Command IsWorkday()
    {
        var date = new Argument<string>("DATE") { Description = "日期 YYYY-MM-DD" };
        var dataDir = CommonOptions.DataDir();
        var command = new Command("is-workday", "是否为工作日：输出 true 或 false") { date, dataDir };
        command.SetAction(async (parse, ct) =>
        {
            var day = ParseDate(parse.GetRequiredValue(date));
            var result = (await LoadAsync(parse.GetValue(dataDir), ct)).IsWorkday(day);
            if (!result.IsSuccess) throw new CliException(result.Error!.Message);
            Console.Out.Write(result.Value ? "true\n" : "false\n");
            return 0;
        });
        return command;
    }

    static Command Import()
    {
        var file = new Argument<string>("FILE") { Description = "cn-holidays.json 格式的文件（可含多个年份）" };
        var dataDir = CommonOptions.DataDir();
        var command = new Command("import", "导入节假日安排；重复导入同一年份将生成新版本") { file, dataDir };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            if (!File.Exists(path)) throw new CliException($"文件不存在：{path}");
            var text = await File.ReadAllTextAsync(path, ct);
            await using var services = await CliServices.OpenAsync(Storage.Resolve(parse.GetValue(dataDir), null), ct);
            await using var scope = services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var result = await new ImportCalendar.Handler(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<AuditLog>(),
                sp.GetRequiredService<TimeProvider>()).HandleAsync(text, Actor, ct);
            if (!result.IsSuccess) throw new CliException(result.Error!.Message);
            foreach (var y in result.Value.Years)
                Console.Out.Write($"imported {y.Year} version {y.Version} ({y.Status})\n");
            return 0;
        });
        return command;
    }

    static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new CliException($"日期“{text}”格式错误，应为 YYYY-MM-DD");

    /// <summary>Without a database in the data dir the shipped years answer; none is created just to read.</summary>
    static async Task<WorkingDayCalendar> LoadAsync(string? dataDir, CancellationToken ct)
    {
        var storage = Storage.Resolve(dataDir, null);
        if (!storage.IsPostgres && !File.Exists(Path.Combine(storage.DataDir, "spotcheck.db")))
            return WorkingDayCalendar.ShippedOnly();
        await using var services = await CliServices.OpenAsync(storage, ct);
        await using var scope = services.CreateAsyncScope();
        return await CalendarStore.LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
    }
}
