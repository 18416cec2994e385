using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OnlineJudge.Data.Migrations
{
    /// <inheritdoc />
    public partial class JudgeTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "judge_task",
                columns: table => new
                {
                    submission_id = table.Column<string>(type: "text", nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    enqueued_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    not_before = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    in_process = table.Column<bool>(type: "boolean", nullable: false),
                    counted_result = table.Column<int>(type: "integer", nullable: true),
                    lease_id = table.Column<Guid>(type: "uuid", nullable: true),
                    judge_server_id = table.Column<int>(type: "integer", nullable: true),
                    lease_expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_judge_task", x => x.submission_id);
                    table.ForeignKey(
                        name: "FK_judge_task_judge_server_judge_server_id",
                        column: x => x.judge_server_id,
                        principalTable: "judge_server",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_judge_task_submission_submission_id",
                        column: x => x.submission_id,
                        principalTable: "submission",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_judge_task_judge_server_id",
                table: "judge_task",
                column: "judge_server_id");

            migrationBuilder.CreateIndex(
                name: "judge_task_lease_idx",
                table: "judge_task",
                column: "lease_expires_at",
                filter: "lease_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "judge_task_queue_idx",
                table: "judge_task",
                columns: new[] { "in_process", "priority", "enqueued_at" },
                filter: "lease_id IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "judge_task");
        }
    }
}
