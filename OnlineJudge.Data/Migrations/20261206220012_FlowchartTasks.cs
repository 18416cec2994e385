using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OnlineJudge.Data.Migrations
{
    /// <inheritdoc />
    public partial class FlowchartTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "flowchart_task",
                columns: table => new
                {
                    submission_id = table.Column<string>(type: "text", nullable: false),
                    enqueued_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    not_before = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    lease_id = table.Column<Guid>(type: "uuid", nullable: true),
                    lease_expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_flowchart_task", x => x.submission_id);
                    table.ForeignKey(
                        name: "FK_flowchart_task_flowchart_submission_submission_id",
                        column: x => x.submission_id,
                        principalTable: "flowchart_submission",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "flowchart_task_lease_idx",
                table: "flowchart_task",
                column: "lease_expires_at",
                filter: "lease_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "flowchart_task_queue_idx",
                table: "flowchart_task",
                columns: new[] { "not_before", "enqueued_at" },
                filter: "lease_id IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "flowchart_task");
        }
    }
}
