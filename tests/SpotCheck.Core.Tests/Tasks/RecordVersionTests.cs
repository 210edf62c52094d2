using SpotCheck.Core.Evidence;
using SpotCheck.Core.Tasks;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Tasks;

/// <summary>A record form is stale only when the record changed, not when evidence was added beside it (issue 11).</summary>
public sealed class RecordVersionTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "spotcheck-record-version-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task An_upload_leaves_the_form_current_and_a_teammates_first_save_makes_it_stale(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var taskId = await kit.ComplaintTaskAsync(0, 1);
        var save = new SaveRecord.Handler(store.Db, store.Audit, store.Clock);

        var pdf = "%PDF-1.4\n1 0 obj\n%%EOF\n"u8.ToArray();
        Assert.True((await new UploadEvidence.Handler(store.Db, store.Audit, store.Clock)
            .HandleAsync(new EvidenceStore(_root), taskId, "scan.pdf", pdf, kit.OfficerViewer(0))).IsSuccess);

        var mine = kit.Record(); // loaded before anyone saved: version 0
        mine.ExpectedVersion = SaveRecord.VersionOf(null);
        var theirs = kit.Record("NO_PROBLEM");
        theirs.Place = "仓库";
        theirs.ExpectedVersion = 0;
        Assert.True((await save.HandleAsync(taskId, mine, kit.OfficerViewer(0))).IsSuccess); // the upload did not make it stale
        var late = await save.HandleAsync(taskId, theirs, kit.OfficerViewer(1));
        Assert.False(late.IsSuccess);
        Assert.Equal(Common.ErrorKind.Conflict, late.Error.Kind);

        theirs.ExpectedVersion = SaveRecord.VersionOf(store.Fresh().InspectionRecords.Single(r => r.TaskId == taskId));
        Assert.True((await save.HandleAsync(taskId, theirs, kit.OfficerViewer(1))).IsSuccess);
    }
}
