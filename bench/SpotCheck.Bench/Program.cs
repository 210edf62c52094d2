using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/SpotCheck.Bench -- --filter '*'   (each area adds its classes in its own folder)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
