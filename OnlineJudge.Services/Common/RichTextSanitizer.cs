using Ganss.Xss;

namespace OnlineJudge.Services.Common;

/// <summary>
/// The rich-text filter of platform.md §14 on a maintained HTML sanitiser: the reference's allowed tags and
/// attributes, links and embeds limited to http(s), ftp and site-relative URLs, scripts and event handlers removed.
/// Run on write; the stored text is what later reads return.
/// </summary>
public static class RichTextSanitizer
{
    private static readonly string[] Tags =
    [
        "a", "img", "br", "strong", "b", "code", "pre", "p", "div", "em", "span", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "ul", "ol", "tr", "th", "td", "hr", "li", "u", "embed", "s", "table", "thead", "tbody", "caption",
        "small", "q", "sup", "sub", "font",
    ];

    private static readonly string[] Attributes =
    [
        "style", "class", "name", "src", "width", "height", "alt", "align", "href", "target", "rel", "title", "type",
        "allowfullscreen", "loop", "play", "wmode", "menu", "border", "cellpadding", "cellspacing", "color",
    ];

    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string? html) => string.IsNullOrEmpty(html) ? html ?? "" : Sanitizer.Sanitize(html);

    private static HtmlSanitizer Create()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "ftp"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(HtmlSanitizerDefaults.AllowedCssProperties, StringComparer.OrdinalIgnoreCase),
        };
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement element)
            {
                LimitTargets(element);
            }
        };
        return sanitizer;
    }

    private static void LimitTargets(AngleSharp.Dom.IElement element)
    {
        switch (element.LocalName)
        {
            case "a":
                var target = element.GetAttribute("target");
                if (target is null)
                {
                    element.SetAttribute("target", "_blank");
                }
                else if (target is not ("_blank" or "_self"))
                {
                    element.RemoveAttribute("target");
                }

                break;
            case "embed":
                element.SetAttribute("allowscriptaccess", "never");
                element.SetAttribute("allownetworking", "none");
                break;
        }
    }
}
