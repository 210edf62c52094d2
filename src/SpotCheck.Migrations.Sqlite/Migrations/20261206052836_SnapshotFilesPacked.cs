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

        // Only the stored values change type: SQLite keeps a BLOB as it is in a column declared TEXT, so the columns are
        // not redeclared. Redeclaring them would rebuild the table outside the migration's transaction.

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Cast(migrationBuilder, "BLOB");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            // Only files stored unpacked convert back; a database with packed files needs its backup from before this migration.
            Cast(migrationBuilder, "TEXT");

        static void Cast(MigrationBuilder migrationBuilder, string type) =>
            migrationBuilder.Sql($"""UPDATE "DrawSnapshots" SET {string.Join(", ", Columns.Select(c => $"""
                "{c}" = CAST("{c}" AS {type})
                """))};""");
    }
}
