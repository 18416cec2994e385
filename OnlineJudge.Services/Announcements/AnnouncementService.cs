using OnlineJudge.Data.Account;
using OnlineJudge.Data.Announcements;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;
using OnlineJudge.Data.Transactions;

namespace OnlineJudge.Services.Announcements;

/// <summary>Site announcements (announcement.md).</summary>
public class AnnouncementService(AnnouncementRepository announcements, TransactionRunner transactions, CacheService cache, TimeProvider time)
{
    public const string NotFound = "Announcement does not exist";

    /// <summary>§1: one visible announcement.</summary>
    public async Task<ServiceResult<AnnouncementDto>> GetVisibleAsync(int id, CancellationToken cancellationToken) =>
        await cache.GetOrCreateVersionedAsync(CacheKeys.AnnouncementFamily, CacheService.KeyOf("detail", id), CacheKeys.AnnouncementTtl,
            ct => announcements.FindAsync(id, visibleOnly: true, ct), cancellationToken) is { } announcement
            ? announcement
            : ServiceError.Of(NotFound);

    /// <summary>§1: a page of the visible announcements.</summary>
    public async Task<ServiceResult<Page<AnnouncementListItemDto>>> ListVisibleAsync(PageRequest page, CancellationToken cancellationToken) =>
        await cache.GetOrCreateVersionedAsync(CacheKeys.AnnouncementFamily, CacheService.KeyOf("list", page.Limit, page.Offset),
            CacheKeys.AnnouncementTtl, ct => announcements.ListVisibleAsync(page, ct), cancellationToken);

    /// <summary>§2: any announcement.</summary>
    public async Task<ServiceResult<AnnouncementDto>> GetAsync(int id, CancellationToken cancellationToken) =>
        await announcements.FindAsync(id, visibleOnly: false, cancellationToken) is { } announcement ? announcement : ServiceError.Of(NotFound);

    /// <summary>§2: all announcements (<c>visible=true</c>: only visible ones) newest first, with content.</summary>
    public async Task<ServiceResult<Page<AnnouncementDto>>> ListAsync(AdminAnnouncementQuery query, CancellationToken cancellationToken) =>
        await announcements.ListAllAsync(query.Visible, query.Page, cancellationToken);

    /// <summary>§3: the response echoes the content as submitted; the stored content is sanitised (platform.md §14).</summary>
    public async Task<ServiceResult<AnnouncementDto>> CreateAsync(CreateAnnouncementRequest request, CurrentUser caller, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var fields = new AnnouncementFields(request.Title, request.Tag, RichTextSanitizer.Sanitize(request.Content), request.Visible, request.Top);
        var id = await announcements.CreateAsync(fields, caller.Id, now, cancellationToken);
        await cache.InvalidateAnnouncementsAsync();
        return new AnnouncementDto(id, new UserRefDto(caller.Id, caller.Username), request.Title, request.Content, request.Tag, now, now,
            request.Visible, request.Top);
    }

    /// <summary>§4: overwrites the fields; the author is unchanged.</summary>
    public async Task<ServiceResult<AnnouncementDto>> UpdateAsync(EditAnnouncementRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var fields = new AnnouncementFields(request.Title, request.Tag, RichTextSanitizer.Sanitize(request.Content), request.Visible, request.Top);
        if (await transactions.ExecuteAsync(ct => announcements.UpdateAsync(request.Id, fields, now, ct), cancellationToken) is not { } kept)
        {
            return ServiceError.Of(NotFound);
        }

        await cache.InvalidateAnnouncementsAsync();
        return new AnnouncementDto(request.Id, kept.CreatedBy, request.Title, request.Content, request.Tag, kept.CreateTime, now,
            request.Visible, request.Top);
    }

    /// <summary>§5: deletes the announcement if the id is given and known; success either way.</summary>
    public async Task<ServiceResult> DeleteAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is { } announcementId)
        {
            await announcements.DeleteAsync(announcementId, cancellationToken);
            await cache.InvalidateAnnouncementsAsync();
        }

        return ServiceResult.Ok();
    }
}
