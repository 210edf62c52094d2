namespace SpotCheck.Tests.TestSupport;

/// <summary>One running host per test class and provider; tests create their own uniquely named users.</summary>
public abstract class HostFixture(DbProvider provider, TimeProvider? clock = null) : IAsyncLifetime
{
    public TestHost? Host { get; private set; }

    public DbProvider Provider => provider;

    /// <summary>The host, or a skipped test (<c>[SkippableFact]</c>/<c>[SkippableTheory]</c>) when PostgreSQL is not configured and not required.</summary>
    public TestHost RequireHost()
    {
        Skip.If(Host is null, TestStorage.NotConfigured);
        return Host!;
    }

    public async Task InitializeAsync() => Host = await TestHost.StartAsync(provider, clock: clock);

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
    }
}

public sealed class SqliteHostFixture() : HostFixture(DbProvider.Sqlite);

public sealed class PostgresHostFixture() : HostFixture(DbProvider.Postgres);

/// <summary>A host whose clock stands at <see cref="TestClock.Start"/> (moving 1 ms per reading), so dates built from "today" never cross a year end.</summary>
public sealed class SqliteFixedClockHostFixture() : HostFixture(DbProvider.Sqlite, TestClock.Create());

public sealed class PostgresFixedClockHostFixture() : HostFixture(DbProvider.Postgres, TestClock.Create());

/// <summary>A host started with --demo, for pages that need records to show.</summary>
public sealed class DemoHostFixture : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = (await TestHost.StartAsync(DbProvider.Sqlite, demo: true))!;

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
