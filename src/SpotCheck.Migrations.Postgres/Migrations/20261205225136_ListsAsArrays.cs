using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpotCheck.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ListsAsArrays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The ';'-joined lists become arrays (string_to_array('') is the empty array).
            migrationBuilder.Sql("""
                ALTER TABLE "Plans" ALTER COLUMN "ItemIds" TYPE integer[] USING string_to_array("ItemIds", ';')::integer[];
                ALTER TABLE "Plans" ALTER COLUMN "DepartmentCodes" TYPE text[] USING string_to_array("DepartmentCodes", ';');
                ALTER TABLE "InspectionTasks" ALTER COLUMN "ItemIds" TYPE integer[] USING string_to_array("ItemIds", ';')::integer[];
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "Plans" ALTER COLUMN "ItemIds" TYPE character varying(1000) USING array_to_string("ItemIds", ';');
                ALTER TABLE "Plans" ALTER COLUMN "DepartmentCodes" TYPE character varying(1000) USING array_to_string("DepartmentCodes", ';');
                ALTER TABLE "InspectionTasks" ALTER COLUMN "ItemIds" TYPE character varying(1000) USING array_to_string("ItemIds", ';');
                """);
        }
    }
}
