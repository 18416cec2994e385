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

    public static CurrentUser From(AuthUserDto user) =>
        new(user.Id, user.Username, user.Email, user.AdminType, user.ProblemPermission, user.IsDisabled);
}
