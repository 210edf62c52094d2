using Microsoft.Extensions.DependencyInjection.Extensions;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;

namespace SpotCheck.Hosting;

/// <summary>
/// The services a CLI command needs (database, audit log, Identity) on the same storage as <c>serve</c>, with an
/// initialized schema; no logging to stdout, which belongs to the command's output.
/// </summary>
public static class CliServices
{
    public static async Task<ServiceProvider> OpenAsync(Storage storage, CancellationToken ct)
    {
        storage.EnsureDataDir();
        var services = new ServiceCollection();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContext<AppDbContext>(o => storage.Configure(o));
        services.AddScoped<AuditLog>();
        services.AddSpotCheckUseCases();
        services.AddSpotCheckIdentityCore();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();
        await DatabaseSetup.InitializeAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
        return provider;
    }
}
