namespace OnlineJudge.Data.ProblemSets;

/// <summary>
/// Badge rows (table <c>problemset_badge</c>) and who holds them (table <c>user_badge</c>). Holding is written with
/// <c>INSERT … ON CONFLICT DO NOTHING</c> on the unique index <c>unique_user_badge</c>, never read-then-write, so concurrent
/// awards of one badge to one user create one row, and only the award that created it sees it as new.
/// </summary>
public class ProblemSetBadgeRepository(OnlineJudgeDbContext db)
{
    public async Task<long> CreateAsync(long setId, BadgeWriteDto values, CancellationToken cancellationToken)
    {
        var badge = new ProblemSetBadge { ProblemSetId = setId };
        Apply(badge, values);
        db.ProblemSetBadges.Add(badge);
        await db.SaveChangesAsync(cancellationToken);
        return badge.Id;
    }

    /// <summary>Sets the given fields of a badge of the set; false when the set has no such badge.</summary>
    public async Task<bool> UpdateAsync(long setId, long badgeId, BadgeWriteDto values, CancellationToken cancellationToken)
    {
        var badge = await db.ProblemSetBadges.AsTracking().FirstOrDefaultAsync(b => b.Id == badgeId && b.ProblemSetId == setId, cancellationToken);
        if (badge is null)
        {
            return false;
        }

        Apply(badge, values);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Deletes a badge of the set with its holders; false when the set has no such badge.</summary>
    public async Task<bool> DeleteAsync(long setId, long badgeId, CancellationToken cancellationToken)
    {
        await db.UserBadges.Where(u => u.BadgeId == badgeId && u.Badge!.ProblemSetId == setId).ExecuteDeleteAsync(cancellationToken);
        return await db.ProblemSetBadges.Where(b => b.Id == badgeId && b.ProblemSetId == setId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>Gives <paramref name="userId"/> the badges of <paramref name="badgeIds"/> not held yet; returns the ones given now, by id.</summary>
    public async Task<List<BadgeDto>> AwardAsync(int userId, long[] badgeIds, DateTime now, CancellationToken cancellationToken)
    {
        if (badgeIds.Length == 0)
        {
            return [];
        }

        var awarded = await db.Database.SqlQuery<long>($"""
            INSERT INTO user_badge (user_id, badge_id, earned_time)
            SELECT {userId}, b.id, {now} FROM problemset_badge b WHERE b.id = ANY({badgeIds})
            ON CONFLICT (user_id, badge_id) DO NOTHING
            RETURNING badge_id AS "Value"
            """).ToListAsync(cancellationToken);
        return awarded.Count == 0
            ? []
            : await db.ProblemSetBadges.Where(b => awarded.Contains(b.Id)).OrderBy(b => b.Id)
                .Select(b => new BadgeDto(b.Id, b.ProblemSetId, b.Name, b.Description, b.Icon, b.ConditionType, b.ConditionValue))
                .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Makes <paramref name="eligibleUserIds"/> the holders of a badge: others lose it, newcomers get it now, holders who
    /// stay keep their <c>earned_time</c>.
    /// </summary>
    public async Task SetHoldersAsync(long badgeId, int[] eligibleUserIds, DateTime now, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM user_badge WHERE badge_id = {badgeId} AND NOT (user_id = ANY({eligibleUserIds}))", cancellationToken);
        if (eligibleUserIds.Length > 0)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO user_badge (user_id, badge_id, earned_time)
                SELECT u, {badgeId}, {now} FROM unnest({eligibleUserIds}) AS u
                ON CONFLICT (user_id, badge_id) DO NOTHING
                """, cancellationToken);
        }
    }

    private static void Apply(ProblemSetBadge badge, BadgeWriteDto values)
    {
        badge.Name = values.Name ?? badge.Name;
        badge.Description = values.Description ?? badge.Description;
        badge.Icon = values.Icon ?? badge.Icon;
        badge.ConditionType = values.ConditionType ?? badge.ConditionType;
        badge.ConditionValue = values.ConditionValue ?? badge.ConditionValue;
    }
}
