using OnlineJudge.Data.Account;

namespace OnlineJudge.Data.Tutorials;

/// <summary>The Tutorial object (tutorial.md §0); <c>created_by</c> is the full user object.</summary>
public sealed record TutorialDto(
    int Id, string Title, string Content, ProfileUserDto CreatedBy, DateTime CreatedAt, DateTime UpdatedAt, bool IsPublic, int Order,
    string Type, string? Code);

/// <summary>TutorialListItem: the Tutorial without <c>content</c> and <c>code</c> (admin lists).</summary>
public sealed record TutorialListItemDto(
    int Id, string Title, ProfileUserDto CreatedBy, DateTime CreatedAt, DateTime UpdatedAt, bool IsPublic, int Order, string Type);

/// <summary>A lesson of the student list (<c>GET /api/tutorials</c>).</summary>
public sealed record TutorialTitleDto(int Id, string Title);

/// <summary>The fields a write sets; null members of an update were not sent and stay as they are.</summary>
public sealed record TutorialWriteDto(string Title, string Content, bool? IsPublic, int? Order, string? Type, bool SetCode, string? Code);

/// <summary>Tutorials and their exercises (tutorial.md): ordered by <c>order</c>, then newest first.</summary>
public class TutorialRepository(OnlineJudgeDbContext db)
{
    public Task<List<TutorialTitleDto>> ListPublicTitlesAsync(string type, CancellationToken cancellationToken) =>
        Ordered(db.Tutorials.Where(t => t.IsPublic && t.Type == type))
            .Select(t => new TutorialTitleDto(t.Id, t.Title))
            .ToListAsync(cancellationToken);

    public Task<TutorialDto?> FindAsync(int id, bool publicOnly, CancellationToken cancellationToken) =>
        db.Tutorials.Where(t => t.Id == id && (!publicOnly || t.IsPublic))
            .Select(t => new TutorialDto(t.Id, t.Title, t.Content,
                new ProfileUserDto(t.CreatedBy!.Id, t.CreatedBy.Username, t.CreatedBy.Email, t.CreatedBy.AdminType, t.CreatedBy.ProblemPermission,
                    t.CreatedBy.CreateTime, t.CreatedBy.LastLogin, t.CreatedBy.OpenApi, t.CreatedBy.IsDisabled, t.CreatedBy.ClassName),
                t.CreatedAt, t.UpdatedAt, t.IsPublic, t.Order, t.Type, t.Code))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Every tutorial of the given types, public or not, in tutorial order.</summary>
    public Task<List<TutorialListItemDto>> ListAllAsync(string[] types, CancellationToken cancellationToken) =>
        Ordered(db.Tutorials.Where(t => types.Contains(t.Type)))
            .Select(t => new TutorialListItemDto(t.Id, t.Title,
                new ProfileUserDto(t.CreatedBy!.Id, t.CreatedBy.Username, t.CreatedBy.Email, t.CreatedBy.AdminType, t.CreatedBy.ProblemPermission,
                    t.CreatedBy.CreateTime, t.CreatedBy.LastLogin, t.CreatedBy.OpenApi, t.CreatedBy.IsDisabled, t.CreatedBy.ClassName),
                t.CreatedAt, t.UpdatedAt, t.IsPublic, t.Order, t.Type))
            .ToListAsync(cancellationToken);

    public Task<bool> ExistsAsync(int id, bool publicOnly, CancellationToken cancellationToken) =>
        db.Tutorials.AnyAsync(t => t.Id == id && (!publicOnly || t.IsPublic), cancellationToken);

    public async Task<int> CreateAsync(TutorialWriteDto values, int createdById, DateTime now, CancellationToken cancellationToken)
    {
        var tutorial = new Tutorial { CreatedById = createdById, CreatedAt = now, IsPublic = false, Order = 0, Type = TutorialType.Python };
        Apply(tutorial, values, now);
        db.Tutorials.Add(tutorial);
        await db.SaveChangesAsync(cancellationToken);
        return tutorial.Id;
    }

    /// <summary>Applies the sent fields; false when the id is unknown.</summary>
    public async Task<bool> UpdateAsync(int id, TutorialWriteDto values, DateTime now, CancellationToken cancellationToken)
    {
        var tutorial = await db.Tutorials.AsTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tutorial is null)
        {
            return false;
        }

        Apply(tutorial, values, now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> SetVisibilityAsync(int id, bool isPublic, DateTime now, CancellationToken cancellationToken) =>
        await db.Tutorials.Where(t => t.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.IsPublic, isPublic).SetProperty(t => t.UpdatedAt, now), cancellationToken) == 1;

    /// <summary>Deletes the tutorial; its exercises go with it (database cascade).</summary>
    public Task<int> DeleteAsync(int id, CancellationToken cancellationToken) =>
        db.Tutorials.Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken);

    private static IQueryable<Tutorial> Ordered(IQueryable<Tutorial> tutorials) =>
        tutorials.OrderBy(t => t.Order).ThenByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id);

    private static void Apply(Tutorial tutorial, TutorialWriteDto values, DateTime now)
    {
        tutorial.Title = values.Title;
        tutorial.Content = values.Content;
        if (values.IsPublic is { } isPublic)
        {
            tutorial.IsPublic = isPublic;
        }

        if (values.Order is { } order)
        {
            tutorial.Order = order;
        }

        if (values.Type is { } type)
        {
            tutorial.Type = type;
        }

        if (values.SetCode)
        {
            tutorial.Code = values.Code;
        }

        tutorial.UpdatedAt = now;
    }
}
