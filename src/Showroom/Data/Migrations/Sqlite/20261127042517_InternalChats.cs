using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Showroom.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InternalChats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InternalThreads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DealerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AgentA = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgentB = table.Column<Guid>(type: "TEXT", nullable: true),
                    LastSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InternalThreads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InternalThreads_Dealers_DealerId",
                        column: x => x.DealerId,
                        principalTable: "Dealers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InternalMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThreadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    ClientMessageId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InternalMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InternalMessages_InternalThreads_ThreadId",
                        column: x => x.ThreadId,
                        principalTable: "InternalThreads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InternalReadMarks",
                columns: table => new
                {
                    ThreadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReadSeq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InternalReadMarks", x => new { x.ThreadId, x.AgentId });
                    table.ForeignKey(
                        name: "FK_InternalReadMarks_InternalThreads_ThreadId",
                        column: x => x.ThreadId,
                        principalTable: "InternalThreads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InternalMessages_ThreadId_ClientMessageId",
                table: "InternalMessages",
                columns: new[] { "ThreadId", "ClientMessageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InternalMessages_ThreadId_Seq",
                table: "InternalMessages",
                columns: new[] { "ThreadId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InternalThreads_AgentA_AgentB",
                table: "InternalThreads",
                columns: new[] { "AgentA", "AgentB" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InternalThreads_DealerId",
                table: "InternalThreads",
                column: "DealerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InternalMessages");

            migrationBuilder.DropTable(
                name: "InternalReadMarks");

            migrationBuilder.DropTable(
                name: "InternalThreads");
        }
    }
}
