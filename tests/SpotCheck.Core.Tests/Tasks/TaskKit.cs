using System.Globalization;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Items;
using SpotCheck.Core.Officers;
using SpotCheck.Core.Tasks;
using SpotCheck.Core.Tests.Data;

namespace SpotCheck.Core.Tests.Tasks;

/// <summary>Directory data on a real database and the task steps as the pages run them.</summary>
sealed class TaskKit(Store store)
{
    public Store Store { get; } = store;
    public Department Dept { get; private set; } = null!;
    public InspectionItem Item { get; private set; } = null!;
    public Enterprise Enterprise { get; private set; } = null!;
    public List<Officer> Officers { get; } = [];

    public static async Task<TaskKit> CreateAsync(Store store, int officers = 4, RiskClass risk = RiskClass.B)
    {
        var kit = new TaskKit(store);
        kit.Dept = await store.DepartmentAsync("XPSCJ", "西平县市场监督管理局");
        for (var i = 1; i <= officers; i++)
            kit.Officers.Add(Officer.Create(new OfficerData($"INS-{i:D3}", "检查员" + i, kit.Dept.Id, "CERT" + i, new DateOnly(2030, 12, 31), [], true, 20),
                Store.Now.UtcDateTime));
        store.Db.Officers.AddRange(kit.Officers);
        kit.Item = InspectionItem.CreateDraft("T-COAL", new ItemData("煤炭经营", "西平县科技和工业信息化局", "《煤炭法》", kit.Dept.Id,
            TargetType.Enterprise, "告知性备案及变更", ["ONSITE", "DOCUMENT"], ItemCategory.General, "5%", new DateOnly(2026, 1, 1)), Store.Now.UtcDateTime);
        kit.Item.Publish(null, Store.Now.UtcDateTime);
        store.Db.InspectionItems.Add(kit.Item);
        kit.Enterprise = Enterprise.Create(new EnterpriseData("西平县示例煤业有限公司", "91350100M000100Y43", "411721", "西平县柏城大道1号",
            ["煤炭"], risk, false, false, EnterpriseStatus.Active, null, null), Store.Now.UtcDateTime);
        store.Db.Enterprises.Add(kit.Enterprise);
        await store.Db.SaveChangesAsync();
        return kit;
    }

    public static readonly TaskViewer Planner = new("planner", null, true);
    public static readonly TaskViewer Reviewer = new("reviewer", null, true);

    public TaskViewer OfficerViewer(int index) => new("officer" + index, Officers[index].Id, false);

    public Task<int> ComplaintTaskAsync(params int[] officerIndexes) => ComplaintTaskDueAsync(new DateOnly(2026, 12, 31), officerIndexes);

    public async Task<int> ComplaintTaskDueAsync(DateOnly due, params int[] officerIndexes)
    {
        var r = await new CreateTask.Handler(Store.Db, Store.Audit, Store.Clock).HandleAsync(new CreateTask.Command
        {
            Source = "COMPLAINT", EnterpriseId = Enterprise.Id, ItemIds = [Item.Id], DueDate = due,
            Basis = "举报编号 JB-2026-0001", OfficerIds = [.. officerIndexes.Select(i => Officers[i].Id)],
        }, "planner");
        Assert.True(r.IsSuccess, r.Error?.Message);
        return r.Value;
    }

    public SaveRecord.Command Record(string results = "NO_PROBLEM", string followUps = "NONE_REQUIRED", DateOnly? rectifyDue = null,
        string? resultOther = null) => new()
    {
        InspectedOn = new DateOnly(2026, 11, 25), Place = "企业经营场所", Methods = ["ONSITE"],
        Checklist = [new SaveRecord.Line { ItemId = Item.Id, Compliant = results == "NO_PROBLEM", Note = "已核查备案材料" }],
        Findings = "现场核查经营台账", Results = [.. results.Split(';')], FollowUps = [.. followUps.Split(';')], RectifyDueDate = rectifyDue,
        ResultOtherText = resultOther,
    };

    /// <summary>Saves the record, has every active member confirm it and submits it.</summary>
    public async Task SubmitAsync(int taskId, SaveRecord.Command record, params int[] officerIndexes)
    {
        var first = OfficerViewer(officerIndexes[0]);
        var saved = await new SaveRecord.Handler(Store.Db, Store.Audit, Store.Clock).HandleAsync(taskId, record, first);
        Assert.True(saved.IsSuccess, saved.Error?.Message);
        foreach (var i in officerIndexes)
            Assert.True((await new ConfirmRecord.Handler(Store.Db, Store.Audit, Store.Clock).HandleAsync(taskId, OfficerViewer(i))).IsSuccess);
        var submitted = await new SubmitRecord.Handler(Store.Db, Store.Audit, Store.Clock).HandleAsync(taskId, first);
        Assert.True(submitted.IsSuccess, submitted.Error?.Message);
    }

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
