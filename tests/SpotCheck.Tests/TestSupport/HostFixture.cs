namespace SpotCheck.Tests.TestSupport;

/// <summary>One running host per test class and provider; tests create their own uniquely named users.</summary>
public abstract class HostFixture(DbProvider provider) : IAsyncLifetime
{
    public TestHost? Host { get; private set; }

    public DbProvider Provider => provider;

    public async Task InitializeAsync() => Host = await TestHost.StartAsync(provider);

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
    }
}

public sealed class SqliteHostFixture() : HostFixture(DbProvider.Sqlite);

public sealed class PostgresHostFixture() : HostFixture(DbProvider.Postgres);

/// <summary>A host started with --demo, for pages that need records to show.</summary>
public sealed class DemoHostFixture : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = (await TestHost.StartAsync(DbProvider.Sqlite, demo: true))!;

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
