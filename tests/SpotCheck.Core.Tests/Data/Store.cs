using Microsoft.Extensions.Time.Testing;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Officers;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Data;

/// <summary>A context on a real test database with the audit log and a fixed clock, as the handlers get them.</summary>
sealed class Store(TestDatabase database, DateTimeOffset? start = null) : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    public AppDbContext Db { get; } = database.CreateContext();
    public FakeTimeProvider Clock { get; } = new(start ?? Now);
    public AuditLog Audit => new(Db, Clock);

    /// <summary>A fresh context for reading what was stored (nothing cached).</summary>
    public AppDbContext Fresh() => database.CreateContext();

    public async Task<Department> DepartmentAsync(string code = "XPKGJ", string name = "西平县科技和工业信息化局")
    {
        var d = new Department(code, name);
        Db.Departments.Add(d);
        await Db.SaveChangesAsync();
        return d;
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
