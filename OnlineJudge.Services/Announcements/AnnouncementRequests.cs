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
public sealed class EditAnnouncementRequest
{
    [IntegerField]
    public int Id { get; set; }

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
