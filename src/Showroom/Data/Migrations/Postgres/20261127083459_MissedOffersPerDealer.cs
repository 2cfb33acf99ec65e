using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Showroom.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MissedOffersPerDealer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MissedOffersBeforeAway",
                table: "Dealers",
                type: "integer",
                nullable: false,
                defaultValue: 3);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MissedOffersBeforeAway",
                table: "Dealers");
        }
    }
}
