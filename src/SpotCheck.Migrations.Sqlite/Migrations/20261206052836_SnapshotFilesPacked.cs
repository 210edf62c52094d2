using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpotCheck.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// A draw's snapshot files are stored as bytes, large ones deflated by the application (SnapshotPacking): a
    /// million-member population.tsv goes from 23 MB of text to about 5 MB. Stored texts become their UTF-8 bytes, which
    /// read back unchanged.
    /// </summary>
    public partial class SnapshotFilesPacked : Migration
    {
        static readonly string[] Columns = ["Population", "Excluded", "Inspectors", "Conflicts", "PreviousTeams"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var column in Columns)
                migrationBuilder.AlterColumn<byte[]>(name: column, table: "DrawSnapshots", type: "BLOB", nullable: false,
                    oldClrType: typeof(string), oldType: "TEXT");
            Cast(migrationBuilder, "BLOB");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Only files stored unpacked convert back; a database with packed files needs its backup from before this migration.
            foreach (var column in Columns)
                migrationBuilder.AlterColumn<string>(name: column, table: "DrawSnapshots", type: "TEXT", nullable: false,
                    oldClrType: typeof(byte[]), oldType: "BLOB");
            Cast(migrationBuilder, "TEXT");
        }

        static void Cast(MigrationBuilder migrationBuilder, string type) =>
            migrationBuilder.Sql($"""UPDATE "DrawSnapshots" SET {string.Join(", ", Columns.Select(c => $"""
                "{c}" = CAST("{c}" AS {type})
                """))};""");
    }
}
