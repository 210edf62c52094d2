using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpotCheck.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DrawSelectionTeamArray : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DrawSelections_DrawId_Team",
                table: "DrawSelections");

            // ';'-joined officer codes become a JSON array (codes hold only [0-9A-Za-z_.-]: nothing to escape).
            migrationBuilder.Sql("""
                UPDATE "DrawSelections" SET "Team" = CASE WHEN "Team" = '' THEN '[]' ELSE '["' || replace("Team", ';', '","') || '"]' END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "DrawSelections" SET "Team" = replace(replace(replace("Team", '["', ''), '"]', ''), '","', ';');
                UPDATE "DrawSelections" SET "Team" = '' WHERE "Team" = '[]';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_DrawSelections_DrawId_Team",
                table: "DrawSelections",
                columns: new[] { "DrawId", "Team" });
        }
    }
}
