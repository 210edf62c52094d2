using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpotCheck.Migrations.Postgres.Migrations
{
    /// <summary>
    /// A draw's snapshot texts are stored out of line without compression: pglz compressing a million-member
    /// population.tsv (23 MB) cost a freeze a quarter of a second, for texts written once and read by every run and record.
    /// </summary>
    public partial class SnapshotTextsUncompressed : Migration
    {
        static readonly string[] Columns = ["Population", "Excluded", "Inspectors", "Conflicts", "PreviousTeams"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => SetStorage(migrationBuilder, "EXTERNAL");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => SetStorage(migrationBuilder, "EXTENDED");

        static void SetStorage(MigrationBuilder migrationBuilder, string storage) =>
            migrationBuilder.Sql($"""ALTER TABLE "DrawSnapshots" {string.Join(", ", Columns.Select(c => $"""ALTER COLUMN "{c}" SET STORAGE {storage}"""))};""");
    }
}
