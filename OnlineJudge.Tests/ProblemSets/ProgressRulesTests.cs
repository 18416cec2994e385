using OnlineJudge.Data.ProblemSets;
using OnlineJudge.Services.ProblemSets;

namespace OnlineJudge.Tests.ProblemSets;

/// <summary>problemset.md §0.3 and §0.4 without I/O.</summary>
public class ProgressRulesTests
{
    private static readonly DateTime Now = new(2026, 9, 1, 8, 0, 0, DateTimeKind.Utc);

    private static Dictionary<string, ProgressDetailEntry> Detail(params (string Key, int Score)[] entries) =>
        entries.ToDictionary(e => e.Key, e => new ProgressDetailEntry { Score = e.Score, SubmitTime = "t" + e.Key });

    [Test]
    public void Keys_outside_the_set_are_dropped_and_scores_follow_the_set()
    {
        var values = ProgressRules.Recompute(Detail(("1", 99), ("7", 5), ("x", 1)), null, [new SetProblemScore(1, 10), new SetProblemScore(2, 20), new SetProblemScore(3, 30)], Now);
        Assert.Multiple(() =>
        {
            Assert.That(values.Detail.Keys, Is.EqualTo(new[] { "1" }));
            Assert.That(values.Detail["1"].Score, Is.EqualTo(10));
            Assert.That(values.Detail["1"].SubmitTime, Is.EqualTo("t1"));
            Assert.That((values.CompletedProblemsCount, values.TotalProblemsCount, values.TotalScore), Is.EqualTo((1, 3, 10)));
            Assert.That(values.ProgressPercentage, Is.EqualTo(33.33333333333333), "Python's (1 / 3) * 100");
            Assert.That(values.IsCompleted, Is.False);
            Assert.That(values.CompleteTime, Is.Null);
        });
    }

    [Test]
    public void A_complete_row_keeps_its_first_complete_time_and_an_empty_set_is_complete()
    {
        var first = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var done = ProgressRules.Recompute(Detail(("1", 0)), null, [new SetProblemScore(1, 4)], Now);
        var again = ProgressRules.Recompute(Detail(("1", 0)), first, [new SetProblemScore(1, 4)], Now);
        var grown = ProgressRules.Recompute(Detail(("1", 0)), first, [new SetProblemScore(1, 4), new SetProblemScore(2, 4)], Now);
        var empty = ProgressRules.Recompute(Detail(), null, [], Now);
        Assert.Multiple(() =>
        {
            Assert.That((done.IsCompleted, done.CompleteTime, done.ProgressPercentage), Is.EqualTo((true, (DateTime?)Now, 100.0)));
            Assert.That(again.CompleteTime, Is.EqualTo(first));
            Assert.That((grown.IsCompleted, grown.CompleteTime), Is.EqualTo((false, (DateTime?)first)));
            Assert.That((empty.IsCompleted, empty.ProgressPercentage, empty.CompleteTime), Is.EqualTo((true, 0.0, (DateTime?)Now)));
        });
    }

    [TestCase("all_problems", 0, 2, 2, 0, true)]
    [TestCase("all_problems", 0, 1, 2, 0, false)]
    [TestCase("all_problems", 0, 0, 0, 0, false)]
    [TestCase("problem_count", 2, 2, 5, 0, true)]
    [TestCase("problem_count", 3, 2, 5, 0, false)]
    [TestCase("problem_count", 0, 0, 0, 0, true)]
    [TestCase("score", 30, 1, 2, 30, true)]
    [TestCase("score", 31, 1, 2, 30, false)]
    [TestCase("level", 0, 2, 2, 100, false)]
    public void Eligibility(string type, int value, int completed, int total, int score, bool eligible) =>
        Assert.That(ProgressRules.IsEligible(type, value, completed, total, score), Is.EqualTo(eligible));

    [Test]
    public void Submit_time_is_iso_with_microseconds_and_a_utc_offset() =>
        Assert.That(ProgressRules.SubmitTime(new DateTime(2026, 9, 1, 8, 0, 0, DateTimeKind.Utc).AddTicks(1234567)),
            Is.EqualTo("2026-09-01T08:00:00.123456+00:00"));
}
