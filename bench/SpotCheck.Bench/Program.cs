using BenchmarkDotNet.Running;
using SpotCheck.Bench.Audit;
using SpotCheck.Bench.Workflow;

// dotnet run -c Release --project bench/SpotCheck.Bench -- --filter '*'   (each area adds its classes in its own folder)
// dotnet run -c Release --project bench/SpotCheck.Bench -- plan-draw ENTERPRISES.csv DATA_DIR [PPM] [OFFICERS] [HISTORY_YEARS]
// dotnet run -c Release --project bench/SpotCheck.Bench -- statistics ENTERPRISES.csv DATA_DIR [PPM] [OFFICERS]
// dotnet run -c Release --project bench/SpotCheck.Bench -- audit-verify DATA_DIR [ENTRIES]
// dotnet run -c Release --project bench/SpotCheck.Bench -- portal-seed DATA_DIR RESULTS URLS_OUT   (benchmark data only)
// dotnet run -c Release --project bench/SpotCheck.Bench -- verify-in-browser BASE_URL DRAW_ID ROWS WORK_DIR [CHROMIUM]
if (args.Length > 0 && args[0] == "plan-draw")
{
    if (args.Length < 3)
    {
        Console.Error.WriteLine("usage: " + PlanDrawBench.Usage);
        return 2;
    }
    return await PlanDrawBench.RunAsync(args[1], args[2], PlanDrawBench.Arg(args, 3, 10_000), (int)PlanDrawBench.Arg(args, 4, 2_000),
        (int)PlanDrawBench.Arg(args, 5, 0));
}
if (args.Length > 0 && args[0] == "statistics")
{
    if (args.Length < 3)
    {
        Console.Error.WriteLine("usage: " + StatisticsBench.Usage);
        return 2;
    }
    return await StatisticsBench.RunAsync(args[1], args[2], PlanDrawBench.Arg(args, 3, 100_000), (int)PlanDrawBench.Arg(args, 4, 2_000));
}
if (args.Length > 0 && args[0] == "portal-seed")
{
    if (args.Length < 4)
    {
        Console.Error.WriteLine("usage: " + SpotCheck.Bench.Portal.PortalSeed.Usage);
        return 2;
    }
    return await SpotCheck.Bench.Portal.PortalSeed.RunAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3]);
}
if (args.Length > 0 && args[0] == "audit-verify")
{
    if (args.Length < 2)
    {
        Console.Error.WriteLine("usage: " + AuditChainBench.Usage);
        return 2;
    }
    return await AuditChainBench.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
}
if (args.Length > 0 && args[0] == "verify-in-browser")
{
    if (args.Length < 5)
    {
        Console.Error.WriteLine("usage: " + VerifyInBrowserBench.Usage);
        return 2;
    }
    return await VerifyInBrowserBench.RunAsync(args[1], args[2], (int)PlanDrawBench.Arg(args, 3, 1_000_000), args[4],
        args.Length > 5 ? args[5] : "/usr/bin/chromium");
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
