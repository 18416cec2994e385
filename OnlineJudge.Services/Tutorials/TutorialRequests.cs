using System.Text.Json;
using OnlineJudge.Data.Entities;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Services.Tutorials;

/// <summary>
/// Body of <c>POST /api/admin/tutorial</c> (tutorial.md §2.2). Optional fields left out stay null (an update keeps the
/// stored value; a new tutorial gets the defaults). Content and code are stored exactly as sent.
/// </summary>
public class CreateTutorialRequest
{
    /// <summary>Marks <see cref="Code"/> as not sent (null is a value: "no sample program").</summary>
    public const string NotSent = "\u0000not-sent";

    [StringField(MaxLength = 128)]
    public string Title { get; set; } = "";

    [StringField(Trim = false, Check = nameof(CheckContent))]
    public string Content { get; set; } = "";

    [BooleanField(Required = false)]
    public bool? IsPublic { get; set; }

    [IntegerField(Required = false, Min = int.MinValue, Max = int.MaxValue)]
    public int? Order { get; set; }

    [ChoiceField([TutorialType.Python, TutorialType.C], Required = false)]
    public string? Type { get; set; }

    [StringField(Required = false, AllowNull = true, AllowBlank = true, Trim = false)]
    public string? Code { get; set; } = NotSent;

    /// <summary>Blank as DRF sees it (white space only), although the text is kept untrimmed.</summary>
    public string? CheckContent() => string.IsNullOrWhiteSpace(Content) ? "This field may not be blank." : null;
}

/// <summary>Body of <c>PUT /api/admin/tutorial</c> (§2.3): the id, then the POST fields with the same rules.</summary>
public sealed class EditTutorialRequest : CreateTutorialRequest
{
    [IntegerField(BeforeInherited = true)]
    public int Id { get; set; }
}

/// <summary>The fields of an exercise that POST and PUT <c>/api/admin/exercise</c> take alike; a missing <c>order</c> is 0.</summary>
public abstract class ExerciseFields
{
    [ChoiceField([ExerciseType.Mcq, ExerciseType.Sort, ExerciseType.Fill, ExerciseType.Match, ExerciseType.Predict, ExerciseType.Debug,
        ExerciseType.Group])]
    public string Type { get; set; } = "";

    [JsonField]
    public JsonElement Data { get; set; }

    [IntegerField(Required = false, Min = int.MinValue, Max = int.MaxValue)]
    public int Order { get; set; }
}

/// <summary>Body of <c>POST /api/admin/exercise</c> (§2.7).</summary>
public sealed class CreateExerciseRequest : ExerciseFields
{
    [IntegerField(BeforeInherited = true)]
    public int TutorialId { get; set; }
}

/// <summary>Body of <c>PUT /api/admin/exercise</c> (§2.8): a missing <c>order</c> resets it to 0.</summary>
public sealed class EditExerciseRequest : ExerciseFields
{
    [IntegerField(BeforeInherited = true)]
    public int Id { get; set; }
}

/// <summary>Query of <c>GET /api/tutorials</c>: missing or empty <c>type</c> means <c>python</c>.</summary>
public sealed class TutorialListQuery
{
    [QueryText] public string? Type { get; set; }
}

/// <summary>An optional tutorial <c>id</c> (student and admin detail, admin delete).</summary>
public sealed class TutorialIdQuery
{
    [QueryInteger] public int? Id { get; set; }
}

/// <summary>The <c>tutorial_id</c> of the exercise lists.</summary>
public sealed class ExerciseListQuery
{
    [QueryInteger(Missing = "tutorial_id is required")] public int TutorialId { get; set; }
}

/// <summary>Query of <c>DELETE /api/admin/exercise</c>.</summary>
public sealed class ExerciseIdQuery
{
    [QueryInteger(Missing = "id is required")] public int Id { get; set; }
}
