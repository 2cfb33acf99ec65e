using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Showroom.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IdleAway : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "IdleAwayMinutes",
                table: "Dealers",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IdleAwayMinutes",
                table: "Dealers");
        }
    }
}
