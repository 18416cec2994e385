using OnlineJudge.Services.Common;

namespace OnlineJudge.Tests.Conf;

/// <summary>platform.md §14: what survives the rich-text filter.</summary>
public class RichTextSanitizerTests
{
    private static string Clean(string html) => RichTextSanitizer.Sanitize(html);

    [Test]
    public void Empty_input_stays_empty() =>
        Assert.Multiple(() =>
        {
            Assert.That(Clean(""), Is.EqualTo(""));
            Assert.That(RichTextSanitizer.Sanitize(null), Is.EqualTo(""));
        });

    [Test]
    public void Allowed_tags_stay_and_unknown_tags_lose_their_markup_but_keep_their_text()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Clean("<p><strong>bold</strong> <em>it</em> <code>x</code></p>"), Is.EqualTo("<p><strong>bold</strong> <em>it</em> <code>x</code></p>"));
            Assert.That(Clean("<custom>text</custom>"), Is.EqualTo("text"));
            Assert.That(Clean("<h1>t</h1><blockquote>q</blockquote><ul><li>i</li></ul>"), Is.EqualTo("<h1>t</h1><blockquote>q</blockquote><ul><li>i</li></ul>"));
        });
    }

    [Test]
    public void Scripts_and_event_handlers_are_removed()
    {
        var cleaned = Clean("<p onclick=\"alert(1)\">hi</p><script>alert(2)</script><img src=\"/a.png\" onerror=\"alert(3)\">");
        Assert.Multiple(() =>
        {
            Assert.That(cleaned, Does.Not.Contain("onclick").And.Not.Contain("onerror").And.Not.Contain("<script").And.Not.Contain("alert(2)"));
            Assert.That(cleaned, Does.Contain("<p>hi</p>"));
            Assert.That(cleaned, Does.Contain("src=\"/a.png\""));
        });
    }

    [Test]
    public void Attributes_are_kept_only_on_their_own_tags()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Clean("<img src=\"https://x/a.png\" width=\"10\" height=\"20\" alt=\"a\" align=\"left\" title=\"t\">"),
                Is.EqualTo("<img src=\"https://x/a.png\" width=\"10\" height=\"20\" alt=\"a\" align=\"left\">"));
            Assert.That(Clean("<p href=\"https://x\" src=\"https://y\" class=\"c\" name=\"n\">t</p>"), Is.EqualTo("<p class=\"c\" name=\"n\">t</p>"));
            Assert.That(Clean("<font color=\"red\" size=\"7\">t</font>"), Is.EqualTo("<font color=\"red\">t</font>"));
            Assert.That(Clean("<table border=\"1\" cellpadding=\"2\" cellspacing=\"3\" width=\"9\"><tbody><tr><td>c</td></tr></tbody></table>"),
                Is.EqualTo("<table border=\"1\" cellpadding=\"2\" cellspacing=\"3\"><tbody><tr><td>c</td></tr></tbody></table>"));
        });
    }

    [TestCase("https://example.com/a", "https://example.com/a")]
    [TestCase("HTTP://example.com/a", "HTTP://example.com/a")]
    [TestCase("ftp://files.example.com/x", "ftp://files.example.com/x")]
    [TestCase("/problem/1", "/problem/1")]
    [TestCase("example.com", "http://example.com")]
    [TestCase("javascript:alert(1)", "http://javascript:alert(1)")]
    [TestCase("mailto:a@b.c", "http://mailto:a@b.c")]
    public void Links_that_are_not_web_or_site_relative_are_prefixed_with_http(string href, string expected)
    {
        var cleaned = Clean($"<a href=\"{href}\">x</a>");
        Assert.That(cleaned, Is.EqualTo($"<a href=\"{expected}\" target=\"_blank\">x</a>"));
    }

    [Test]
    public void Entity_encoded_schemes_are_decoded_before_the_link_rule() =>
        Assert.That(Clean("<a href=\"&#106;avascript:alert(1)\">x</a>"), Does.Contain("href=\"http://javascript:alert(1)\""));

    [Test]
    public void Link_targets_default_to_blank_and_only_blank_or_self_are_kept()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Clean("<a href=\"/x\" target=\"_self\">x</a>"), Is.EqualTo("<a href=\"/x\" target=\"_self\">x</a>"));
            Assert.That(Clean("<a href=\"/x\" target=\"_top\">x</a>"), Is.EqualTo("<a href=\"/x\">x</a>"));
            Assert.That(Clean("<a href=\"/x\" rel=\"nofollow\" title=\"t\">x</a>"), Is.EqualTo("<a href=\"/x\" rel=\"nofollow\" title=\"t\" target=\"_blank\">x</a>"));
        });
    }

    [Test]
    public void Embeds_are_locked_down()
    {
        var cleaned = Clean("<embed src=\"movie.swf\" type=\"text/html\" wmode=\"direct\" play=\"true\" allowscriptaccess=\"always\">");
        Assert.Multiple(() =>
        {
            Assert.That(cleaned, Does.Contain("src=\"http://movie.swf\""));
            Assert.That(cleaned, Does.Contain("allowscriptaccess=\"never\""));
            Assert.That(cleaned, Does.Contain("allownetworking=\"none\""));
            Assert.That(cleaned, Does.Contain("play=\"true\""));
            Assert.That(cleaned, Does.Not.Contain("type=").And.Not.Contain("wmode="));
        });
    }

    [Test]
    public void Styles_keep_plain_properties_and_lose_script()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Clean("<span style=\"color: red\">t</span>"), Is.EqualTo("<span style=\"color: rgba(255, 0, 0, 1)\">t</span>").Or.EqualTo("<span style=\"color: red\">t</span>"));
            Assert.That(Clean("<div style=\"width: expression(alert(1))\">t</div>"), Does.Not.Contain("expression").And.Not.Contain("alert"));
            Assert.That(Clean("<div style=\"background-image: url(javascript:alert(1))\">t</div>"), Does.Not.Contain("javascript"));
        });
    }

    [Test]
    public void Text_is_escaped() =>
        Assert.That(Clean("<p>1 &lt; 2 &gt; 0</p>"), Is.EqualTo("<p>1 &lt; 2 &gt; 0</p>"));
}
