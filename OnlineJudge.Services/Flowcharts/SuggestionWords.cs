using JiebaNet.Segmenter;
using Microsoft.Extensions.Logging;

namespace OnlineJudge.Services.Flowcharts;

/// <summary>
/// The word cloud of the flowchart statistics (flowchart.md §2.1): AI suggestions cut into words by jieba (accurate mode
/// with HMM, as Python's <c>jieba.cut</c>), without the <c>【重点】</c> marks, words of one character and stop words. The
/// dictionary (about 350,000 words) is loaded once per process, off the request thread, on first use. A load that fails
/// is logged and leaves the word cloud empty; the next use tries again.
/// </summary>
public sealed partial class SuggestionWords : IDisposable
{
    public const int Top = 80;

    private static readonly HashSet<string> StopWords =
    [
        "的", "了", "是", "在", "和", "有", "就", "不", "也", "都", "要", "会", "这", "那", "到", "说", "上", "为", "与", "及", "等",
        "把", "被", "从", "而", "所", "但", "如", "又", "或", "很", "更", "还", "让", "对", "已", "向", "只", "能", "以", "中",
        "可以", "可能", "需要", "没有", "使用", "进行", "注意", "建议", "应该", "考虑", "一个", "一些", "一下", "一定", "一种", "这个",
        "所有", "其他",
    ];

    private readonly ILogger<SuggestionWords> logger;
    private readonly Func<JiebaSegmenter> load;
    private readonly SemaphoreSlim loading = new(1, 1);
    private readonly Lock cutLock = new();
    private JiebaSegmenter? segmenter;

    public SuggestionWords(ILogger<SuggestionWords> logger)
        : this(logger, LoadShippedDictionary)
    {
    }

    /// <summary>With another way to build the segmenter (tests of a failing load).</summary>
    internal SuggestionWords(ILogger<SuggestionWords> logger, Func<JiebaSegmenter> load)
    {
        this.logger = logger;
        this.load = load;
    }

    /// <summary>The most frequent words, most frequent first; ties in the order first seen. None while the dictionary cannot be loaded.</summary>
    public async Task<List<(string Word, int Count)>> CountAsync(IEnumerable<string> suggestions, CancellationToken cancellationToken)
    {
        var texts = suggestions.Where(s => !string.IsNullOrEmpty(s)).Select(s => s.Replace("【重点】", "", StringComparison.Ordinal)).ToList();
        if (texts.Count == 0 || await SegmenterAsync(cancellationToken) is not { } jieba)
        {
            return [];
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        lock (cutLock)
        {
            foreach (var text in texts)
            {
                foreach (var token in jieba.Cut(text, cutAll: false, hmm: true))
                {
                    var word = token.Trim();
                    if (word.EnumerateRunes().Count() < 2 || StopWords.Contains(word))
                    {
                        continue;
                    }

                    if (counts.TryGetValue(word, out var count))
                    {
                        counts[word] = count + 1;
                    }
                    else
                    {
                        counts[word] = 1;
                        order.Add(word);
                    }
                }
            }
        }

        return [.. order.Select((word, index) => (word, counts[word], index))
            .OrderByDescending(w => w.Item2).ThenBy(w => w.index).Take(Top).Select(w => (w.word, w.Item2))];
    }

    /// <summary>The loaded segmenter; a first use loads it (one caller at a time), a failed load is logged and retried next time.</summary>
    private async Task<JiebaSegmenter?> SegmenterAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref segmenter) is { } ready)
        {
            return ready;
        }

        await loading.WaitAsync(cancellationToken);
        try
        {
            if (segmenter is null)
            {
                var loaded = await Task.Run(load, cancellationToken);
                Volatile.Write(ref segmenter, loaded);
            }

            return segmenter;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogLoadFailed(logger, exception);
            return null;
        }
        finally
        {
            loading.Release();
        }
    }

    public void Dispose() => loading.Dispose();

    internal static JiebaSegmenter LoadShippedDictionary()
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "Resources", "jieba");
        return new JiebaSegmenter();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The jieba dictionary could not be loaded: the flowchart word cloud stays empty; the next statistics request tries again")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception);
}
