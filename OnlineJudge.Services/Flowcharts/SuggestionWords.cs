using JiebaNet.Segmenter;

namespace OnlineJudge.Services.Flowcharts;

/// <summary>
/// The word cloud of the flowchart statistics (flowchart.md §2.1): AI suggestions cut into words by jieba (accurate mode
/// with HMM, as Python's <c>jieba.cut</c>), without the <c>【重点】</c> marks, words of one character and stop words. The
/// dictionary (about 350,000 words) is loaded once per process, off the request thread, on first use.
/// </summary>
public sealed class SuggestionWords
{
    public const int Top = 80;

    private static readonly HashSet<string> StopWords =
    [
        "的", "了", "是", "在", "和", "有", "就", "不", "也", "都", "要", "会", "这", "那", "到", "说", "上", "为", "与", "及", "等",
        "把", "被", "从", "而", "所", "但", "如", "又", "或", "很", "更", "还", "让", "对", "已", "向", "只", "能", "以", "中",
        "可以", "可能", "需要", "没有", "使用", "进行", "注意", "建议", "应该", "考虑", "一个", "一些", "一下", "一定", "一种", "这个",
        "所有", "其他",
    ];

    private readonly Lazy<Task<JiebaSegmenter>> segmenter = new(() => Task.Run(() =>
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "Resources", "jieba");
        return new JiebaSegmenter();
    }));

    private readonly Lock cutLock = new();

    /// <summary>The most frequent words, most frequent first; ties in the order first seen.</summary>
    public async Task<List<(string Word, int Count)>> CountAsync(IEnumerable<string> suggestions)
    {
        var texts = suggestions.Where(s => !string.IsNullOrEmpty(s)).Select(s => s.Replace("【重点】", "", StringComparison.Ordinal)).ToList();
        if (texts.Count == 0)
        {
            return [];
        }

        var jieba = await segmenter.Value;
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
}
