using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OnlineJudge.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "achievement",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    icon = table.Column<string>(type: "text", nullable: false),
                    rarity = table.Column<string>(type: "text", nullable: false, defaultValue: "bronze"),
                    hidden = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    metric = table.Column<string>(type: "text", nullable: false),
                    @operator = table.Column<string>(name: "operator", type: "text", nullable: false, defaultValue: "gte"),
                    threshold = table.Column<int>(type: "integer", nullable: false),
                    visible = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    unlock_count = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    order = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    create_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_achievement", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "judge_server",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    hostname = table.Column<string>(type: "text", nullable: false),
                    ip = table.Column<string>(type: "text", nullable: true),
                    judger_version = table.Column<string>(type: "text", nullable: false),
                    cpu_core = table.Column<int>(type: "integer", nullable: false),
                    memory_usage = table.Column<double>(type: "double precision", nullable: false),
                    cpu_usage = table.Column<double>(type: "double precision", nullable: false),
                    last_heartbeat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    create_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    task_number = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    service_url = table.Column<string>(type: "text", nullable: true),
                    is_disabled = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_judge_server", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "options_sysoptions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    key = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_options_sysoptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "problem_tag",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_problem_tag", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "user",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    password = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    last_login = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    username = table.Column<string>(type: "text", nullable: false),
                    email = table.Column<string>(type: "text", nullable: true),
                    create_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: true, defaultValueSql: "now()"),
                    admin_type = table.Column<string>(type: "text", nullable: false, defaultValue: "Regular User"),
                    problem_permission = table.Column<string>(type: "text", nullable: false, defaultValue: "None"),
                    auth_token = table.Column<string>(type: "text", nullable: true),
                    session_keys = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'[]'::jsonb"),
                    open_api = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    open_api_appkey = table.Column<string>(type: "text", nullable: true),
                    is_disabled = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    raw_password = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    class_name = table.Column<string>(type: "text", nullable: true),
                    reset_password_token = table.Column<string>(type: "text", nullable: true),
                    reset_password_token_expire_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ai_analysis",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    provider = table.Column<string>(type: "text", nullable: false, defaultValue: "deepseek"),
                    data = table.Column<string>(type: "jsonb", nullable: false),
                    system_prompt = table.Column<string>(type: "text", nullable: false),
                    user_prompt = table.Column<string>(type: "text", nullable: false),
                    analysis = table.Column<string>(type: "text", nullable: false),
                    create_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    model = table.Column<string>(type: "text", nullable: false, defaultValue: "deepseek-v4-flash"),
                    is_pinned = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ai_analysis", x => x.id);
                    table.ForeignKey(
                        name: "FK_ai_analysis_user_user_id",
                        column: x => x.user_id,
                        principalTable: "user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "announcement",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "text", nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    tag = table.Column<string>(type: "text", nullable: false),
                    create_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    last_update_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    visible = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    top = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    created_by_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_announcement", x => x.id);
                    table.ForeignKey(
                        name: "FK_announcement_user_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contest",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    tag = table.Column<string>(type: "text", nullable: false),
                    password = table.Column<string>(type: "text", nullable: true),
                    start_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    end_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    create_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    last_update_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    created_by_id = table.Column<int>(type: "integer", nullable: false),
                    visible = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    allowed_ip_ranges = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'[]'::jsonb")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contest", x => x.id);
                    table.ForeignKey(
                        name: "FK_contest_user_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "problemset",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    create_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    last_update_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    visible = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    difficulty = table.Column<string>(type: "text", nullable: false, defaultValue: "Easy"),
                    status = table.Column<string>(type: "text", nullable: false, defaultValue: "draft"),
                    created_by_id = table.Column<int>(type: "integer", nullable: false),
                    end_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_problemset", x => x.id);
                    table.ForeignKey(
                        name: "FK_problemset_user_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tutorial",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    is_public = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    order = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    created_by_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "text", nullable: true),
                    type = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false, defaultValue: "python")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tutorial", x => x.id);
                    table.ForeignKey(
                        name: "FK_tutorial_user_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_achievement",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    unlock_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    backfilled = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    notified = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    achievement_id = table.Column<long>(type: "bigint", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_achievement", x => x.id);
                    table.ForeignKey(
                        name: "FK_user_achievement_achievement_achievement_id",
                        column: x => x.achievement_id,
                        principalTable: "achievement",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_user_achievement_user_user_id",
                        column: x => x.user_id,
                        principalTable: "user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_profile",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    acm_problems_status = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    real_name = table.Column<string>(type: "text", nullable: true),
                    avatar = table.Column<string>(type: "text", nullable: false, defaultValue: "/public/avatar/default.png"),
                    blog = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    mood = table.Column<string>(type: "text", nullable: true),
                    github = table.Column<string>(type: "text", nullable: true),
                    school = table.Column<string>(type: "text", nullable: true),
                    major = table.Column<string>(type: "text", nullable: true),
                    language = table.Column<string>(type: "text", nullable: true),
                    accepted_number = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    submission_number = table.Column<int>(type: "integer", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_profile", x => x.id);
                    table.ForeignKey(
                        name: "FK_user_profile_user_user_id",
                        column: x => x.user_id,
                        principalTable: "user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_stat",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    metrics = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    update_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    user_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_stat", x => x.id);
                    table.ForeignKey(
                        name: "FK_user_stat_user_user_id",
                        column: x => x.user_id,
                        principalTable: "user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "acm_contest_rank",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    contest_id = table.Column<int>(type: "integer", nullable: false),
                    submission_number = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    accepted_number = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    total_time = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    submission_info = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acm_contest_rank", x => x.id);
                    table.ForeignKey(
                        name: "FK_acm_contest_rank_contest_contest_id",
                        column: x => x.contest_id,
                        principalTable: "contest",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_acm_contest_rank_user_user_id",
                        column: x => x.user_id,
                        principalTable: "user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contest_announcement",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    contest_id = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    created_by_id = table.Column<int>(type: "integer", nullable: false),
                    visible = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    create_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contest_announcement", x => x.id);
                    table.ForeignKey(
                        name: "FK_contest_announcement_contest_contest_id",
                        column: x => x.contest_id,
                        principalTable: "contest",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_contest_announcement_user_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "problem",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    _id = table.Column<string>(type: "text", nullable: false),
                    contest_id = table.Column<int>(type: "integer", nullable: true),
                    is_public = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    input_description = table.Column<string>(type: "text", nullable: false),
                    output_description = table.Column<string>(type: "text", nullable: false),
                    samples = table.Column<string>(type: "jsonb", nullable: false),
                    test_case_id = table.Column<string>(type: "text", nullable: false),
                    test_case_score = table.Column<string>(type: "jsonb", nullable: false),
                    hint = table.Column<string>(type: "text", nullable: true),
                    languages = table.Column<string>(type: "jsonb", nullable: false),
                    template = table.Column<string>(type: "jsonb", nullable: false),
                    create_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    last_update_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_by_id = table.Column<int>(type: "integer", nullable: false),
                    time_limit = table.Column<int>(type: "integer", nullable: false),
                    memory_limit = table.Column<int>(type: "integer", nullable: false),
                    visible = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    difficulty = table.Column<string>(type: "text", nullable: false),
                    source = table.Column<string>(type: "text", nullable: true),
                    prompt = table.Column<string>(type: "text", nullable: true),
                    answers = table.Column<string>(type: "jsonb", nullable: true),
                    submission_number = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    accepted_number = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    statistic_info = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    share_submission = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    allow_flowchart = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    mermaid_code = table.Column<string>(type: "text", nullable: true),
                    flowchart_data = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    flowchart_hint = table.Column<string>(type: "text", nullable: true),
                    show_flowchart = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    ast_rules = table.Column<string>(type: "jsonb", nullable: true),
                    sql_config = table.Column<string>(type: "jsonb", nullable: true),
                    sql_display = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_problem", x => x.id);
                    table.ForeignKey(
                        name: "FK_problem_contest_contest_id",
                        column: x => x.contest_id,
                        principalTable: "contest",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_problem_user_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "problemset_badge",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    icon = table.Column<string>(type: "text", nullable: false),
                    condition_type = table.Column<string>(type: "text", nullable: false),
                    condition_value = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    problemset_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_problemset_badge", x => x.id);
                    table.ForeignKey(
                        name: "FK_problemset_badge_problemset_problemset_id",
                        column: x => x.problemset_id,
                        principalTable: "problemset",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "problemset_progress",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    join_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    complete_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    is_completed = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    progress_percentage = table.Column<double>(type: "double precision", nullable: false, defaultValue: 0.0),
                    completed_problems_count = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    total_problems_count = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    total_score = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    progress_detail = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    problemset_id = table.Column<long>(type: "bigint", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_problemset_progress", x => x.id);
                    table.ForeignKey(
                        name: "FK_problemset_progress_problemset_problemset_id",
                        column: x => x.problemset_id,
                        principalTable: "problemset",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_problemset_progress_user_user_id",
                        column: x => x.user_id,
                        principalTable: "user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exercise",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    data = table.Column<string>(type: "jsonb", nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    tutorial_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exercise", x => x.id);
                    table.ForeignKey(
                        name: "FK_exercise_tutorial_tutorial_id",
                        column: x => x.tutorial_id,
                        principalTable: "tutorial",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "flowchart_submission",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    problem_id = table.Column<int>(type: "integer", nullable: false),
                    mermaid_code = table.Column<string>(type: "text", nullable: false),
                    flowchart_data = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    status = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    create_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    ai_score = table.Column<double>(type: "double precision", nullable: true),
                    ai_grade = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ai_feedback = table.Column<string>(type: "text", nullable: true),
                    ai_suggestions = table.Column<string>(type: "text", nullable: true),
                    ai_criteria_details = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    ai_provider = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, defaultValue: "deepseek"),
                    ai_model = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, defaultValue: "deepseek-v4-flash"),
                    processing_time = table.Column<double>(type: "double precision", nullable: true),
                    evaluation_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_flowchart_submission", x => x.id);
                    table.ForeignKey(
                        name: "FK_flowchart_submission_problem_problem_id",
                        column: x => x.problem_id,
                        principalTable: "problem",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_flowchart_submission_user_user_id",
                        column: x => x.user_id,
                        principalTable: "user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "problem_tags",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    problem_id = table.Column<int>(type: "integer", nullable: false),
                    problemtag_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_problem_tags", x => x.id);
                    table.ForeignKey(
                        name: "FK_problem_tags_problem_problem_id",
                        column: x => x.problem_id,
                        principalTable: "problem",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_problem_tags_problem_tag_problemtag_id",
                        column: x => x.problemtag_id,
                        principalTable: "problem_tag",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "problemset_problem",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    order = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    is_required = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    score = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    hint = table.Column<string>(type: "text", nullable: true),
                    problem_id = table.Column<int>(type: "integer", nullable: false),
                    problemset_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_problemset_problem", x => x.id);
                    table.ForeignKey(
                        name: "FK_problemset_problem_problem_problem_id",
                        column: x => x.problem_id,
                        principalTable: "problem",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_problemset_problem_problemset_problemset_id",
                        column: x => x.problemset_id,
                        principalTable: "problemset",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reaction",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    create_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    problem_id = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reaction", x => x.id);
                    table.ForeignKey(
                        name: "FK_reaction_problem_problem_id",
                        column: x => x.problem_id,
                        principalTable: "problem",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_reaction_user_user_id",
                        column: x => x.user_id,
                        principalTable: "user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "submission",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    contest_id = table.Column<int>(type: "integer", nullable: true),
                    problem_id = table.Column<int>(type: "integer", nullable: false),
                    create_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    username = table.Column<string>(type: "text", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    result = table.Column<int>(type: "integer", nullable: false, defaultValue: 6),
                    info = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    language = table.Column<string>(type: "text", nullable: false),
                    shared = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    statistic_info = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    ip = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_submission", x => x.id);
                    table.ForeignKey(
                        name: "FK_submission_contest_contest_id",
                        column: x => x.contest_id,
                        principalTable: "contest",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_submission_problem_problem_id",
                        column: x => x.problem_id,
                        principalTable: "problem",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_badge",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    earned_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    badge_id = table.Column<long>(type: "bigint", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_badge", x => x.id);
                    table.ForeignKey(
                        name: "FK_user_badge_problemset_badge_badge_id",
                        column: x => x.badge_id,
                        principalTable: "problemset_badge",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_user_badge_user_user_id",
                        column: x => x.user_id,
                        principalTable: "user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "comment",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    problem_id = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    submission_id = table.Column<string>(type: "text", nullable: false),
                    language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false, defaultValue: "Python"),
                    description_rating = table.Column<short>(type: "smallint", nullable: false, defaultValue: (short)5),
                    difficulty_rating = table.Column<short>(type: "smallint", nullable: false, defaultValue: (short)5),
                    comprehensive_rating = table.Column<short>(type: "smallint", nullable: false, defaultValue: (short)5),
                    content = table.Column<string>(type: "text", nullable: true),
                    create_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comment", x => x.id);
                    table.CheckConstraint("comment_comprehensive_rating_check", "comprehensive_rating >= 0");
                    table.CheckConstraint("comment_description_rating_check", "description_rating >= 0");
                    table.CheckConstraint("comment_difficulty_rating_check", "difficulty_rating >= 0");
                    table.ForeignKey(
                        name: "FK_comment_problem_problem_id",
                        column: x => x.problem_id,
                        principalTable: "problem",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_comment_submission_submission_id",
                        column: x => x.submission_id,
                        principalTable: "submission",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_comment_user_user_id",
                        column: x => x.user_id,
                        principalTable: "user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "message",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    message = table.Column<string>(type: "text", nullable: false),
                    create_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    recipient_id = table.Column<int>(type: "integer", nullable: false),
                    sender_id = table.Column<int>(type: "integer", nullable: false),
                    submission_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_message", x => x.id);
                    table.ForeignKey(
                        name: "FK_message_submission_submission_id",
                        column: x => x.submission_id,
                        principalTable: "submission",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_message_user_recipient_id",
                        column: x => x.recipient_id,
                        principalTable: "user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_message_user_sender_id",
                        column: x => x.sender_id,
                        principalTable: "user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "problemset_submission",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    problem_id = table.Column<int>(type: "integer", nullable: false),
                    problemset_id = table.Column<long>(type: "bigint", nullable: false),
                    submission_id = table.Column<string>(type: "text", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_problemset_submission", x => x.id);
                    table.ForeignKey(
                        name: "FK_problemset_submission_problem_problem_id",
                        column: x => x.problem_id,
                        principalTable: "problem",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_problemset_submission_problemset_problemset_id",
                        column: x => x.problemset_id,
                        principalTable: "problemset",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_problemset_submission_submission_submission_id",
                        column: x => x.submission_id,
                        principalTable: "submission",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_problemset_submission_user_user_id",
                        column: x => x.user_id,
                        principalTable: "user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "acm_rank_contest_user_idx",
                table: "acm_contest_rank",
                columns: new[] { "contest_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "acm_rank_order_idx",
                table: "acm_contest_rank",
                columns: new[] { "contest_id", "accepted_number", "total_time" });

            migrationBuilder.CreateIndex(
                name: "IX_acm_contest_rank_contest_id",
                table: "acm_contest_rank",
                column: "contest_id");

            migrationBuilder.CreateIndex(
                name: "IX_acm_contest_rank_user_id",
                table: "acm_contest_rank",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "unique_acm_rank_user_contest",
                table: "acm_contest_rank",
                columns: new[] { "user_id", "contest_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ai_analysis_create_time_idx",
                table: "ai_analysis",
                column: "create_time",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ai_analysis_user_id_3aa23011",
                table: "ai_analysis",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "announcement_created_by_id_359ccf50",
                table: "announcement",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "announcement_list_idx",
                table: "announcement",
                columns: new[] { "visible", "top", "create_time" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "comment_problem_time_idx",
                table: "comment",
                columns: new[] { "problem_id", "create_time" });

            migrationBuilder.CreateIndex(
                name: "IX_comment_problem_id",
                table: "comment",
                column: "problem_id");

            migrationBuilder.CreateIndex(
                name: "IX_comment_submission_id",
                table: "comment",
                column: "submission_id");

            migrationBuilder.CreateIndex(
                name: "IX_comment_user_id",
                table: "comment",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "contest_start_time_idx",
                table: "contest",
                column: "start_time",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "IX_contest_created_by_id",
                table: "contest",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "IX_contest_announcement_contest_id",
                table: "contest_announcement",
                column: "contest_id");

            migrationBuilder.CreateIndex(
                name: "IX_contest_announcement_created_by_id",
                table: "contest_announcement",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "exercise_tutorial_id_6fd04055",
                table: "exercise",
                column: "tutorial_id");

            migrationBuilder.CreateIndex(
                name: "flowchart_problem_time_idx",
                table: "flowchart_submission",
                columns: new[] { "problem_id", "create_time" });

            migrationBuilder.CreateIndex(
                name: "flowchart_status_idx",
                table: "flowchart_submission",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "flowchart_user_time_idx",
                table: "flowchart_submission",
                columns: new[] { "user_id", "create_time" });

            migrationBuilder.CreateIndex(
                name: "IX_flowchart_submission_problem_id",
                table: "flowchart_submission",
                column: "problem_id");

            migrationBuilder.CreateIndex(
                name: "IX_flowchart_submission_user_id",
                table: "flowchart_submission",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "message_recipient_id_2aa5dd76",
                table: "message",
                column: "recipient_id");

            migrationBuilder.CreateIndex(
                name: "message_recipient_time_idx",
                table: "message",
                columns: new[] { "recipient_id", "create_time" });

            migrationBuilder.CreateIndex(
                name: "message_sender_id_a2a2e825",
                table: "message",
                column: "sender_id");

            migrationBuilder.CreateIndex(
                name: "message_submission_id_2fdf8a47",
                table: "message",
                column: "submission_id");

            migrationBuilder.CreateIndex(
                name: "message_submission_id_2fdf8a47_like",
                table: "message",
                column: "submission_id")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "options_sysoptions_key_key",
                table: "options_sysoptions",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_problem__id",
                table: "problem",
                column: "_id");

            migrationBuilder.CreateIndex(
                name: "IX_problem_contest_id",
                table: "problem",
                column: "contest_id");

            migrationBuilder.CreateIndex(
                name: "IX_problem_created_by_id",
                table: "problem",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "problem_contest_visible_idx",
                table: "problem",
                columns: new[] { "contest_id", "visible" });

            migrationBuilder.CreateIndex(
                name: "problem_visible_idx",
                table: "problem",
                column: "visible");

            migrationBuilder.CreateIndex(
                name: "unique_problem_id_contest",
                table: "problem",
                columns: new[] { "_id", "contest_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_problem_tags_problem_id",
                table: "problem_tags",
                column: "problem_id");

            migrationBuilder.CreateIndex(
                name: "IX_problem_tags_problemtag_id",
                table: "problem_tags",
                column: "problemtag_id");

            migrationBuilder.CreateIndex(
                name: "problem_tags_problem_id_problemtag_id_uniq",
                table: "problem_tags",
                columns: new[] { "problem_id", "problemtag_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "problemset_create_time_idx",
                table: "problemset",
                column: "create_time",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "problemset_created_by_id_01b5197f",
                table: "problemset",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "problemset_badge_problemset_id_6cb6c74f",
                table: "problemset_badge",
                column: "problemset_id");

            migrationBuilder.CreateIndex(
                name: "problemset_problem_problem_id_fff2d686",
                table: "problemset_problem",
                column: "problem_id");

            migrationBuilder.CreateIndex(
                name: "problemset_problem_problemset_id_350d17fb",
                table: "problemset_problem",
                column: "problemset_id");

            migrationBuilder.CreateIndex(
                name: "unique_problemset_problem",
                table: "problemset_problem",
                columns: new[] { "problemset_id", "problem_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "problemset_progress_problemset_id_20a9632e",
                table: "problemset_progress",
                column: "problemset_id");

            migrationBuilder.CreateIndex(
                name: "problemset_progress_user_id_c8041a80",
                table: "problemset_progress",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "unique_problemset_progress_user",
                table: "problemset_progress",
                columns: new[] { "problemset_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "problemset__problem_1f39fa_idx",
                table: "problemset_submission",
                columns: new[] { "problemset_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "problemset__problem_22f053_idx",
                table: "problemset_submission",
                columns: new[] { "problemset_id", "problem_id" });

            migrationBuilder.CreateIndex(
                name: "problemset__user_id_2f1501_idx",
                table: "problemset_submission",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "problemset_submission_problem_id_5629b105",
                table: "problemset_submission",
                column: "problem_id");

            migrationBuilder.CreateIndex(
                name: "problemset_submission_problemset_id_85290e17",
                table: "problemset_submission",
                column: "problemset_id");

            migrationBuilder.CreateIndex(
                name: "problemset_submission_submission_id_78e2b807",
                table: "problemset_submission",
                column: "submission_id");

            migrationBuilder.CreateIndex(
                name: "problemset_submission_submission_id_78e2b807_like",
                table: "problemset_submission",
                column: "submission_id")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "problemset_submission_user_id_915fc9c6",
                table: "problemset_submission",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "reaction_problem_id_a7f3b9f3",
                table: "reaction",
                column: "problem_id");

            migrationBuilder.CreateIndex(
                name: "reaction_problem_type_idx",
                table: "reaction",
                columns: new[] { "problem_id", "type" });

            migrationBuilder.CreateIndex(
                name: "reaction_problem_user_unique",
                table: "reaction",
                columns: new[] { "problem_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "reaction_user_id_cfa7f469",
                table: "reaction",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "contest_create_time_idx",
                table: "submission",
                columns: new[] { "contest_id", "create_time" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_submission_contest_id",
                table: "submission",
                column: "contest_id");

            migrationBuilder.CreateIndex(
                name: "IX_submission_problem_id",
                table: "submission",
                column: "problem_id");

            migrationBuilder.CreateIndex(
                name: "IX_submission_result",
                table: "submission",
                column: "result");

            migrationBuilder.CreateIndex(
                name: "IX_submission_user_id",
                table: "submission",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "problem_user_idx",
                table: "submission",
                columns: new[] { "problem_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "submission_create_time_idx",
                table: "submission",
                column: "create_time",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "user_create_time_idx",
                table: "submission",
                columns: new[] { "user_id", "create_time" });

            migrationBuilder.CreateIndex(
                name: "tutorial_created_by_id_07973cab",
                table: "tutorial",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "user_username_key",
                table: "user",
                column: "username",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "unique_user_achievement",
                table: "user_achievement",
                columns: new[] { "user_id", "achievement_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "user_achievement_achievement_id_29db600d",
                table: "user_achievement",
                column: "achievement_id");

            migrationBuilder.CreateIndex(
                name: "user_achievement_user_id_b8ec7d6a",
                table: "user_achievement",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "user_achv_notified_idx",
                table: "user_achievement",
                columns: new[] { "user_id", "notified" });

            migrationBuilder.CreateIndex(
                name: "user_achv_time_idx",
                table: "user_achievement",
                columns: new[] { "user_id", "unlock_time" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "unique_user_badge",
                table: "user_badge",
                columns: new[] { "user_id", "badge_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "user_badge_badge_id_92a983e9",
                table: "user_badge",
                column: "badge_id");

            migrationBuilder.CreateIndex(
                name: "user_badge_user_id_a286d718",
                table: "user_badge",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_user_profile_user_id",
                table: "user_profile",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "user_stat_user_id_key",
                table: "user_stat",
                column: "user_id",
                unique: true);
            // EF cannot express indexes on expressions: case-insensitive tag names (reference constraint) and
            // case-insensitive username lookups at login.
            migrationBuilder.Sql("CREATE UNIQUE INDEX problem_tag_name_ci_unique ON problem_tag (lower(name));");
            migrationBuilder.Sql("CREATE INDEX user_username_lower_idx ON \"user\" (lower(username));");
        }


        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "acm_contest_rank");

            migrationBuilder.DropTable(
                name: "ai_analysis");

            migrationBuilder.DropTable(
                name: "announcement");

            migrationBuilder.DropTable(
                name: "comment");

            migrationBuilder.DropTable(
                name: "contest_announcement");

            migrationBuilder.DropTable(
                name: "exercise");

            migrationBuilder.DropTable(
                name: "flowchart_submission");

            migrationBuilder.DropTable(
                name: "judge_server");

            migrationBuilder.DropTable(
                name: "message");

            migrationBuilder.DropTable(
                name: "options_sysoptions");

            migrationBuilder.DropTable(
                name: "problem_tags");

            migrationBuilder.DropTable(
                name: "problemset_problem");

            migrationBuilder.DropTable(
                name: "problemset_progress");

            migrationBuilder.DropTable(
                name: "problemset_submission");

            migrationBuilder.DropTable(
                name: "reaction");

            migrationBuilder.DropTable(
                name: "user_achievement");

            migrationBuilder.DropTable(
                name: "user_badge");

            migrationBuilder.DropTable(
                name: "user_profile");

            migrationBuilder.DropTable(
                name: "user_stat");

            migrationBuilder.DropTable(
                name: "tutorial");

            migrationBuilder.DropTable(
                name: "problem_tag");

            migrationBuilder.DropTable(
                name: "submission");

            migrationBuilder.DropTable(
                name: "achievement");

            migrationBuilder.DropTable(
                name: "problemset_badge");

            migrationBuilder.DropTable(
                name: "problem");

            migrationBuilder.DropTable(
                name: "problemset");

            migrationBuilder.DropTable(
                name: "contest");

            migrationBuilder.DropTable(
                name: "user");
        }
    }
}
