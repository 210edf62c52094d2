using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpotCheck.Migrations.Postgres.Migrations
{
    /// <summary>
    /// A draw's snapshot files are stored as bytes, large ones deflated by the application (SnapshotPacking): a
    /// million-member population.tsv goes from 23 MB of text to about 5 MB. Stored texts become their UTF-8 bytes, which
    /// read back unchanged; the columns stay out of line without PostgreSQL's own compression.
    /// </summary>
    public partial class SnapshotFilesPacked : Migration
    {
        static readonly string[] Columns = ["Population", "Excluded", "Inspectors", "Conflicts", "PreviousTeams"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            Alter(migrationBuilder, c => $"""ALTER COLUMN "{c}" TYPE bytea USING convert_to("{c}", 'UTF8')""");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            // Only files stored unpacked convert back; a database with packed files needs its backup from before this migration.
            Alter(migrationBuilder, c => $"""ALTER COLUMN "{c}" TYPE text USING convert_from("{c}", 'UTF8')""");

        static void Alter(MigrationBuilder migrationBuilder, Func<string, string> type) =>
            migrationBuilder.Sql($"""
                ALTER TABLE "DrawSnapshots" {string.Join(", ", Columns.Select(type))};
                ALTER TABLE "DrawSnapshots" {string.Join(", ", Columns.Select(c => $"""ALTER COLUMN "{c}" SET STORAGE EXTERNAL"""))};
                """);
    }
}
