using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace NewsExtract.Html;

/// <summary>
/// The word lists the body extractor reasons with: which tags never hold article text, which are
/// block boundaries, and which class/id words mark boilerplate or content (the readability / trafilatura
/// conventions plus the Indonesian ones: "baca-juga", "terkait", "komentar", "terpopuler").
/// </summary>
internal static partial class HtmlHints
{
    /// <summary>Tags whose content is never article text (scripts, widgets, navigation, captions, form controls).</summary>
    public static readonly FrozenSet<string> DroppedTags = FrozenSet.ToFrozenSet(
    [
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "applet",
        "title", "meta", "link", "base", "button", "input", "select", "option", "textarea", "label",
        "nav", "footer", "aside", "menu", "figure", "figcaption", "audio", "video", "source", "track", "map", "area",
        "dialog", "picture", "img", "math", "fb:comments", "fb:like", "ins", "header",
    ]);

    /// <summary>Tags that end the running paragraph (everything else is inline).</summary>
    public static readonly FrozenSet<string> BlockTags = FrozenSet.ToFrozenSet(
    [
        "p", "div", "section", "article", "main", "header", "li", "ul", "ol", "dl", "dt", "dd", "table", "thead",
        "tbody", "tfoot", "tr", "td", "th", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
        "address", "hr", "br", "center", "form", "fieldset", "details", "summary", "body", "html", "hgroup",
    ]);

    /// <summary>Block tags whose own text makes one paragraph (their score goes to the parent, as in readability).</summary>
    public static readonly FrozenSet<string> ParagraphTags = FrozenSet.ToFrozenSet(
        ["p", "pre", "blockquote", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "td", "th", "address"]);

    public static bool IsInvisible(string tag) =>
        tag is "script" or "style" or "noscript" or "template" or "title" or "svg" or "iframe" or "object";

    /// <summary>Base score of a candidate container by tag (readability's initializeNode).</summary>
    public static double TagWeight(string tag) => tag switch
    {
        "div" or "article" or "section" or "main" => 5,
        "pre" or "td" or "blockquote" => 3,
        "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
        _ => 0,
    };

    // class/id words of boilerplate containers. Substrings, as readability matches them; the (?<![a-z])
    // anchors keep "ad" from matching "head" and "tag" from matching "stage".
    [GeneratedRegex(
        @"comment|komentar|disqus|share|sharing|social|sosmed|related|terkait|baca-?juga|bacajuga|read-?also|readmore|read-more|also-read|" +
        @"sidebar|side-bar|widget|footer|menu|navbar|(?<![a-z])nav(?![a-z])|navigation|breadcrumb|pagination|pager|popular|populer|terpopuler|" +
        @"trending|recommend|rekomendasi|newsletter|subscribe|signup|sign-up|promo|sponsor|advert|iklan|(?<![a-z])ads?(?![a-z])|(?<![a-z])ad[-_]|[-_]ad(?![a-z])|" +
        @"banner|masthead|topbar|top-bar|toolbar|cookie|consent|gdpr|popup|modal|overlay|(?<![a-z])tags?(?![a-z])|(?<![a-z])topik|keyword|" +
        @"caption|credit|byline-social|author-bio|bio-box|rss|(?<![a-z])header|(?<![a-z])meta(?![a-z])|skip|jump|outbrain|taboola|" +
        @"mgid|dable|(?<![a-z])lain(?![a-z])|more-stories|morestories|next-article|prev-article|video-?list|gallery-?list|photo-?list",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    public static partial Regex NegativeHint();

    [GeneratedRegex(
        @"article|content|konten|isi|(?<![a-z])body|entry|post-?(text|body|content)|story|(?<![a-z])text|detail|read__|(?<![a-z])main|blog|artikel|berita|news-?(text|body)|paragra",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    public static partial Regex PositiveHint();

    // A block that only points elsewhere: "Baca Juga: ...", "BACA JUGA", "Berita Terkait", "Lihat juga", "Read more".
    [GeneratedRegex(
        @"^\W{0,3}(baca|simak|lihat|tonton|saksikan)\s+(juga|pula|selengkapnya|berita)|^\W{0,3}(berita|artikel|topik|video|foto)\s+(terkait|lainnya|pilihan|populer|terpopuler)|" +
        @"^\W{0,3}(read|see|also|watch)\s+(also|more|next|read)\b|^\W{0,3}related(\s+(articles?|stories|news|content|coverage|links?))?\s*:?\s*$|^\W{0,3}(more|recommended)\s+(from|stories|on)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    public static partial Regex RelatedLine();

    // Short widget and ad labels that are never article sentences.
    [GeneratedRegex(
        @"^\W*(advertisement|advertisment|iklan|ads|sponsored|scroll to continue( with content)?|scroll untuk melanjutkan.*|lanjutkan membaca.*|continue reading.*|" +
        @"share( this)?( article| story)?|bagikan|tweet|share on \w+|(follow|ikuti) (us|kami).*|komentar|comments?|loading\.*|" +
        @"click here.*|klik di sini.*|tags?|topik|editor|penulis|reporter|sumber|copyright.*|" +
        @"(pewarta|editor|penulis|reporter|redaktur|penerjemah|fotografer|sumber|source|tags?|topik)\s*:.*|all rights reserved.*|©.*|print|cetak|email|whatsapp|facebook|twitter|line|telegram)\W*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    public static partial Regex WidgetLine();
}
