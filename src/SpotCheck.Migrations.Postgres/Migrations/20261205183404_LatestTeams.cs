using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpotCheck.Migrations.Postgres.Migrations
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
                    Uscc = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DrawId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SelectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Team = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
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
