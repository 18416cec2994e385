using OnlineJudge.Data.Account;
using OnlineJudge.Data.Entities;

namespace OnlineJudge.Services.Account;

/// <summary>The authenticated caller of a request, with the role predicates of platform.md §11.</summary>
public sealed record CurrentUser(int Id, string Username, string? Email, string AdminType, string ProblemPermission, bool IsDisabled)
{
    public bool IsAdminRole => AdminType is Data.Entities.AdminType.StudentAdmin or Data.Entities.AdminType.TeacherAdmin
        or Data.Entities.AdminType.SuperAdmin;

    public bool IsTeacherOrAbove => AdminType is Data.Entities.AdminType.TeacherAdmin or Data.Entities.AdminType.SuperAdmin;

    public bool IsSuperAdmin => AdminType == Data.Entities.AdminType.SuperAdmin;

    public bool CanManageAllProblems => ProblemPermission == Data.Entities.ProblemPermission.All;

    public bool HasProblemPermission => IsAdminRole && ProblemPermission != Data.Entities.ProblemPermission.None;

    /// <summary>
    /// The contest-owner rule: super admins, else the contest's creator (the reference's <c>is_contest_admin</c>, and its
    /// <c>ensure_created_by</c> for a contest, whose admin-role condition the admin gate checks before any admin endpoint).
    /// An owner sees real names in the rank, statistics of running contests, and passes the contest gate.
    /// </summary>
    public bool OwnsContest(int contestCreatedById) => IsSuperAdmin || contestCreatedById == Id;

    /// <summary><see cref="OwnsContest"/> as a list filter: the creator whose contests are listed, or null for all of them.</summary>
    public int? OwnedContestsCreator => IsSuperAdmin ? null : Id;

    /// <summary><c>ensure_created_by</c> for a problem (problem.md §0.2): an admin who may manage all problems, or its creator.</summary>
    public bool CanManageProblem(int problemCreatedById) =>
        IsAdminRole && (IsSuperAdmin || CanManageAllProblems || problemCreatedById == Id);

    public static CurrentUser From(AuthUserDto user) =>
        new(user.Id, user.Username, user.Email, user.AdminType, user.ProblemPermission, user.IsDisabled);
}
