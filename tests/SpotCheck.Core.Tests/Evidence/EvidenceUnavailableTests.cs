using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;
using SpotCheck.Core.Evidence;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.Tasks;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Evidence;

/// <summary>
/// Two instances with separate evidence roots: the file one of them stored is missing on the other, which says so and
/// writes nothing to the audit log; only bytes that no longer match their hash are an integrity failure.
/// </summary>
public sealed class EvidenceUnavailableTests : IDisposable
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    readonly string _rootA = Path.Combine(Path.GetTempPath(), "spotcheck-evidence-tests", Guid.NewGuid().ToString("N"));
    readonly string _rootB = Path.Combine(Path.GetTempPath(), "spotcheck-evidence-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        foreach (var root in new[] { _rootA, _rootB })
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_file_missing_from_this_instance_is_unavailable_and_not_an_integrity_failure(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Skip.If(database is null, "PostgreSQL is not configured (TEST_PG_CONNECTION)");
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var taskId = await kit.ComplaintTaskAsync(0, 1);
        var id = (await new UploadEvidence.Handler(store.Db, store.Audit, store.Clock)
            .HandleAsync(new EvidenceStore(_rootA), taskId, "a.png", EvidenceTests.Png(), kit.OfficerViewer(0))).Value;
        var entries = await store.Fresh().AuditEntries.CountAsync();

        var onB = await new OpenEvidence.Handler(store.Db, store.Audit).HandleAsync(new EvidenceStore(_rootB), id, thumbnail: false, kit.OfficerViewer(1));

        Assert.Equal((EvidenceStore.UnavailableCode, ErrorKind.NotFound), (onB.Error!.Code, onB.Error.Kind));
        Assert.Contains("在本实例上不可用", onB.Error.Message, StringComparison.Ordinal);
        await using var fresh = store.Fresh();
        Assert.Equal(entries, await fresh.AuditEntries.CountAsync());
        Assert.False(await fresh.AuditEntries.AnyAsync(e => e.Type == "EVIDENCE_INTEGRITY_FAILED"));
        Assert.True((await new OpenEvidence.Handler(store.Db, store.Audit).HandleAsync(new EvidenceStore(_rootA), id, false, kit.OfficerViewer(1))).IsSuccess);
    }
}
