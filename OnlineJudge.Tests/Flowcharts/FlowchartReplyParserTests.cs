using OnlineJudge.Services.Flowcharts;

namespace OnlineJudge.Tests.Flowcharts;

/// <summary>Reading the grading reply (flowchart.md §3.3), without a provider.</summary>
public class FlowchartReplyParserTests
{
    [Test]
    public void The_first_fenced_block_wins_over_braces_elsewhere()
    {
        var reply = FlowchartReplyParser.Parse("思考 {不是 JSON}\n```json\n{\"score\": 75, \"grade\": \"B\", \"feedback\": \"f\", \"criteria_details\": {\"a\": {\"score\": 1}}}\n```\n其它 {x}");
        Assert.Multiple(() =>
        {
            Assert.That(reply.Score, Is.EqualTo(75));
            Assert.That(reply.Grade, Is.EqualTo("B"));
            Assert.That(reply.CriteriaDetails.GetProperty("a").GetProperty("score").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public void A_plain_fence_and_text_scores_are_read()
    {
        var reply = FlowchartReplyParser.Parse("```\n{\"score\": \"88.5\", \"grade\": \" A \", \"feedback\": null, \"suggestions\": [\"一\", \"【重点】二\"]}\n```");
        Assert.Multiple(() =>
        {
            Assert.That(reply.Score, Is.EqualTo(88.5));
            Assert.That(reply.Grade, Is.EqualTo("A"));
            Assert.That(reply.Feedback, Is.EqualTo(""));
            Assert.That(reply.Suggestions, Is.EqualTo("一\n【重点】二"));
        });
    }

    [TestCase("没有 JSON", FlowchartReplyParser.NoJson)]
    [TestCase("", FlowchartReplyParser.NoJson)]
    [TestCase("{\"score\": 1}", FlowchartReplyParser.MissingScoreOrGrade)]
    [TestCase("{\"score\": 1, \"grade\": \"A\"}", FlowchartReplyParser.MissingFeedback)]
    [TestCase("{\"score\": true, \"grade\": \"A\", \"feedback\": \"\"}", "AI响应中的分数无效: true")]
    [TestCase("{\"score\": 1, \"grade\": \"\", \"feedback\": \"\"}", "AI响应中的等级无效: \"\"")]
    [TestCase("{\"score\": 1, \"grade\": 3, \"feedback\": \"\"}", "AI响应中的等级无效: 3")]
    public void Unusable_replies_say_why(string content, string message)
    {
        var exception = Assert.Throws<FlowchartReplyException>(() => FlowchartReplyParser.Parse(content));
        Assert.That(exception!.Message, Is.EqualTo(message));
    }

    [TestCase(-5, 0)]
    [TestCase(100.5, 100)]
    [TestCase(42, 42)]
    public void Scores_are_clamped_to_the_scale(double given, double stored) =>
        Assert.That(FlowchartReplyParser.Parse($"{{\"score\": {given}, \"grade\": \"C\", \"feedback\": \"\"}}").Score, Is.EqualTo(stored));
}
