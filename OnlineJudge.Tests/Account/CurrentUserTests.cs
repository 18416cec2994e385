using OnlineJudge.Services.Account;

namespace OnlineJudge.Tests.Account;

/// <summary>The ownership rules that every family asks of the caller.</summary>
public class CurrentUserTests
{
    private const int Me = 7;
    private const int Someone = 8;

    private static CurrentUser User(string adminType, string problemPermission = ProblemPermission.None) =>
        new(Me, "me", null, adminType, problemPermission, IsDisabled: false);

    [TestCase(AdminType.SuperAdmin, Someone, true)]
    [TestCase(AdminType.TeacherAdmin, Me, true)]
    [TestCase(AdminType.TeacherAdmin, Someone, false)]
    [TestCase(AdminType.StudentAdmin, Someone, false)]
    [TestCase(AdminType.RegularUser, Me, true)]
    [TestCase(AdminType.RegularUser, Someone, false)]
    public void A_contest_is_owned_by_super_admins_and_its_creator(string adminType, int createdBy, bool owns)
    {
        Assert.That(User(adminType).OwnsContest(createdBy), Is.EqualTo(owns));
    }

    [Test]
    public void The_contest_list_filter_matches_the_rule()
    {
        Assert.Multiple(() =>
        {
            Assert.That(User(AdminType.SuperAdmin).OwnedContestsCreator, Is.Null);
            Assert.That(User(AdminType.TeacherAdmin).OwnedContestsCreator, Is.EqualTo(Me));
        });
    }

    [TestCase(AdminType.SuperAdmin, ProblemPermission.None, Someone, true)]
    [TestCase(AdminType.TeacherAdmin, ProblemPermission.All, Someone, true)]
    [TestCase(AdminType.TeacherAdmin, ProblemPermission.Own, Someone, false)]
    [TestCase(AdminType.TeacherAdmin, ProblemPermission.Own, Me, true)]
    [TestCase(AdminType.StudentAdmin, ProblemPermission.Own, Me, true)]
    [TestCase(AdminType.RegularUser, ProblemPermission.All, Me, false)]
    public void A_problem_is_managed_by_admins_with_all_problems_or_its_creator(string adminType, string permission, int createdBy, bool manages)
    {
        Assert.That(User(adminType, permission).CanManageProblem(createdBy), Is.EqualTo(manages));
    }
}
