using OnlineJudge.Judge.Protocol;

namespace OnlineJudge.Tests.Judge;

/// <summary>Bytes as Python's json.dumps writes them (upstream's answers).</summary>
public class PythonJsonTests
{
    [Test]
    public void Separators_and_key_order_match_json_dumps()
    {
        var value = new JsonFields { { "err", null }, { "data", new object?[] { 1, 2L, true, "x" } } };

        Assert.That(PythonJson.Serialize(value), Is.EqualTo("{\"err\": null, \"data\": [1, 2, true, \"x\"]}"));
    }

    [Test]
    public void Non_ascii_and_control_characters_are_escaped_in_lowercase()
    {
        Assert.That(PythonJson.Serialize("é\u00ff\n\t\"\\\u0001\u007f😀"), Is.EqualTo("\"\\u00e9\\u00ff\\n\\t\\\"\\\\\\u0001\\u007f\\ud83d\\ude00\""));
    }

    [TestCase(12.5, "12.5")]
    [TestCase(0.0, "0.0")]
    [TestCase(100.0, "100.0")]
    [TestCase(3.1, "3.1")]
    public void Floats_keep_a_decimal_point(double value, string expected)
    {
        Assert.That(PythonJson.Serialize(value), Is.EqualTo(expected));
    }
}
