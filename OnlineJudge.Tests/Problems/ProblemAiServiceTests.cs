using Moq;
using OnlineJudge.Services.Ai;
using OnlineJudge.Services.Common;
using OnlineJudge.Services.Problems;

namespace OnlineJudge.Tests.Problems;

/// <summary>The prompts of the problem editor's AI helpers, with the AI provider faked at its interface.</summary>
public class ProblemAiServiceTests
{
    private readonly Mock<IAiChatClient> ai = new(MockBehavior.Strict);

    [Test]
    public async Task Sql_generation_asks_with_the_mode_and_the_reference_answer()
    {
        ai.Setup(a => a.CompleteAsync(It.IsAny<string>(), "题型：query\n标准答案：\nSELECT 1;", null, It.IsAny<CancellationToken>()))
            .ReturnsAsync("CREATE TABLE t(a);");
        var result = await new ProblemAiService(ai.Object).GenerateSqlAsync("SELECT 1;", null, CancellationToken.None);
        Assert.That(result.Data?.Sql, Is.EqualTo("CREATE TABLE t(a);"));
        ai.Verify(a => a.CompleteAsync(It.Is<string>(s => s.Contains("SQLite", StringComparison.Ordinal)), It.IsAny<string>(), null,
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Flowchart_generation_asks_at_temperature_zero_and_passes_errors_on()
    {
        ai.Setup(a => a.CompleteAsync(It.IsAny<string>(), "print(1)", 0, It.IsAny<CancellationToken>()))
            .ReturnsAsync(ServiceError.Of("AI 服务调用失败: 超时"));
        var result = await new ProblemAiService(ai.Object).GenerateFlowchartAsync("print(1)", CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(result.Error?.Code, Is.EqualTo("error"));
            Assert.That(result.Error?.Message, Is.EqualTo("AI 服务调用失败: 超时"));
        });
    }
}
