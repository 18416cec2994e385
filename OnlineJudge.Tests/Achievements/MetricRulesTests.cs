using OnlineJudge.Services.Achievements;

namespace OnlineJudge.Tests.Achievements;

/// <summary>achievement.md §3.2: code measures, and the incremental update against the full recomputation (no database).</summary>
public class MetricRulesTests
{
    [TestCase("", 0)]
    [TestCase("a", 1)]
    [TestCase("a\n", 1)]
    [TestCase("a\nb", 2)]
    [TestCase("\n", 1)]
    [TestCase("\n\n", 2)]
    [TestCase("a\r\nb\r\n", 2)]
    [TestCase("a\r\rb", 3)]
    [TestCase("a\vb\fc\u001cd\u001de\u001ef\u0085g\u2028h\u2029i", 9)]
    [TestCase("tab\there", 1)]
    public void Lines_are_counted_as_python_splitlines_counts_them(string code, int lines) =>
        Assert.That(CodeMeasure.LineCount(code), Is.EqualTo(lines));

    [Test]
    public void Code_length_counts_code_points()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CodeMeasure.CodePoints("print('😀')"), Is.EqualTo(10));
            Assert.That(CodeMeasure.CodePoints("中文"), Is.EqualTo(2));
            Assert.That(CodeMeasure.CodePoints(""), Is.Zero);
        });
    }

    [Test]
    public void Absent_metrics_stay_absent_until_they_have_a_value()
    {
        var metrics = new Data.Entities.UserMetrics();
        IncrementalMetrics.Apply(metrics, SubmissionFacts.Of(1, -1, DateTime.UtcNow, "C", "x", null, 0, 0));
        Assert.Multiple(() =>
        {
            Assert.That(metrics.Values.ContainsKey(MetricRegistry.MinAcCodeChars), Is.False);
            Assert.That(metrics.Values.ContainsKey(MetricRegistry.MaxWaBeforeAc), Is.False);
            Assert.That(metrics.Values.ContainsKey(MetricRegistry.MaxAcStreakDays), Is.False);
            Assert.That(metrics.Values[MetricRegistry.AcceptedCount], Is.Zero);
            Assert.That(metrics.Values[MetricRegistry.SubmissionCount], Is.EqualTo(1));
            Assert.That(metrics.LastAcDate, Is.Null);
        });
    }

    [Test]
    public void Incremental_updates_in_time_order_give_what_the_recomputation_gives([Range(1, 40)] int seed)
    {
        var random = new Random(seed);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var history = new List<HistoryEntry>();
        var time = start;
        for (var i = 0; i < random.Next(1, 60); i++)
        {
            time = time.AddMinutes(random.Next(1, 60 * 30));
            var code = new string('x', random.Next(0, 30)) + string.Concat(Enumerable.Repeat("\n", random.Next(0, 5)));
            int[] results = [0, 0, 10, -1, -2, 1, 2, 3, 4];
            var problem = random.Next(1, 8);
            string[] languages = ["C", "Java", "Python3"];
            string[] difficulties = ["Low", "Mid", "High"];
            history.Add(new HistoryEntry(problem, results[random.Next(results.Length)], time, languages[random.Next(languages.Length)],
                CodeMeasure.CodePoints(code), CodeMeasure.LineCount(code), difficulties[problem % 3]));
        }

        var incremental = new Data.Entities.UserMetrics();
        for (var i = 0; i < history.Count; i++)
        {
            var h = history[i];
            var prior = history.Take(i).Where(p => p.ProblemId == h.ProblemId).ToList();
            IncrementalMetrics.Apply(incremental, new SubmissionFacts(h.ProblemId, h.Result, h.CreateTime, h.Language, h.CodeChars, h.CodeLines,
                h.Difficulty, prior.Count, prior.Count(p => p.IsAccepted)));
        }

        var rebuilt = MetricRecomputation.Build(history);
        Assert.Multiple(() =>
        {
            Assert.That(rebuilt.Values, Is.EquivalentTo(incremental.Values));
            Assert.That(rebuilt.ActiveDates, Is.EqualTo(incremental.ActiveDates));
            Assert.That(rebuilt.Languages, Is.EqualTo(incremental.Languages));
            Assert.That(rebuilt.LastAcDate, Is.EqualTo(incremental.LastAcDate));
            Assert.That(rebuilt.CurrentAcStreak, Is.EqualTo(incremental.CurrentAcStreak));
            Assert.That(rebuilt.AcPerDay, Is.EquivalentTo(incremental.AcPerDay!));
        });
    }
}
