using Microsoft.EntityFrameworkCore;

namespace OnlineJudge.Data.Contests;

public class ContestRepository(OnlineJudgeDbContext db)
{
    public Task<ContestGateDto?> FindVisibleGateAsync(int id, CancellationToken cancellationToken) =>
        db.Contests.Where(c => c.Id == id && c.Visible)
            .Select(c => new ContestGateDto(c.Id, c.CreatedById, c.Password, c.StartTime, c.EndTime))
            .FirstOrDefaultAsync(cancellationToken);
}
