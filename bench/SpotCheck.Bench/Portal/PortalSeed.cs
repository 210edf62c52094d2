using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace SpotCheck.Bench.Portal;

/// <summary>
/// Benchmark data only (bench/portal-load.sh): N published results of existing enterprises written straight into a
/// SpotCheck SQLite database in one transaction, in batches of 1,000 per 抽查结果公告, spread over the years 2019–2026,
/// then a URL mix for the load client drawn from what is now public. The rows carry task ids no task has (there are no
/// 100,000 inspections behind them), so foreign keys are off for this connection; the database's own triggers (the name
/// index) still run. Never point this at a real platform.
/// </summary>
static class PortalSeed
{
    public const string Usage = "portal-seed DATA_DIR RESULTS URLS_OUT";

    static readonly string[] Results = ["NO_PROBLEM", "PROBLEM_PENDING", "CORRECTED_AFTER_ORDER", "UNREACHABLE", "NO_RELEVANT_ACTIVITY"];
    static readonly string[] ResultTexts = ["未发现问题", "发现问题待后续处理", "发现问题经责令已改正", "通过登记的住所（经营场所）无法联系", "未发现开展本次抽查涉及的经营活动"];

    public static async Task<int> RunAsync(string dataDir, int count, string urlsOut)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var db = new SqliteConnection($"Data Source={Path.Combine(dataDir, "spotcheck.db")};Foreign Keys=False;Pooling=False");
        await db.OpenAsync();
        var items = await RowsAsync(db, "SELECT Code, Name FROM InspectionItems WHERE Status = 'Published' ORDER BY Id");
        var departments = await RowsAsync(db, "SELECT Code, Name FROM Departments ORDER BY Id");
        if (items.Count == 0 || departments.Count == 0) throw new InvalidOperationException("no published items or departments: load the demo first");
        var enterprises = await RowsAsync(db, $"SELECT Id, Name, Uscc FROM Enterprises ORDER BY Id DESC LIMIT {count}");
        var (headSeq, headHash) = (await RowsAsync(db, "SELECT Seq, Hash FROM AuditEntries ORDER BY Seq DESC LIMIT 1"))[0] is var h ? (long.Parse(h[0], CultureInfo.InvariantCulture), h[1]) : default;
        var firstTask = 100_000_000L;

        await using (var tx = (SqliteTransaction)await db.BeginTransactionAsync())
        {
            var batch = Command(db, tx, """
                INSERT INTO PublicationBatches (Number, PublishedOn, PublishedAtUtc, PublishedBy, HeadSeq, HeadHash, ResultCount, IsDemo)
                VALUES ($n, $on, $at, 'bench', $seq, $hash, $count, 1) RETURNING Id
                """, "$n", "$on", "$at", "$seq", "$hash", "$count");
            var result = Command(db, tx, """
                INSERT INTO PublishedResults (TaskId, Version, BatchId, EnterpriseId, EnterpriseName, Uscc, ItemNames, DepartmentNames, IsRandom,
                    InspectedOn, Year, ResultText, ResultCodes, FollowUpText, FollowUpCodes, PublishedOn, PublishedAtUtc, VersionOn, VersionAtUtc,
                    CorrectionReason, VersionBy, Deadline, IsDemo)
                VALUES ($task, 1, $batch, $eid, $name, $uscc, $items, $depts, 1, $inspected, $year, $rtext, $rcode, '未发现问题或已改正，无需处置',
                    'NONE_REQUIRED', $on, $at, $on, $at, NULL, 'bench', NULL, 1) RETURNING Id
                """, "$task", "$batch", "$eid", "$name", "$uscc", "$items", "$depts", "$inspected", "$year", "$rtext", "$rcode", "$on", "$at");
            var item = Command(db, tx, "INSERT INTO PublishedResultItems (PublishedResultId, ItemCode, ItemName) VALUES ($r, $c, $n)", "$r", "$c", "$n");
            var dept = Command(db, tx, "INSERT INTO PublishedResultDepartments (PublishedResultId, DepartmentCode, DepartmentName) VALUES ($r, $c, $n)", "$r", "$c", "$n");
            long batchId = 0;
            for (var i = 0; i < count; i++)
            {
                var year = 2019 + i * 8 / count;
                var day = new DateOnly(year, 1, 2).AddDays(i % 1000 * 360 / 1000);
                var at = day.ToDateTime(new TimeOnly(2, 0)).AddSeconds(i % 1000);
                if (i % 1000 == 0)
                {
                    Set(batch, (year * 1000 + 900 + i / 1000 % 99).ToString(CultureInfo.InvariantCulture).Insert(4, "-"), Day(day), Instant(at), headSeq, headHash,
                        Math.Min(1000, count - i));
                    batchId = (long)(await batch.ExecuteScalarAsync())!;
                }
                var e = enterprises[i % enterprises.Count];
                var it = items[i % items.Count];
                var d = departments[i % departments.Count];
                var r = i % 7 == 0 ? 1 + i % 4 : 0;
                Set(result, firstTask + i, batchId, e[0], e[1], e[2], it[1], d[1], Day(day.AddDays(-10)), year, ResultTexts[r], Results[r], Day(day), Instant(at));
                var id = (long)(await result.ExecuteScalarAsync())!;
                Set(item, id, it[0], it[1]);
                await item.ExecuteNonQueryAsync();
                Set(dept, id, d[0], d[1]);
                await dept.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
        Console.WriteLine($"seeded {count} published results of {enterprises.Count} enterprises in {clock.Elapsed.TotalSeconds:F1} s");
        await WriteUrlsAsync(db, urlsOut, items, departments);
        return 0;
    }

    /// <summary>The URL mix: every kind of public page and API, with values that exist.</summary>
    static async Task WriteUrlsAsync(SqliteConnection db, string path, List<string[]> items, List<string[]> departments)
    {
        var usccs = (await RowsAsync(db, "SELECT Uscc FROM PublishedResults ORDER BY Id DESC LIMIT 200")).Select(r => r[0]).ToList();
        var names = (await RowsAsync(db, "SELECT EnterpriseName FROM PublishedResults WHERE Id % 997 = 0 LIMIT 200")).Select(r => r[0]).ToList();
        var batches = (await RowsAsync(db, "SELECT Number FROM PublicationBatches ORDER BY Id DESC LIMIT 50")).Select(r => r[0]).ToList();
        var draws = (await RowsAsync(db, "SELECT DrawId FROM DrawSessions WHERE PublishedAtUtc IS NOT NULL")).Select(r => r[0]).ToList();
        var urls = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            var name = names[i % names.Count];
            var part = name.Length > 8 ? name.Substring(name.Length - 6, 4) : name;
            urls.Add("/");
            urls.Add("/public/results");
            urls.Add("/public/results?q=" + Uri.EscapeDataString(part));
            urls.Add("/public/results?q=" + usccs[i % usccs.Count]);
            urls.Add($"/public/results?year={2019 + i % 8}&result=NO_PROBLEM");
            urls.Add("/public/results?item=" + Uri.EscapeDataString(items[i % items.Count][0]) + "&department=" + Uri.EscapeDataString(departments[i % departments.Count][0]));
            urls.Add($"/public/results?page={1 + i % 101}");
            urls.Add($"/public/enterprises/{usccs[(i * 7) % usccs.Count]}");
            urls.Add("/public/results/batches/" + batches[i % batches.Count]);
            if (draws.Count > 0)
            {
                urls.Add("/public/draws/" + draws[i % draws.Count]);
                if (i % 10 == 0) urls.Add($"/api/v1/public/draws/{draws[i % draws.Count]}/record");
            }
            urls.Add("/public/draws");
            urls.Add("/public/items");
            urls.Add($"/api/v1/public/results?q={usccs[(i * 3) % usccs.Count]}");
            urls.Add($"/api/v1/public/results?year={2019 + i % 8}&page={1 + i % 50}");
            urls.Add("/api/v1/public/audit/head");
            if (i % 20 == 0) urls.Add($"/api/v1/public/results/export?year={2019 + i % 8}&format={(i % 40 == 0 ? "csv" : "json")}");
        }
        await File.WriteAllLinesAsync(path, urls, new UTF8Encoding(false));
        Console.WriteLine($"wrote {urls.Count} URLs to {path}");
    }

    static async Task<List<string[]>> RowsAsync(SqliteConnection db, string sql)
    {
        await using var c = db.CreateCommand();
        c.CommandText = sql;
        await using var r = await c.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await r.ReadAsync()) rows.Add([.. Enumerable.Range(0, r.FieldCount).Select(i => Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture) ?? "")]);
        return rows;
    }

    static SqliteCommand Command(SqliteConnection db, SqliteTransaction tx, string sql, params string[] names)
    {
        var c = db.CreateCommand();
        c.Transaction = tx;
        c.CommandText = sql;
        foreach (var n in names) c.Parameters.Add(new SqliteParameter { ParameterName = n });
        return c;
    }

    static void Set(SqliteCommand c, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) c.Parameters[i].Value = values[i];
    }

    static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
