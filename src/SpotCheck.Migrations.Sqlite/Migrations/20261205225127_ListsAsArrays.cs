using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpotCheck.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListsAsArrays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The ';'-joined lists become the JSON arrays EF reads a primitive collection from; the column stays TEXT.
            migrationBuilder.Sql("""
                UPDATE "Plans" SET "ItemIds" = '[' || replace("ItemIds", ';', ',') || ']';
                UPDATE "InspectionTasks" SET "ItemIds" = '[' || replace("ItemIds", ';', ',') || ']';
                WITH RECURSIVE split("Id", "Rest", "Code") AS (
                    SELECT "Id", "DepartmentCodes" || ';', NULL FROM "Plans"
                    UNION ALL
                    SELECT "Id", substr("Rest", instr("Rest", ';') + 1), substr("Rest", 1, instr("Rest", ';') - 1) FROM split WHERE "Rest" <> ''
                )
                UPDATE "Plans" SET "DepartmentCodes" = (SELECT json_group_array("Code") FROM split
                    WHERE split."Id" = "Plans"."Id" AND "Code" IS NOT NULL AND "Code" <> '');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "Plans" SET "ItemIds" = coalesce((SELECT group_concat("value", ';') FROM json_each("Plans"."ItemIds")), ''),
                    "DepartmentCodes" = coalesce((SELECT group_concat("value", ';') FROM json_each("Plans"."DepartmentCodes")), '');
                UPDATE "InspectionTasks" SET "ItemIds" = coalesce((SELECT group_concat("value", ';') FROM json_each("InspectionTasks"."ItemIds")), '');
                """);
        }
    }
}
