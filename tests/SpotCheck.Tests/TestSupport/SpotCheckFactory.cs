using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SpotCheck.Tests.TestSupport;

/// <summary>The real host on the given storage, configured the way <c>serve --data-dir D --db CONN [--demo]</c> is.</summary>
public sealed class SpotCheckFactory(TestStorage storage, bool demo) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("SpotCheck:DataDir", storage.DataDir);
        builder.UseSetting("SpotCheck:Db", storage.PostgresConnection ?? "");
        builder.UseSetting("SpotCheck:Demo", demo ? "true" : "false");
    }
}
