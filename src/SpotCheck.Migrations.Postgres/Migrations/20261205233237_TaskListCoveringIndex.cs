using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpotCheck.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TaskListCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InspectionTasks_IsFinished_DueDate_Id",
                table: "InspectionTasks");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTasks_IsFinished_DueDate_Id_PlanId_DepartmentId",
                table: "InspectionTasks",
                columns: new[] { "IsFinished", "DueDate", "Id", "PlanId", "DepartmentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InspectionTasks_IsFinished_DueDate_Id_PlanId_DepartmentId",
                table: "InspectionTasks");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTasks_IsFinished_DueDate_Id",
                table: "InspectionTasks",
                columns: new[] { "IsFinished", "DueDate", "Id" });
        }
    }
}
