using OnlineJudge.Data.Account;
using OnlineJudge.Data.Announcements;
using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Account;
using OnlineJudge.Services.Caching;
using OnlineJudge.Services.Common;

namespace OnlineJudge.Services.Announcements;

/// <summary>Site announcements (announcement.md).</summary>
public class AnnouncementService(AnnouncementRepository announcements, CacheService cache, TimeProvider time)
{
    /// <summary>Cache family of the student list and details; every admin write bumps it.</summary>
    public const string CacheFamily = "announcement";

    private static readonly TimeSpan CacheTtl = TimeSpan.FromMinutes(5);

    public const string NotFound = "Announcement does not exist";

    /// <summary>A non-numeric <c>id</c> crashed the reference; we say what is wrong (spec README, decision 5).</summary>
    public static readonly ServiceError InvalidId = new("invalid-id", "id: A valid integer is required.");

    /// <summary>§1: one visible announcement, or the visible list.</summary>
    public async Task<ServiceResult<object>> GetForStudentsAsync(string? id, PageRequest page, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(id))
        {
            if (!PageRequest.TryParseId(id, out var announcementId))
            {
                return InvalidId;
            }

            var announcement = await cache.GetOrCreateVersionedAsync(CacheFamily, CacheService.KeyOf("detail", announcementId), CacheTtl,
                ct => announcements.FindAsync(announcementId, visibleOnly: true, ct), cancellationToken);
            return announcement is null ? ServiceError.Of(NotFound) : ServiceResult<object>.Ok(announcement);
        }

        return ServiceResult<object>.Ok(await cache.GetOrCreateVersionedAsync(CacheFamily, CacheService.KeyOf("list", page.Limit, page.Offset),
            CacheTtl, ct => announcements.ListVisibleAsync(page, ct), cancellationToken));
    }

    /// <summary>§2: any announcement, or all (<c>visible=true</c>: only visible ones) newest first, with content.</summary>
    public async Task<ServiceResult<object>> GetForAdminAsync(string? id, string? visible, PageRequest page, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(id))
        {
            if (!PageRequest.TryParseId(id, out var announcementId))
            {
                return InvalidId;
            }

            return await announcements.FindAsync(announcementId, visibleOnly: false, cancellationToken) is { } announcement
                ? ServiceResult<object>.Ok(announcement)
                : ServiceError.Of(NotFound);
        }

        return ServiceResult<object>.Ok(await announcements.ListAllAsync(visible == "true", page, cancellationToken));
    }

    /// <summary>§3: the response echoes the content as submitted; the stored content is sanitised (platform.md §14).</summary>
    public async Task<ServiceResult<AnnouncementDto>> CreateAsync(CreateAnnouncementRequest request, CurrentUser caller, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var fields = new AnnouncementFields(request.Title, request.Tag, RichTextSanitizer.Sanitize(request.Content), request.Visible, request.Top);
        var id = await announcements.CreateAsync(fields, caller.Id, now, cancellationToken);
        await cache.BumpVersionAsync(CacheFamily);
        return new AnnouncementDto(id, new UserRefDto(caller.Id, caller.Username), request.Title, request.Content, request.Tag, now, now,
            request.Visible, request.Top);
    }

    /// <summary>§4: overwrites the fields; the author is unchanged.</summary>
    public async Task<ServiceResult<AnnouncementDto>> UpdateAsync(EditAnnouncementRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var fields = new AnnouncementFields(request.Title, request.Tag, RichTextSanitizer.Sanitize(request.Content), request.Visible, request.Top);
        if (await announcements.UpdateAsync(request.Id, fields, now, cancellationToken) is not { } kept)
        {
            return ServiceError.Of(NotFound);
        }

        await cache.BumpVersionAsync(CacheFamily);
        return new AnnouncementDto(request.Id, kept.CreatedBy, request.Title, request.Content, request.Tag, kept.CreateTime, now,
            request.Visible, request.Top);
    }

    /// <summary>§5: deletes the announcement if the id is given and known; success either way.</summary>
    public async Task<ServiceResult<object?>> DeleteAsync(string? id, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(id))
        {
            if (!PageRequest.TryParseId(id, out var announcementId))
            {
                return InvalidId;
            }

            await announcements.DeleteAsync(announcementId, cancellationToken);
            await cache.BumpVersionAsync(CacheFamily);
        }

        return ServiceResult<object?>.Ok(null);
    }
}
