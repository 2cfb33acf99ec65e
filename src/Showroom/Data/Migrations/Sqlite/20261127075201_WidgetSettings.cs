using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Showroom.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WidgetSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing dealers get today's widget: the default colour and label, every start-form field optional.
            migrationBuilder.AddColumn<string>(
                name: "Widget_AccentColor",
                table: "Dealers",
                type: "TEXT",
                maxLength: 7,
                nullable: false,
                defaultValue: "#0b5cad");

            migrationBuilder.AddColumn<string>(
                name: "Widget_EmailField",
                table: "Dealers",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "Optional");

            migrationBuilder.AddColumn<string>(
                name: "Widget_Greeting",
                table: "Dealers",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Widget_LauncherLabel",
                table: "Dealers",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Chat with us");

            migrationBuilder.AddColumn<string>(
                name: "Widget_LauncherPosition",
                table: "Dealers",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "Right");

            migrationBuilder.AddColumn<string>(
                name: "Widget_NameField",
                table: "Dealers",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "Optional");

            migrationBuilder.AddColumn<string>(
                name: "Widget_OfflineMessage",
                table: "Dealers",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Widget_PhoneField",
                table: "Dealers",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "Optional");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Widget_AccentColor",
                table: "Dealers");

            migrationBuilder.DropColumn(
                name: "Widget_EmailField",
                table: "Dealers");

            migrationBuilder.DropColumn(
                name: "Widget_Greeting",
                table: "Dealers");

            migrationBuilder.DropColumn(
                name: "Widget_LauncherLabel",
                table: "Dealers");

            migrationBuilder.DropColumn(
                name: "Widget_LauncherPosition",
                table: "Dealers");

            migrationBuilder.DropColumn(
                name: "Widget_NameField",
                table: "Dealers");

            migrationBuilder.DropColumn(
                name: "Widget_OfflineMessage",
                table: "Dealers");

            migrationBuilder.DropColumn(
                name: "Widget_PhoneField",
                table: "Dealers");
        }
    }
}
