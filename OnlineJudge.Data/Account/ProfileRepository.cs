namespace OnlineJudge.Data.Account;

/// <summary>User profiles (account.md A4–A8): reads projected in SQL, writes as single UPDATE statements.</summary>
public class ProfileRepository(OnlineJudgeDbContext db)
{
    /// <summary>The profile of a user by id (the caller's own: <c>real_name</c> revealed).</summary>
    public Task<ProfileDto?> GetOwnProfileAsync(int userId, CancellationToken cancellationToken) =>
        Project(db.UserProfiles.Where(p => p.UserId == userId), revealRealName: true).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The profile of an enabled user with exactly this username; <c>real_name</c> hidden.</summary>
    public Task<ProfileDto?> GetPublicProfileAsync(string username, CancellationToken cancellationToken) =>
        Project(db.UserProfiles.Where(p => p.User!.Username == username && !p.User.IsDisabled), revealRealName: false)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Writes the sent fields of the caller's profile; false when the user has no profile row.</summary>
    public async Task<bool> UpdateAsync(int userId, ProfileChangesDto changes, CancellationToken cancellationToken)
    {
        var updated = await db.UserProfiles.Where(p => p.UserId == userId).ExecuteUpdateAsync(s =>
        {
            // The id is rewritten to itself so that a request without any field still finds the row.
            s.SetProperty(p => p.UserId, p => p.UserId);
            if (changes.SetRealName)
            {
                s.SetProperty(p => p.RealName, changes.RealName);
            }

            if (changes.Avatar is not null)
            {
                s.SetProperty(p => p.Avatar, changes.Avatar);
            }

            if (changes.Blog is not null)
            {
                s.SetProperty(p => p.Blog, changes.Blog);
            }

            if (changes.Mood is not null)
            {
                s.SetProperty(p => p.Mood, changes.Mood);
            }

            if (changes.Github is not null)
            {
                s.SetProperty(p => p.Github, changes.Github);
            }

            if (changes.School is not null)
            {
                s.SetProperty(p => p.School, changes.School);
            }

            if (changes.Major is not null)
            {
                s.SetProperty(p => p.Major, changes.Major);
            }

            if (changes.Language is not null)
            {
                s.SetProperty(p => p.Language, changes.Language);
            }
        }, cancellationToken);
        return updated > 0;
    }

    public async Task<bool> SetAvatarAsync(int userId, string avatar, CancellationToken cancellationToken) =>
        await db.UserProfiles.Where(p => p.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Avatar, avatar), cancellationToken) > 0;

    /// <summary>
    /// Sets the cached display id of every entry of <c>acm_problems_status.problems</c> whose problem is visible to that
    /// problem's current display id (account.md A7); other entries stay as they are. The row is locked (run it in a
    /// transaction) while it is rewritten so that a concurrent judge update of the same column is not lost.
    /// </summary>
    public async Task RefreshProblemDisplayIdsAsync(int userId, CancellationToken cancellationToken)
    {
        var profile = await db.UserProfiles
            .FromSql($"SELECT * FROM user_profile WHERE user_id = {userId} FOR UPDATE")
            .AsTracking()
            .FirstOrDefaultAsync(cancellationToken);
        var problems = profile?.AcmProblemsStatus.Problems;
        if (profile is null || problems is null || problems.Count == 0)
        {
            return;
        }

        var ids = problems.Keys.Select(k => int.TryParse(k, out var id) ? id : (int?)null).OfType<int>().ToList();
        var displayIds = await db.Problems.Where(p => ids.Contains(p.Id) && p.Visible)
            .Select(p => new { p.Id, p.DisplayId })
            .ToDictionaryAsync(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.DisplayId, cancellationToken);
        var refreshed = new AcmProblemsStatus
        {
            ContestProblems = profile.AcmProblemsStatus.ContestProblems,
            Problems = problems.ToDictionary(
                entry => entry.Key,
                entry => new ProblemStatusEntry
                {
                    Status = entry.Value.Status,
                    DisplayId = displayIds.TryGetValue(entry.Key, out var displayId) ? displayId : entry.Value.DisplayId,
                }),
        };
        profile.AcmProblemsStatus = refreshed;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Oldest and newest non-contest submission of a user, in one aggregate query; null when none.</summary>
    public Task<SubmissionSpanDto?> GetSubmissionSpanAsync(int userId, CancellationToken cancellationToken) =>
        db.Submissions.Where(s => s.UserId == userId && s.ContestId == null)
            .GroupBy(_ => 1)
            .Select(g => new SubmissionSpanDto(g.Min(s => s.CreateTime), g.Max(s => s.CreateTime)))
            .FirstOrDefaultAsync(cancellationToken);

    private static IQueryable<ProfileDto> Project(IQueryable<UserProfile> profiles, bool revealRealName) =>
        profiles.Select(p => new ProfileDto(
            p.Id,
            new ProfileUserDto(p.User!.Id, p.User.Username, p.User.Email, p.User.AdminType, p.User.ProblemPermission,
                p.User.CreateTime, p.User.LastLogin, p.User.OpenApi, p.User.IsDisabled, p.User.ClassName),
            revealRealName ? p.RealName : null,
            p.AcmProblemsStatus,
            p.Avatar,
            p.Blog,
            p.Mood,
            p.Github,
            p.School,
            p.Major,
            p.Language,
            p.AcceptedNumber,
            p.SubmissionNumber));
}
