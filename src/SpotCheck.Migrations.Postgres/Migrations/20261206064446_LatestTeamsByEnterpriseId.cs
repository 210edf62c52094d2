using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpotCheck.Migrations.Postgres.Migrations
{
    /// <summary>
    /// LatestTeams is keyed by enterprise id instead of USCC, so a frame's join walks it in the order it reads the
    /// enterprises. The table only caches what the draw selections say: it is dropped and created empty here, and
    /// <c>LatestTeams.FillIfMissingAsync</c> rebuilds it from the selections when the application next starts.
    /// </summary>
    public partial class LatestTeamsByEnterpriseId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "LatestTeams");
            migrationBuilder.CreateTable(
                name: "LatestTeams",
                columns: table => new
                {
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    Uscc = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DrawId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SelectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Team = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table => table.PrimaryKey("PK_LatestTeams", x => x.EnterpriseId));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "LatestTeams");
            migrationBuilder.CreateTable(
                name: "LatestTeams",
                columns: table => new
                {
                    Uscc = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DrawId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SelectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Team = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table => table.PrimaryKey("PK_LatestTeams", x => x.Uscc));
        }
    }
}
