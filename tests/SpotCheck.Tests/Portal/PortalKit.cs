using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Data;
using SpotCheck.Core.Demo;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Items;
using SpotCheck.Core.Officers;
using SpotCheck.Core.Publication;
using SpotCheck.Core.Reviews;
using SpotCheck.Core.Tasks;
using SpotCheck.Hosting;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Portal;

/// <summary>
/// Results made through the running host's own use cases on the demo data: an enterprise and two officers of the demo
/// bureau, a complaint task inspected with findings and evidence, confirmed, approved and, if wanted, published.
/// </summary>
sealed class PortalKit(IServiceProvider services)
{
    public PortalKit(TestHost host) : this(host.Factory.Services) { }

    public static readonly TaskViewer Reviewer = new("reviewer", null, true);

    public sealed record Inspection(SaveRecord.Command Record, string EvidenceName, byte[] Evidence);

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, AppDbContext, Task<T>> act)
    {
        await using var scope = services.CreateAsyncScope();
        return await act(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Today in Beijing by the host's clock: records cannot be dated in the future.</summary>
    public DateOnly Today => ShanghaiDay.Of(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    public Task<Enterprise> EnterpriseAsync(string name, int serial, string? contact = null, string? phone = null, string? legal = null,
        string address = "西平县") => InScopeAsync(async (_, db) =>
    {
        var e = Enterprise.Create(new EnterpriseData(name, DemoData.UsccFor(serial).Value, DemoData.Region, address, [], RiskClass.B, false, false,
            EnterpriseStatus.Active, contact, phone, legal), DateTime.UtcNow);
        db.Enterprises.Add(e);
        await db.SaveChangesAsync();
        return e;
    });

    public Task<Officer> OfficerAsync(string code, string name, string certificate) => InScopeAsync(async (_, db) =>
    {
        var department = await db.InspectionItems.Where(i => i.Status == ItemStatus.Published).OrderBy(i => i.Id).Select(i => i.DepartmentId).FirstAsync();
        var o = Officer.Create(new OfficerData(code, name, department, certificate, new DateOnly(2030, 12, 31), [], true, 20), DateTime.UtcNow);
        db.Officers.Add(o);
        await db.SaveChangesAsync();
        return o;
    });

    /// <summary>A complaint task for the enterprise with both officers, recorded, confirmed, submitted and approved.</summary>
    public Task<int> ApprovedAsync(int enterpriseId, Officer first, Officer second, Inspection inspection, string basis = "举报编号 JB-TEST") =>
        InScopeAsync(async (sp, db) =>
        {
            var item = await db.InspectionItems.Where(i => i.Status == ItemStatus.Published).OrderBy(i => i.Id).FirstAsync();
            var created = await sp.GetRequiredService<CreateTask.Handler>().HandleAsync(new CreateTask.Command
            {
                Source = "COMPLAINT", EnterpriseId = enterpriseId, ItemIds = [item.Id], DueDate = Today.AddDays(30), Basis = basis,
                OfficerIds = [first.Id, second.Id],
            }, "planner");
            Assert.True(created.IsSuccess, created.Error?.Message);
            var id = created.Value;
            var one = new TaskViewer("officer-" + first.Code, first.Id, false);
            var two = new TaskViewer("officer-" + second.Code, second.Id, false);
            var record = inspection.Record;
            foreach (var line in record.Checklist) line.ItemId = item.Id;
            Assert.True((await sp.GetRequiredService<SaveRecord.Handler>().HandleAsync(id, record, one)).IsSuccess);
            var uploaded = await sp.GetRequiredService<Core.Evidence.UploadEvidence.Handler>()
                .HandleAsync(sp.Evidence(), id, inspection.EvidenceName, inspection.Evidence, one);
            Assert.True(uploaded.IsSuccess, uploaded.Error?.Message);
            foreach (var viewer in new[] { one, two })
                Assert.True((await sp.GetRequiredService<ConfirmRecord.Handler>().HandleAsync(id, viewer)).IsSuccess);
            Assert.True((await sp.GetRequiredService<SubmitRecord.Handler>().HandleAsync(id, one)).IsSuccess);
            var approved = await sp.GetRequiredService<ApproveRecord.Handler>().HandleAsync(id, Reviewer);
            Assert.True(approved.IsSuccess, approved.Error?.Message);
            return id;
        });

    public Task<PublishResults.Outcome> PublishAsync(params int[] taskIds) => InScopeAsync(async (sp, _) =>
    {
        var outcome = await sp.GetRequiredService<PublishResults.Handler>().HandleAsync(taskIds, Reviewer);
        Assert.True(outcome.IsSuccess, outcome.Error?.Message);
        return outcome.Value;
    });

    /// <summary>A record of no problem found, concluded <paramref name="daysAgo"/> days ago, with the given free texts.</summary>
    public SaveRecord.Command Record(int daysAgo, string place, string findings, string note) => new()
    {
        InspectedOn = Today.AddDays(-daysAgo), ConcludedOn = Today.AddDays(-daysAgo), Place = place, Methods = ["ONSITE"],
        Checklist = [new SaveRecord.Line { Compliant = true, Note = note }], Findings = findings,
        Results = [RecordCodes.NoProblem], FollowUps = ["NONE_REQUIRED"],
    };

    /// <summary>A tiny valid PDF carrying <paramref name="text"/>, which must never be served publicly.</summary>
    public static byte[] Pdf(string text) => System.Text.Encoding.UTF8.GetBytes("%PDF-1.4\n% " + text + "\n%%EOF\n");
}
