using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Announcements;

/// <summary>Body of <c>POST /api/admin/announcement</c> (announcement.md §3); extra fields such as <c>id: 0</c> are ignored.</summary>
public class CreateAnnouncementRequest
{
    [StringField(MaxLength = 64)]
    public string Title { get; set; } = "";

    [StringField]
    public string Tag { get; set; } = "";

    [StringField(MaxLength = 8 * 1024 * 1024)]
    public string Content { get; set; } = "";

    [BooleanField]
    public bool Visible { get; set; }

    [BooleanField]
    public bool Top { get; set; }
}

/// <summary>Body of <c>PUT /api/admin/announcement</c> (announcement.md §4): the id, then the five fields of POST.</summary>
public sealed class EditAnnouncementRequest : CreateAnnouncementRequest
{
    [IntegerField(BeforeInherited = true)]
    public int Id { get; set; }
}

/// <summary>Query of <c>GET /api/announcement</c>: one visible announcement with <c>id</c>, else a page of them.</summary>
public class AnnouncementQuery
{
    [QueryInteger] public int? Id { get; set; }
    [QueryPage] public PageRequest Page { get; set; }
}

/// <summary>Query of <c>GET /api/admin/announcement</c>; <c>visible=true</c> keeps the visible ones.</summary>
public sealed class AdminAnnouncementQuery : AnnouncementQuery
{
    [QueryFlag(TrueValue = "true")] public bool Visible { get; set; }
}

/// <summary>Query of <c>DELETE /api/admin/announcement</c>: without an id nothing is deleted.</summary>
public sealed class AnnouncementIdQuery
{
    [QueryInteger] public int? Id { get; set; }
}
