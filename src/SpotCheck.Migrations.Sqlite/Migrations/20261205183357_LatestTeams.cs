using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpotCheck.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LatestTeams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LatestTeams",
                columns: table => new
                {
                    Uscc = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DrawId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SelectedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Team = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LatestTeams", x => x.Uscc);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LatestTeams");
        }
    }
}
