using OnlineJudge.Data.Paging;
using OnlineJudge.Services.Validation;

namespace OnlineJudge.Tests.Validation;

/// <summary>Query records: what each parameter kind reads, and which error answers a value it cannot convert.</summary>
public class QueryBinderTests
{
    public sealed class Query
    {
        [QueryInteger]
        public int? Id { get; set; }

        [QueryInteger(Missing = "Contest id is required", Invalid = "Contest does not exist", Positive = true)]
        public int ContestId { get; set; }

        [QueryInteger(Lenient = true)]
        public long Since { get; set; } = 2023;

        [QueryInteger(Lenient = true, InvalidValue = 0)]
        public long? Until { get; set; }

        [QueryText]
        public string? Keyword { get; set; }

        [QueryFlag(TrueValue = "1")]
        public bool All { get; set; }

        [QueryFlag]
        public bool DownloadCsv { get; set; }

        [QueryPage]
        public PageRequest Page { get; set; }
    }

    public sealed class RequiredIdQuery
    {
        [QueryInteger(Required = true)]
        public int ProblemId { get; set; }

        [QueryPage(LimitRequired = true)]
        public PageRequest? Page { get; set; }
    }

    public sealed class IdListQuery
    {
        [QueryIdList("Invalid Parameter, id is required", "Invalid Parameter, id must be a comma-separated list of user ids")]
        public List<int> Id { get; set; } = [];
    }

    private static RequestData Form(params (string Key, string Value)[] pairs) =>
        RequestData.FromForm(pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Select(p => p.Value).ToArray()));

    [Test]
    public void Reads_each_kind_with_the_last_value_of_a_key()
    {
        var query = QueryBinder.Bind<Query>(Form(("id", "1"), ("id", " -7 "), ("contest_id", "+3"), ("keyword", " a b "), ("all", "1"),
            ("download_csv", "x"), ("limit", "20"), ("offset", "40"), ("since", "2024"), ("until", "2025"))).Value!;
        Assert.Multiple(() =>
        {
            Assert.That(query.Id, Is.EqualTo(-7));
            Assert.That(query.ContestId, Is.EqualTo(3));
            Assert.That(query.Keyword, Is.EqualTo(" a b "));
            Assert.That(query.All, Is.True);
            Assert.That(query.DownloadCsv, Is.True);
            Assert.That(query.Page, Is.EqualTo(new PageRequest(20, 40)));
            Assert.That(query.Since, Is.EqualTo(2024));
            Assert.That(query.Until, Is.EqualTo(2025));
        });
    }

    [Test]
    public void Absent_parameters_keep_their_initial_values()
    {
        var query = QueryBinder.Bind<Query>(Form(("contest_id", "5"), ("id", ""), ("all", "true"))).Value!;
        Assert.Multiple(() =>
        {
            Assert.That(query.Id, Is.Null);
            Assert.That(query.Keyword, Is.Null);
            Assert.That(query.All, Is.False);
            Assert.That(query.DownloadCsv, Is.False);
            Assert.That(query.Page, Is.EqualTo(new PageRequest(PageRequest.DefaultLimit, 0)));
            Assert.That(query.Since, Is.EqualTo(2023));
            Assert.That(query.Until, Is.Null);
        });
    }

    [Test]
    public void Lenient_numbers_fall_back_instead_of_failing()
    {
        var query = QueryBinder.Bind<Query>(Form(("contest_id", "5"), ("since", "abc"), ("until", "x"))).Value!;
        Assert.Multiple(() =>
        {
            Assert.That(query.Since, Is.EqualTo(2023));
            Assert.That(query.Until, Is.EqualTo(0));
        });
    }

    [TestCase("", "error", "Contest id is required")]
    [TestCase("abc", "error", "Contest does not exist")]
    [TestCase("0", "error", "Contest does not exist")]
    [TestCase("99999999999", "error", "Contest does not exist")]
    public void A_declared_message_answers_a_missing_or_invalid_id(string contestId, string code, string message)
    {
        var failure = QueryBinder.Bind<Query>(Form(("contest_id", contestId))).Failure!;
        Assert.Multiple(() =>
        {
            Assert.That(failure.ErrorCode, Is.EqualTo(code));
            Assert.That(failure.ErrorMessage, Is.EqualTo(message));
        });
    }

    [Test]
    public void Without_a_message_a_non_integer_answers_as_drf_does_and_the_first_failure_wins()
    {
        var failure = QueryBinder.Bind<Query>(Form(("id", "1.5"), ("contest_id", "x"))).Failure!;
        Assert.Multiple(() =>
        {
            Assert.That(failure.ErrorCode, Is.EqualTo("invalid-id"));
            Assert.That(failure.ErrorMessage, Is.EqualTo("id: A valid integer is required."));
        });
    }

    [Test]
    public void A_required_id_without_a_message_answers_as_a_non_integer_and_a_required_limit_leaves_the_page_null()
    {
        Assert.That(QueryBinder.Bind<RequiredIdQuery>(Form()).Failure!.ErrorMessage, Is.EqualTo("problem_id: A valid integer is required."));
        var query = QueryBinder.Bind<RequiredIdQuery>(Form(("problem_id", "4"), ("offset", "5"))).Value!;
        Assert.Multiple(() =>
        {
            Assert.That(query.ProblemId, Is.EqualTo(4));
            Assert.That(query.Page, Is.Null);
            Assert.That(QueryBinder.Bind<RequiredIdQuery>(Form(("problem_id", "4"), ("limit", "300"))).Value!.Page,
                Is.EqualTo(new PageRequest(PageRequest.DefaultLimit, 0)));
        });
    }

    [Test]
    public void Id_lists_are_comma_separated()
    {
        Assert.Multiple(() =>
        {
            Assert.That(QueryBinder.Bind<IdListQuery>(Form(("id", "1, 2,3"))).Value!.Id, Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(QueryBinder.Bind<IdListQuery>(Form()).Failure!.ErrorMessage, Is.EqualTo("Invalid Parameter, id is required"));
            Assert.That(QueryBinder.Bind<IdListQuery>(Form(("id", "1,x"))).Failure!.ErrorMessage,
                Is.EqualTo("Invalid Parameter, id must be a comma-separated list of user ids"));
        });
    }

    [Test]
    public void A_json_body_is_read_as_well()
    {
        using var document = JsonDocument.Parse("""{"id": 12, "keyword": "k", "contest_id": "7"}""");
        var query = QueryBinder.Bind<Query>(RequestData.FromJson(document.RootElement.Clone())).Value!;
        Assert.Multiple(() =>
        {
            Assert.That(query.Id, Is.EqualTo(12));
            Assert.That(query.ContestId, Is.EqualTo(7));
            Assert.That(query.Keyword, Is.EqualTo("k"));
        });
    }
}
