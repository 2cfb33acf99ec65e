using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Showroom.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Routing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ConversationId",
                table: "Leads",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Routing_EscalateAfterSeconds",
                table: "Departments",
                type: "integer",
                nullable: false,
                defaultValue: 40);

            migrationBuilder.AddColumn<bool>(
                name: "Routing_EscalateToGroupDealers",
                table: "Departments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Routing_EscalateToManagers",
                table: "Departments",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "Routing_EscalateToOtherDepartments",
                table: "Departments",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "Routing_MissedChatLimitSeconds",
                table: "Departments",
                type: "integer",
                nullable: false,
                defaultValue: 120);

            migrationBuilder.AddColumn<int>(
                name: "Routing_OfferTimeoutSeconds",
                table: "Departments",
                type: "integer",
                nullable: false,
                defaultValue: 20);

            migrationBuilder.AddColumn<string>(
                name: "Routing_Policy",
                table: "Departments",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Broadcast");

            migrationBuilder.AddColumn<int>(
                name: "DefaultChatLimit",
                table: "Dealers",
                type: "integer",
                nullable: false,
                defaultValue: 8);

            migrationBuilder.AddColumn<bool>(
                name: "StickyReturningShoppers",
                table: "Dealers",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AcceptedAt",
                table: "Conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AgentReadSeq",
                table: "Conversations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "ReturningShopper",
                table: "Conversations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Routing_EscalationLevel",
                table: "Conversations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Routing_IsTransfer",
                table: "Conversations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Routing_NextAt",
                table: "Conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Routing_PreferredAgentId",
                table: "Conversations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Routing_QueuedAt",
                table: "Conversations",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<int>(
                name: "Routing_Round",
                table: "Conversations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "Routing_Stamp",
                table: "Conversations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ShopperReadSeq",
                table: "Conversations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ShopperSeenAt",
                table: "Conversations",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "TranscriptSentAt",
                table: "Conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ChatLimit",
                table: "Agents",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ChatOffers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DealerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OfferedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChatOffers_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChatOffers_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoutingEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DealerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Step = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoutingEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoutingEvents_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_Status_DealerId",
                table: "Conversations",
                columns: new[] { "Status", "DealerId" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatOffers_AgentId_State",
                table: "ChatOffers",
                columns: new[] { "AgentId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatOffers_ConversationId_State",
                table: "ChatOffers",
                columns: new[] { "ConversationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_RoutingEvents_ConversationId",
                table: "RoutingEvents",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_RoutingEvents_DealerId_At",
                table: "RoutingEvents",
                columns: new[] { "DealerId", "At" });

            // Chats from before routing: in line and seen since they started.
            migrationBuilder.Sql("UPDATE \"Conversations\" SET \"Routing_QueuedAt\" = \"CreatedAt\", \"ShopperSeenAt\" = \"CreatedAt\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChatOffers");

            migrationBuilder.DropTable(
                name: "RoutingEvents");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_Status_DealerId",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "ConversationId",
                table: "Leads");

            migrationBuilder.DropColumn(
                name: "Routing_EscalateAfterSeconds",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "Routing_EscalateToGroupDealers",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "Routing_EscalateToManagers",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "Routing_EscalateToOtherDepartments",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "Routing_MissedChatLimitSeconds",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "Routing_OfferTimeoutSeconds",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "Routing_Policy",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "DefaultChatLimit",
                table: "Dealers");

            migrationBuilder.DropColumn(
                name: "StickyReturningShoppers",
                table: "Dealers");

            migrationBuilder.DropColumn(
                name: "AcceptedAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "AgentReadSeq",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "ReturningShopper",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Routing_EscalationLevel",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Routing_IsTransfer",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Routing_NextAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Routing_PreferredAgentId",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Routing_QueuedAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Routing_Round",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Routing_Stamp",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "ShopperReadSeq",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "ShopperSeenAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "TranscriptSentAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "ChatLimit",
                table: "Agents");
        }
    }
}
