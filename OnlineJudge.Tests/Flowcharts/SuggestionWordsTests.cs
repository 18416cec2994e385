using Microsoft.Extensions.Logging;
using OnlineJudge.Services.Flowcharts;

namespace OnlineJudge.Tests.Flowcharts;

/// <summary>The word cloud's dictionary: a load that fails is logged, not kept; the next use loads it again.</summary>
public class SuggestionWordsTests
{
    [Test]
    public async Task A_failed_dictionary_load_is_logged_and_tried_again_on_the_next_use()
    {
        var logs = new CapturedLogs();
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(logs));
        var loads = 0;
        using var words = new SuggestionWords(loggers.CreateLogger<SuggestionWords>(), () =>
            ++loads == 1 ? throw new FileNotFoundException("dict.txt is missing") : SuggestionWords.LoadShippedDictionary());

        var whileMissing = await words.CountAsync(["检查循环条件"], CancellationToken.None);
        var afterwards = await words.CountAsync(["检查循环条件"], CancellationToken.None);
        var again = await words.CountAsync(["循环"], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(whileMissing, Is.Empty);
            Assert.That(logs.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Message).Single(), Does.Contain("jieba dictionary could not be loaded"));
            Assert.That(afterwards.Select(w => w.Word), Is.EqualTo(new[] { "检查", "循环", "条件" }));
            Assert.That(again.Single(), Is.EqualTo(("循环", 1)));
            Assert.That(loads, Is.EqualTo(2), "loaded once it worked, not on every use");
        });
    }
}
