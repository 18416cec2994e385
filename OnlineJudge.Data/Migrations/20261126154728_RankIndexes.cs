using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OnlineJudge.Data.Migrations
{
    /// <inheritdoc />
    public partial class RankIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "user_profile_rank_idx",
                table: "user_profile",
                columns: new[] { "accepted_number", "submission_number", "id" },
                descending: new[] { true, false, false });

            migrationBuilder.CreateIndex(
                name: "user_class_name_idx",
                table: "user",
                column: "class_name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "user_profile_rank_idx",
                table: "user_profile");

            migrationBuilder.DropIndex(
                name: "user_class_name_idx",
                table: "user");
        }
    }
}
