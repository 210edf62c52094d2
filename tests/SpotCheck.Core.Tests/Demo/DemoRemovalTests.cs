using System.Text;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Credit;
using SpotCheck.Core.Demo;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Evidence;
using SpotCheck.Core.Reviews;
using SpotCheck.Core.Tasks;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.Draws;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Demo;

/// <summary>Removing the demo dataset takes its whole history (evidence, credit records, objections included) and nothing else.</summary>
public sealed class DemoRemovalTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Removal_takes_every_demo_record_and_its_history_and_leaves_the_rest(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        await DemoData.SeedAsync(store.Db, store.Audit, store.Clock);
        var kit = new DrawKit(store);
        var own = await kit.DepartmentAsync("XPSJJ", "西平县市场监督管理局");
        await kit.OfficerAsync(own, "INS-0001");
        await kit.OfficerAsync(own, "INS-0002");
        var ownItem = await kit.ItemAsync(own);
        await kit.EnterprisesAsync(3);
        var ownCommand = DrawKit.PlanCommand([ownItem.Id], ["XPSJJ"]);
        ownCommand.Tags = "食品"; // the kit's enterprises only, not the demo directory
        var ownPlan = await kit.PublishedPlanAsync(ownCommand);
        var (ownDraw, _) = await kit.FullDrawAsync(ownPlan);
        var demoPlan = await store.Db.Plans.Where(p => p.Year == 2026 && p.Name.Contains("示例数据")).Select(p => p.Id).SingleAsync();
        var (demoDraw, _) = await kit.FullDrawAsync(demoPlan);
        var task = await CreditRecordWithEvidenceAndObjectionAsync(store, demoDraw);
        var entries = await store.Db.AuditEntries.CountAsync();

        await DemoData.RemoveAsync(store.Db, store.Audit, "admin");

        await using var db = store.Fresh();
        Assert.False(await db.Enterprises.AnyAsync(e => e.IsDemo));
        Assert.False(await db.Officers.AnyAsync(o => o.IsDemo));
        Assert.False(await db.InspectionItems.AnyAsync(i => i.IsDemo));
        Assert.False(await db.Departments.AnyAsync(d => d.IsDemo));
        Assert.Equal([ownPlan], await db.Plans.Select(p => p.Id).ToListAsync());
        Assert.Equal([ownDraw], await db.DrawSessions.Select(d => d.DrawId).ToListAsync());
        Assert.All(await db.DrawSelections.ToListAsync(), s => Assert.Equal(ownDraw, s.DrawId));
        Assert.All(await db.InspectionTasks.ToListAsync(), t => Assert.Equal(ownDraw, t.DrawId));
        Assert.Equal(3, await db.InspectionTasks.CountAsync());
        Assert.False(await db.InspectionRecords.AnyAsync());
        Assert.False(await db.FollowUpActions.AnyAsync());
        Assert.False(await db.CreditRecords.AnyAsync());
        Assert.False(await db.Objections.AnyAsync());
        Assert.False(await db.EvidenceFiles.AnyAsync());
        Assert.False(await db.InspectionTasks.AnyAsync(t => t.Id == task));
        Assert.Equal(3, await db.Enterprises.CountAsync());
        Assert.Equal(["INS-0001", "INS-0002"], await db.Officers.OrderBy(o => o.Code).Select(o => o.Code).ToListAsync());
        Assert.Equal(entries + 1, await db.AuditEntries.CountAsync());
        Assert.Null((await AuditChainVerifier.VerifyAsync(db, CancellationToken.None)).Break);
    }

    /// <summary>One task of the demo draw through evidence, CREDIT_RECORD + RECTIFY approval and an objection.</summary>
    static async Task<int> CreditRecordWithEvidenceAndObjectionAsync(Store store, string drawId)
    {
        var task = await store.Db.InspectionTasks.Include(t => t.Members).Where(t => t.DrawId == drawId).OrderBy(t => t.DrawRank).FirstAsync();
        var team = task.ActiveMembers.Select(m => new TaskViewer("officer-" + m.OfficerId, m.OfficerId, false)).ToList();
        var reviewer = new TaskViewer("reviewer", null, true);
        var today = new DateOnly(2026, 11, 26);
        var evidence = Path.Combine(Path.GetTempPath(), "spotcheck-tests", Guid.NewGuid().ToString("N"));
        try
        {
            Assert.True((await new UploadEvidence.Handler(store.Db, store.Audit, store.Clock)
                .HandleAsync(new EvidenceStore(evidence), task.Id, "record.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 demo"), team[0])).IsSuccess);
        }
        finally
        {
            if (Directory.Exists(evidence)) Directory.Delete(evidence, recursive: true);
        }
        var saved = await new SaveRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(task.Id, new SaveRecord.Command
        {
            InspectedOn = today, Place = "现场", Methods = ["ONSITE"],
            Checklist = [.. task.ItemIdList.Select(i => new SaveRecord.Line { ItemId = i, Compliant = false })],
            Results = ["PROBLEM_PENDING"], FollowUps = [RecordCodes.Rectify, RecordCodes.CreditRecord], RectifyDueDate = today.AddDays(10),
        }, team[0]);
        Assert.True(saved.IsSuccess, saved.Error?.Message);
        foreach (var member in team) Assert.True((await new ConfirmRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(task.Id, member)).IsSuccess);
        Assert.True((await new SubmitRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(task.Id, team[0])).IsSuccess);
        var approved = await new ApproveRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(task.Id, reviewer);
        Assert.True(approved.IsSuccess, approved.Error?.Message);
        Assert.NotNull(approved.Value.RecheckTaskId);
        var objection = await new RecordObjection.Handler(store.Db, store.Audit, store.Clock).HandleAsync(task.Id,
            new RecordObjection.Command { ReceivedOn = today, SubmittedBy = "企业", Content = "对检查结果有异议" }, reviewer);
        Assert.True(objection.IsSuccess, objection.Error?.Message);
        Assert.True(await store.Db.CreditRecords.AnyAsync(c => c.TaskId == task.Id));
        return task.Id;
    }
}
