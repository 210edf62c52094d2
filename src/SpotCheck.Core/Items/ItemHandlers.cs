using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Items;

/// <summary>
/// Creates an item (version 1, draft) or changes one: a draft is edited in place, a published version gets a new
/// draft version. Published versions never change.
/// </summary>
public static class SaveItem
{
    public sealed class Command
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string EnforcementBody { get; set; } = "";
        public string LegalBasis { get; set; } = "";
        public int DepartmentId { get; set; }
        public string TargetType { get; set; } = "ENTERPRISE";
        public string Content { get; set; } = "";
        /// <summary>domain.md §3.3 codes, ';'-separated.</summary>
        public string Methods { get; set; } = "";
        public string Category { get; set; } = "GENERAL";
        public string RatioFrequencyNote { get; set; } = "";
        public DateOnly EffectiveFrom { get; set; }
        /// <summary>The version row the edit was made on and its row version (form hidden fields); null = no check.</summary>
        public int? BasedOnId { get; set; }
        public int? ExpectedVersion { get; set; }
    }

    public static async Task<Result<ItemData>> ValidateAsync(AppDbContext db, Command c, CancellationToken ct)
    {
        if (ItemRules.Code(c.Code?.Trim()) is { } e0) return e0;
        if (ItemRules.Text(c.Name, 200, nameof(c.Name), "事项名称") is { } e1) return e1;
        if (ItemRules.Text(c.EnforcementBody, 200, nameof(c.EnforcementBody), "执法主体") is { } e2) return e2;
        if (ItemRules.Text(c.LegalBasis, 2000, nameof(c.LegalBasis), "执法依据") is { } e3) return e3;
        if (ItemRules.Text(c.Content, 4000, nameof(c.Content), "抽查内容") is { } e4) return e4;
        if (c.RatioFrequencyNote is { Length: > 500 }) return new Error("item.length", "比例与频次不能超过500个字符", nameof(c.RatioFrequencyNote));
        var target = ItemRules.Target(c.TargetType);
        if (!target.IsSuccess) return target.Error!;
        var methods = ItemRules.Methods(c.Methods);
        if (!methods.IsSuccess) return methods.Error!;
        var category = ItemRules.Category(c.Category);
        if (!category.IsSuccess) return category.Error!;
        if (!await db.Departments.AnyAsync(d => d.Id == c.DepartmentId, ct))
            return new Error("item.department", "抽查部门不存在", nameof(c.DepartmentId));
        return new ItemData(c.Name.Trim(), c.EnforcementBody.Trim(), c.LegalBasis.Trim(), c.DepartmentId, target.Value,
            c.Content.Trim(), methods.Value, category.Value, c.RatioFrequencyNote?.Trim() ?? "", c.EffectiveFrom);
    }

    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        /// <summary>Returns the id of the version that holds the change (the draft).</summary>
        public Task<Result<int>> HandleAsync(Command cmd, string actor, CancellationToken ct = default) => db.RunAsync<int>(async () =>
        {
            var data = await ValidateAsync(db, cmd, ct);
            if (!data.IsSuccess) return data.Error!;
            var code = cmd.Code.Trim();
            var latest = await db.InspectionItems.Where(i => i.Code == code).OrderByDescending(i => i.Version).FirstOrDefaultAsync(ct);
            if (latest is not null && cmd.ExpectedVersion is int seen && (seen != latest.RowVersion || cmd.BasedOnId != latest.Id))
                return Error.Stale("该检查事项", seen, latest.RowVersion, []);
            var saved = Apply(db, latest, code, data.Value, clock.GetUtcNow().UtcDateTime);
            if (!saved.IsSuccess) return saved.Error!;
            var item = saved.Value;
            if (item is null) return latest!.Id;
            await audit.AppendAsync(new AuditEvent(latest is null ? "ITEM_CREATED" : "ITEM_UPDATED", actor,
                new JsonObject { ["code"] = code, ["version"] = item.Version }), ct);
            return item.Id;
        }, ct);
    }

    /// <summary>The versioning rule, shared with the import. Returns null when nothing changes.</summary>
    public static Result<InspectionItem?> Apply(AppDbContext db, InspectionItem? latest, string code, ItemData data, DateTime utcNow)
    {
        if (latest is null)
        {
            var created = InspectionItem.CreateDraft(code, data, utcNow);
            db.InspectionItems.Add(created);
            return created;
        }
        if (latest.HasSameContent(data)) return (InspectionItem?)null;
        if (latest.Status == ItemStatus.Draft)
        {
            var edited = latest.EditDraft(data);
            return edited.IsSuccess ? latest : edited.Error!;
        }
        var next = latest.NextVersion(data, utcNow);
        db.InspectionItems.Add(next);
        return next;
    }
}

/// <summary>Publishes a draft version; the version it replaces gets its end date.</summary>
public static class PublishItem
{
    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public Task<Result> HandleAsync(int itemId, string actor, CancellationToken ct = default) => db.RunAsync(async () =>
        {
            var item = await db.InspectionItems.SingleOrDefaultAsync(i => i.Id == itemId, ct);
            if (item is null) return new Error("item.not_found", "检查事项不存在", Kind: ErrorKind.NotFound);
            var previous = await db.InspectionItems
                .Where(i => i.Code == item.Code && i.Version < item.Version && i.Status == ItemStatus.Published)
                .OrderByDescending(i => i.Version).FirstOrDefaultAsync(ct);
            var result = item.Publish(previous, clock.GetUtcNow().UtcDateTime);
            if (!result.IsSuccess) return result;
            await audit.AppendAsync(new AuditEvent("ITEM_PUBLISHED", actor, new JsonObject
            {
                ["code"] = item.Code,
                ["version"] = item.Version,
                ["effectiveFrom"] = item.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["supersededVersion"] = previous?.Version,
            }), ct);
            return Result.Ok();
        }, ct);
    }
}

/// <summary>Ends a published item without a successor.</summary>
public static class RetireItem
{
    public sealed class Handler(AppDbContext db, AuditLog audit)
    {
        public Task<Result> HandleAsync(int itemId, DateOnly effectiveTo, string actor, CancellationToken ct = default) => db.RunAsync(async () =>
        {
            var item = await db.InspectionItems.SingleOrDefaultAsync(i => i.Id == itemId, ct);
            if (item is null) return new Error("item.not_found", "检查事项不存在", Kind: ErrorKind.NotFound);
            var result = item.Retire(effectiveTo);
            if (!result.IsSuccess) return result;
            await audit.AppendAsync(new AuditEvent("ITEM_RETIRED", actor, new JsonObject
            {
                ["code"] = item.Code, ["version"] = item.Version, ["effectiveTo"] = effectiveTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }), ct);
            return Result.Ok();
        }, ct);
    }
}

/// <summary>Item versions for the staff list (all) or the public portal (published only).</summary>
public static class ListItems
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<InspectionItem>> HandleAsync(bool publishedOnly, CancellationToken ct = default)
        {
            var q = db.InspectionItems.AsNoTracking();
            if (publishedOnly) q = q.Where(i => i.Status == ItemStatus.Published);
            return await q.OrderBy(i => i.Code).ThenByDescending(i => i.Version).ToListAsync(ct);
        }
    }
}
