using SpotCheck.Core.Reviews;
using SpotCheck.Core.Tests.Tasks;

namespace SpotCheck.Core.Tests.Publication;

static class PublicationKit
{
    /// <summary>A complaint task inspected on <paramref name="concludedOn"/>, confirmed, submitted and approved.</summary>
    public static async Task<int> ApprovedAsync(TaskKit kit, DateOnly concludedOn, string results = "NO_PROBLEM", string followUps = "NONE_REQUIRED")
    {
        var id = await kit.ComplaintTaskAsync(0, 1);
        var record = kit.Record(results, followUps);
        (record.InspectedOn, record.ConcludedOn) = (concludedOn, concludedOn);
        await kit.SubmitAsync(id, record, 0, 1);
        var approved = await new ApproveRecord.Handler(kit.Store.Db, kit.Store.Audit, kit.Store.Clock).HandleAsync(id, TaskKit.Reviewer);
        Assert.True(approved.IsSuccess, approved.Error?.Message);
        return id;
    }
}
