using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace SpotCheck.Tests.TestSupport;

/// <summary>
/// The real host on the given storage, configured the way <c>serve --data-dir D --db CONN [--demo]</c> is; with a
/// <paramref name="clock"/> the host reads time from it instead of the system clock.
/// </summary>
public sealed class SpotCheckFactory(TestStorage storage, bool demo, TimeProvider? clock = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("SpotCheck:DataDir", storage.DataDir);
        builder.UseSetting("SpotCheck:Db", storage.PostgresConnection ?? "");
        builder.UseSetting("SpotCheck:Demo", demo ? "true" : "false");
        builder.UseSetting("SpotCheck:DrawWarmUp", "false"); // a second of CPU per test host; DrawWarmUpTests runs it
        if (clock is not null) builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }

    /// <summary>Starts the host on a free port of its own (for a real browser) and returns its base address.</summary>
    public string StartOnPort()
    {
        UseKestrel(0);
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }
}
