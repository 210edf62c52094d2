using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Reviews;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.Draws;
using SpotCheck.Core.Tests.Tasks;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Audit;

/// <summary>
/// A server whose culture has another calendar (th-TH: Buddhist era, 2026 is 2569; ar-SA: Umm al-Qura) writes the
/// same ISO Gregorian dates into hashed payloads as any other.
/// </summary>
public sealed partial class InvariantCultureTests
{
    public static TheoryData<string> Cultures => ["th-TH", "ar-SA"];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDateStart();

    [Theory, MemberData(nameof(Cultures))]
    public async Task A_ceremony_and_an_approval_write_iso_gregorian_dates_under_a_non_gregorian_culture(string culture)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.NotEqual("2026", new DateOnly(2026, 12, 31).ToString("yyyy")); // the culture really uses another calendar
            await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
            await using var store = new Store(database!);
            var draws = new DrawKit(store);
            var dept = await draws.DepartmentAsync("XPSJJ", "西平县市场监督管理局");
            for (var i = 1; i <= 2; i++) await draws.OfficerAsync(dept, $"INS-{i:D4}");
            var item = await draws.ItemAsync(dept);
            await draws.EnterprisesAsync(2);
            await draws.FullDrawAsync(await draws.PublishedPlanAsync(DrawKit.PlanCommand([item.Id], ["XPSJJ"])));
            var tasks = await TaskKit.CreateAsync(store);
            var taskId = await tasks.ComplaintTaskAsync(0, 1);
            await tasks.SubmitAsync(taskId, tasks.Record(), 0, 1);
            Assert.True((await new ApproveRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(taskId, TaskKit.Reviewer)).IsSuccess);

            await using var fresh = store.Fresh();
            var entries = await fresh.AuditEntries.OrderBy(e => e.Seq).ToListAsync();
            var approved = JsonNode.Parse(entries.Single(e => e.Type == "RECORD_APPROVED").Payload)!;
            Assert.Equal("2026-11-26", approved["conclusionDate"]!.GetValue<string>());
            Assert.StartsWith("202", approved["publicationDeadline"]!.GetValue<string>(), StringComparison.Ordinal);
            var dates = entries.SelectMany(e => Strings(JsonNode.Parse(e.Payload))).Where(s => IsoDateStart().IsMatch(s)).ToList();
            Assert.Contains(dates, d => d == "2026-12-31"); // the task's due date
            Assert.All(dates, d => Assert.Matches(@"^20(26|27)-", d));
            Assert.All(entries, e => Assert.StartsWith("2026-", e.Ts, StringComparison.Ordinal));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
