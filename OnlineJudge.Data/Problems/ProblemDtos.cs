using System.Text.Json;
using OnlineJudge.Data.Account;

namespace OnlineJudge.Data.Problems;

/// <summary><c>Tag</c> of problem.md §0.4.</summary>
public sealed record TagDto(int Id, string Name);

/// <summary>A row of the tag management list (problem.md §2.8).</summary>
public sealed record TagAdminDto(int Id, string Name, int ProblemCount);

/// <summary>A row of GET /api/problem/author.</summary>
public sealed record AuthorCountDto(string Username, int ProblemCount);

/// <summary>What a list item needs, read in one query; <c>has_ast_rules</c> and <c>my_status</c> are derived from it.</summary>
public sealed record ProblemListRow(
    int Id, string DisplayId, string Title, long SubmissionNumber, long AcceptedNumber, string Difficulty, UserRefDto CreatedBy,
    List<string> Tags, int? Contest, bool AllowFlowchart, bool ShowFlowchart, JsonElement? AstRules);

/// <summary>A row of the admin problem lists (problem.md §0.4 <c>ProblemAdminListItem</c>, before <c>top_reaction</c>).</summary>
public sealed record ProblemAdminListRow(
    int Id, string DisplayId, string Title, UserRefDto CreatedBy, bool Visible, DateTime CreateTime, string Difficulty,
    List<string> Tags, JsonElement? AstRules, bool AllowFlowchart, bool ShowFlowchart);

/// <summary>Every column of a problem with its tag names and creator, read in one query.</summary>
public sealed record ProblemFullRow(
    int Id, string DisplayId, int? ContestId, bool IsPublic, string Title, string Description, string InputDescription,
    string OutputDescription, List<ProblemSample> Samples, string TestCaseId, List<TestCaseScoreEntry> TestCaseScore, string? Hint,
    List<string> Languages, Dictionary<string, string> Template, DateTime CreateTime, DateTime? LastUpdateTime, UserRefDto CreatedBy,
    int TimeLimit, int MemoryLimit, bool Visible, string Difficulty, string? Source, string? Prompt, List<ProblemAnswer>? Answers,
    long SubmissionNumber, long AcceptedNumber, Dictionary<string, int> StatisticInfo, bool ShareSubmission, bool AllowFlowchart,
    string? MermaidCode, JsonElement FlowchartData, string? FlowchartHint, bool ShowFlowchart, JsonElement? AstRules,
    ProblemSqlConfig? SqlConfig, JsonElement? SqlDisplay, List<string> Tags);

/// <summary>What ownership checks and test-case endpoints need of a problem.</summary>
public sealed record ProblemOwnershipDto(int Id, string DisplayId, int? ContestId, int CreatedById, int? ContestCreatedById, string TestCaseId);

/// <summary>The caller's state for one problem: <c>acm_problems_status</c> and the number of failed submissions.</summary>
public sealed record UserProblemStateDto(AcmProblemsStatus Status, int FailedCount);

/// <summary>A row of GET /api/problem/yearly_ac.</summary>
public sealed record YearlyAcDto(int Year, int Total, int Accepted, double AcRate);

/// <summary>Reaction counts of one problem for <c>top_reaction</c>.</summary>
public sealed record ReactionCountRow(int ProblemId, string Type, int Count);

/// <summary>A row of GET /api/admin/problem/stuck.</summary>
public sealed record StuckProblemDto(string ProblemId, string ProblemTitle, int Total, int Failed, int FailedUsers, double AcRate);

/// <summary>Per problem and year counts for the AC trend (problem.md §2.19).</summary>
public sealed record ProblemYearCountRow(int ProblemId, string DisplayId, string Title, int Year, int Total, int Accepted);

/// <summary>Filters of the public problem list (problem.md §1.2).</summary>
public sealed record ProblemListFilter(string? Keyword, string? Tag, string? Difficulty, string? Author, string? Sort);

/// <summary>Filters of the admin problem list (problem.md §2.2).</summary>
public sealed record AdminProblemListFilter(string? Keyword, string? Author, int? TagId, int? OwnerId);
