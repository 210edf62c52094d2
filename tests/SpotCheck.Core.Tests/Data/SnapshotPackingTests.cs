using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Tests.Draws;
using SpotCheck.Core.Tests.TestSupport;
using SpotCheck.Draw.Record;

namespace SpotCheck.Core.Tests.Data;

/// <summary>
/// Snapshot files are stored as UTF-8 bytes, large ones deflated: what was hashed is what reads back, and the
/// SnapshotFilesPacked migration carries files stored as text into bytes and back.
/// </summary>
public sealed class SnapshotPackingTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(100_000)]
    public void A_file_reads_back_exactly_as_it_was_packed(int lines)
    {
        var text = string.Concat(Enumerable.Range(0, lines).Select(i => $"91411721TE{i:D8}\t企业{i % 7}\t1\n"));
        var packed = SnapshotPacking.Pack(text);

        Assert.Equal(text, SnapshotPacking.Unpack(packed));
        var utf8 = Encoding.UTF8.GetBytes(text);
        if (utf8.Length < SnapshotPacking.PackFrom) Assert.Equal(utf8, packed);
        else Assert.True(packed.Length < utf8.Length / 3, $"{utf8.Length} bytes packed into {packed.Length}");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_large_frame_is_stored_deflated_and_drawn_from_as_frozen(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string drawId;
        await using (var store = new Store(database))
        {
            var kit = new DrawKit(store);
            var item = await kit.MarketBureauWithTwoOfficersAsync();
            await kit.EnterprisesAsync(3_000);
            (drawId, _) = await kit.FullDrawAsync(await kit.PublishedPlanAsync(DrawKit.PlanCommand([item.Id], ["XPSJJ"], ppmB: 1_000)));
        }

        await using var db = database.CreateContext();
        var session = await db.DrawSessions.AsNoTracking().SingleAsync(d => d.DrawId == drawId);
        Assert.Equal(3_000, session.PopulationTsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var manifest = JsonNode.Parse(session.ManifestJson)!.AsObject();
        foreach (var (file, text) in StoredDefinition.Texts(session))
            Assert.Equal(manifest[SnapshotFiles.HashField(file)]!.GetValue<string>(), SnapshotFiles.Hash(text));
        var stored = await StoredBytesAsync(db, session.Id, "Population");
        Assert.Equal(1, stored[0]);
        Assert.True(stored.Length * 3 < Encoding.UTF8.GetByteCount(session.PopulationTsv));
        Assert.Equal(Encoding.UTF8.GetBytes(session.InspectorsTsv), await StoredBytesAsync(db, session.Id, "Inspectors"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Files_stored_as_text_before_the_migration_read_back_unchanged(DbProvider provider)
    {
        const string beforePacking = "TaskListCoveringIndex";
        await using var database = await TestDatabase.CreateAsync(provider);
        string drawId;
        await using (var store = new Store(database))
        {
            var kit = new DrawKit(store);
            var item = await kit.MarketBureauWithTwoOfficersAsync();
            await kit.EnterprisesAsync(5);
            (drawId, _) = await kit.FullDrawAsync(await kit.PublishedPlanAsync(DrawKit.PlanCommand([item.Id], ["XPSJJ"])));
        }
        Dictionary<string, string> frozen;
        int id;
        await using (var db = database.CreateContext())
        {
            var session = await db.DrawSessions.AsNoTracking().SingleAsync(d => d.DrawId == drawId);
            (frozen, id) = (StoredDefinition.Texts(session), session.Id);
        }
        Assert.Equal(5, frozen[SnapshotFiles.Population].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        await using (var db = database.CreateContext())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(provider == DbProvider.Postgres ? "SnapshotTextsUncompressed" : beforePacking);
        }
        await using (var db = database.CreateContext())
            Assert.Equal(frozen[SnapshotFiles.Population],
                (await db.Database.SqlQueryRaw<string>("SELECT \"Population\" AS \"Value\" FROM \"DrawSnapshots\" WHERE \"DrawSessionId\" = {0}", id).ToListAsync()).Single());

        await using (var db = database.CreateContext()) await db.Database.MigrateAsync();
        await using (var db = database.CreateContext())
        {
            var session = await db.DrawSessions.AsNoTracking().SingleAsync(d => d.DrawId == drawId);
            Assert.Equal(frozen, StoredDefinition.Texts(session));
        }
    }

    /// <summary>One snapshot column as stored (the column names are this test's constants).</summary>
    static async Task<byte[]> StoredBytesAsync(DbContext db, int sessionId, string column)
    {
        var sql = "SELECT \"" + column + "\" AS \"Value\" FROM \"DrawSnapshots\" WHERE \"DrawSessionId\" = {0}";
        return (await db.Database.SqlQueryRaw<byte[]>(sql, sessionId).ToListAsync()).Single();
    }
}
