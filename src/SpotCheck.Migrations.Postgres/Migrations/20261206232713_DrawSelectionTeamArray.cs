using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpotCheck.Migrations.Postgres.Migrations
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

            // ';'-joined officer codes become an array (the generated ALTER has no USING and fails on existing rows).
            migrationBuilder.Sql("""
                ALTER TABLE "DrawSelections" ALTER COLUMN "Team" TYPE text[]
                    USING CASE WHEN "Team" = '' THEN '{}'::text[] ELSE string_to_array("Team", ';') END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "DrawSelections" ALTER COLUMN "Team" TYPE character varying(2000) USING array_to_string("Team", ';');
                """);

            migrationBuilder.CreateIndex(
                name: "IX_DrawSelections_DrawId_Team",
                table: "DrawSelections",
                columns: new[] { "DrawId", "Team" });
        }
    }
}
