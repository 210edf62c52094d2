using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpotCheck.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EnterpriseRegionRiskIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enterprises_RegionCode",
                table: "Enterprises");

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_RegionCode_RiskClass",
                table: "Enterprises",
                columns: new[] { "RegionCode", "RiskClass" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enterprises_RegionCode_RiskClass",
                table: "Enterprises");

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_RegionCode",
                table: "Enterprises",
                column: "RegionCode");
        }
    }
}
