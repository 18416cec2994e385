using AngleSharp.Dom;
using Ganss.Xss;

namespace OnlineJudge.Services.Common;

/// <summary>
/// The rich-text filter of platform.md §14 on a maintained HTML sanitiser: the reference's allowed tags, and per tag its
/// allowed attributes (<c>style class name</c> everywhere); other tags are dropped with their text kept (but the
/// content of <c>script</c>, <c>style</c> and similar raw-text tags is dropped too). Links
/// (<c>a href</c>, <c>embed src</c>) not starting with <c>http://</c>, <c>https://</c>, <c>ftp://</c> or <c>/</c> are
/// prefixed with <c>http://</c>, which makes <c>javascript:</c> and other schemes inert; <c>a</c> gets
/// <c>target="_blank"</c> unless it has <c>_blank</c>/<c>_self</c>; <c>embed</c> is limited to safe attribute values.
/// Styles are parsed and only known CSS properties without script (<c>expression()</c>, <c>url(javascript:…)</c>) stay.
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

    private static readonly HashSet<string> CommonAttributes = new(StringComparer.OrdinalIgnoreCase) { "style", "class", "name" };

    private static readonly Dictionary<string, HashSet<string>> TagAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["img"] = new(StringComparer.OrdinalIgnoreCase) { "src", "width", "height", "alt", "align" },
        ["a"] = new(StringComparer.OrdinalIgnoreCase) { "href", "target", "rel", "title" },
        ["embed"] = new(StringComparer.OrdinalIgnoreCase) { "src", "width", "height", "type", "allowfullscreen", "loop", "play", "wmode", "menu" },
        ["table"] = new(StringComparer.OrdinalIgnoreCase) { "border", "cellpadding", "cellspacing" },
        ["font"] = new(StringComparer.OrdinalIgnoreCase) { "color" },
    };

    /// <summary>Values an <c>embed</c> attribute may take; any other value removes the attribute.</summary>
    private static readonly Dictionary<string, string[]> EmbedLimits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["type"] = ["application/x-shockwave-flash"],
        ["wmode"] = ["transparent", "window", "opaque"],
        ["play"] = ["true", "false"],
        ["loop"] = ["true", "false"],
        ["menu"] = ["true", "false"],
        ["allowfullscreen"] = ["true", "false"],
    };

    private static readonly HashSet<string> RawTextTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "noembed", "noframes", "iframe", "object", "textarea", "title", "xmp",
    };

    private static readonly string[] KeptLinkPrefixes = ["http://", "https://", "ftp://", "/"];

    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string? html) => string.IsNullOrEmpty(html) ? html ?? "" : Sanitizer.Sanitize(html);

    /// <summary>§14's link rule: kept when it starts with http://, https://, ftp:// (any case) or /; else prefixed with http://.</summary>
    public static string FixLink(string url) =>
        KeptLinkPrefixes.Any(prefix => url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) ? url : "http://" + url;

    private static HtmlSanitizer Create()
    {
        var attributes = new HashSet<string>(CommonAttributes, StringComparer.OrdinalIgnoreCase);
        attributes.UnionWith(TagAttributes.Values.SelectMany(a => a));
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = attributes,
            AllowedSchemes = new HashSet<string>(["http", "https", "ftp"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(HtmlSanitizerDefaults.AllowedCssProperties, StringComparer.OrdinalIgnoreCase),
        };
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.FilterUrl += (_, e) =>
        {
            // Links and embeds follow §14 (prefixing instead of removal); image sources keep the sanitiser's scheme check.
            if (e.Tag.LocalName is "a" or "embed")
            {
                e.SanitizedUrl = FixLink(e.OriginalUrl);
            }
        };
        sanitizer.RemovingTag += (_, e) =>
        {
            // Dropped tags keep their text, except code and other raw text, which would show up as visible garbage.
            if (RawTextTags.Contains(e.Tag.LocalName))
            {
                e.Tag.TextContent = "";
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement element)
            {
                LimitAttributes(element);
            }
        };
        return sanitizer;
    }

    private static void LimitAttributes(IElement element)
    {
        TagAttributes.TryGetValue(element.LocalName, out var own);
        foreach (var attribute in element.Attributes.ToList())
        {
            if (!CommonAttributes.Contains(attribute.Name) && own?.Contains(attribute.Name) != true)
            {
                element.RemoveAttribute(attribute.Name);
            }
        }

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
                foreach (var (name, allowed) in EmbedLimits)
                {
                    if (element.GetAttribute(name) is { } value && !allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
                    {
                        element.RemoveAttribute(name);
                    }
                }

                element.SetAttribute("allowscriptaccess", "never");
                element.SetAttribute("allownetworking", "none");
                break;
        }
    }
}
