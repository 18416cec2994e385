using OnlineJudge.Data.Account;
using OnlineJudge.Data.Paging;

namespace OnlineJudge.Data.Announcements;

/// <summary>The Announcement object (announcement.md): detail, admin list items and write responses.</summary>
public sealed record AnnouncementDto(
    int Id, UserRefDto CreatedBy, string Title, string Content, string Tag, DateTime CreateTime, DateTime LastUpdateTime, bool Visible, bool Top);

/// <summary>AnnouncementListItem: the object without <c>content</c> (student list).</summary>
public sealed record AnnouncementListItemDto(
    int Id, UserRefDto CreatedBy, string Title, string Tag, DateTime CreateTime, DateTime LastUpdateTime, bool Visible, bool Top);

/// <summary>The writable fields of an announcement.</summary>
public sealed record AnnouncementFields(string Title, string Tag, string Content, bool Visible, bool Top);

public class AnnouncementRepository(OnlineJudgeDbContext db)
{
    public Task<AnnouncementDto?> FindAsync(int id, bool visibleOnly, CancellationToken cancellationToken) =>
        db.Announcements.Where(a => a.Id == id && (!visibleOnly || a.Visible))
            .Select(a => new AnnouncementDto(a.Id, new UserRefDto(a.CreatedBy!.Id, a.CreatedBy.Username, null), a.Title, a.Content, a.Tag,
                a.CreateTime, a.LastUpdateTime, a.Visible, a.Top))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Visible announcements, pinned first, newest first (the model's default ordering).</summary>
    public Task<Page<AnnouncementListItemDto>> ListVisibleAsync(PageRequest page, CancellationToken cancellationToken) =>
        db.Announcements.Where(a => a.Visible)
            .OrderByDescending(a => a.Top).ThenByDescending(a => a.CreateTime).ThenByDescending(a => a.Id)
            .Select(a => new AnnouncementListItemDto(a.Id, new UserRefDto(a.CreatedBy!.Id, a.CreatedBy.Username, null), a.Title, a.Tag,
                a.CreateTime, a.LastUpdateTime, a.Visible, a.Top))
            .ToPageAsync(page, cancellationToken);

    /// <summary>Admin list: all (or only visible) announcements, newest first; the pinned flag does not reorder.</summary>
    public Task<Page<AnnouncementDto>> ListAllAsync(bool visibleOnly, PageRequest page, CancellationToken cancellationToken) =>
        db.Announcements.Where(a => !visibleOnly || a.Visible)
            .OrderByDescending(a => a.CreateTime).ThenByDescending(a => a.Id)
            .Select(a => new AnnouncementDto(a.Id, new UserRefDto(a.CreatedBy!.Id, a.CreatedBy.Username, null), a.Title, a.Content, a.Tag,
                a.CreateTime, a.LastUpdateTime, a.Visible, a.Top))
            .ToPageAsync(page, cancellationToken);

    public async Task<int> CreateAsync(AnnouncementFields fields, int createdById, DateTime now, CancellationToken cancellationToken)
    {
        var announcement = new Announcement
        {
            Title = fields.Title,
            Tag = fields.Tag,
            Content = fields.Content,
            Visible = fields.Visible,
            Top = fields.Top,
            CreatedById = createdById,
            CreateTime = now,
            LastUpdateTime = now,
        };
        db.Announcements.Add(announcement);
        await db.SaveChangesAsync(cancellationToken);
        return announcement.Id;
    }

    /// <summary>
    /// Overwrites the fields and returns the untouched ones (author, creation time); null when the id is unknown. Run it in
    /// a transaction, so that what it returns is what it updated.
    /// </summary>
    public async Task<(UserRefDto CreatedBy, DateTime CreateTime)?> UpdateAsync(int id, AnnouncementFields fields, DateTime now, CancellationToken cancellationToken)
    {
        var updated = await db.Announcements.Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Title, fields.Title)
                .SetProperty(a => a.Tag, fields.Tag)
                .SetProperty(a => a.Content, fields.Content)
                .SetProperty(a => a.Visible, fields.Visible)
                .SetProperty(a => a.Top, fields.Top)
                .SetProperty(a => a.LastUpdateTime, now), cancellationToken);
        if (updated == 0)
        {
            return null;
        }

        var kept = await db.Announcements.Where(a => a.Id == id)
            .Select(a => new { CreatedBy = new UserRefDto(a.CreatedBy!.Id, a.CreatedBy.Username, null), a.CreateTime })
            .FirstAsync(cancellationToken);
        return (kept.CreatedBy, kept.CreateTime);
    }

    public Task<int> DeleteAsync(int id, CancellationToken cancellationToken) =>
        db.Announcements.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken);
}
