using System.Text.Json;
using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace NewsExtract.Html;

/// <summary>The page metadata read from meta tags, JSON-LD, links and the markup itself.</summary>
internal sealed record HtmlMetadata(string? Title, DateOnly? Published, string? Outlet, string? Author, string? CanonicalUrl);

/// <summary>
/// Reads title, publication day, outlet, author and canonical URL. Structured sources come first
/// (JSON-LD, Open Graph, meta names), then the markup; the publication day is chosen by
/// <see cref="HtmlPublishedDate"/> from the evidence gathered here.
/// </summary>
internal static partial class HtmlMetadataReader
{
    private static readonly string[] AuthorKeys =
        ["author", "article:author", "dtk:author", "content_author", "byl", "parsely-author", "sailthru.author", "dc.creator", "twitter:creator"];

    private static readonly string[] ArticleTypes =
        ["NewsArticle", "Article", "ReportageNews", "BlogPosting", "AnalysisNewsArticle", "OpinionNewsArticle", "LiveBlogPosting", "Report", "WebPage"];

    [GeneratedRegex(@"author|byline|penulis|reporter|writer|(?<![a-z])oleh", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AuthorHint();

    [GeneratedRegex(@"\s+(?:[|\-–—:·•»]|::)\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TitleSeparator();

    public static HtmlMetadata Read(HtmlDocument document, string? url, List<string> warnings)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var elements = HtmlTree.ElementList(document.DocumentNode);
        var jsonLd = new List<JsonElement>();
        var brokenJsonLd = new List<string>();
        string? canonical = null, htmlTitle = null, h1 = null, relAuthor = null;
        foreach (var node in elements)
        {
            switch (node.Name)
            {
                case "meta":
                {
                    var key = node.GetAttributeValue("property", null) ?? node.GetAttributeValue("name", null) ?? node.GetAttributeValue("itemprop", null);
                    var content = node.GetAttributeValue("content", null);
                    if (key is not null && !string.IsNullOrWhiteSpace(content))
                        meta.TryAdd(key.Trim(), HtmlEntity.DeEntitize(content).Trim());
                    // <meta name="pubdate" itemprop="datePublished">: the itemprop names the same value
                    var itemprop = node.GetAttributeValue("itemprop", null);
                    if (itemprop is not null && !string.IsNullOrWhiteSpace(content)) meta.TryAdd(itemprop.Trim(), HtmlEntity.DeEntitize(content).Trim());
                    break;
                }
                case "link":
                {
                    var rel = node.GetAttributeValue("rel", "");
                    if (rel.Equals("canonical", StringComparison.OrdinalIgnoreCase)) canonical ??= NonEmpty(node.GetAttributeValue("href", null));
                    break;
                }
                case "title":
                    htmlTitle ??= NonEmpty(HtmlTree.Text(node, 500));
                    break;
                case "h1":
                    h1 ??= NonEmpty(HtmlTree.Text(node, 500));
                    break;
                case "a" when relAuthor is null && node.GetAttributeValue("rel", "") == "author":
                    relAuthor = NonEmpty(HtmlTree.Text(node, 200));
                    break;
                case "script" when node.GetAttributeValue("type", "").Contains("ld+json", StringComparison.OrdinalIgnoreCase):
                    ReadJsonLd(node.InnerText, jsonLd, brokenJsonLd, warnings);
                    break;
            }
        }

        var article = jsonLd.FirstOrDefault(e => HasType(e, ArticleTypes[..^1]));
        if (article.ValueKind == JsonValueKind.Undefined) article = jsonLd.FirstOrDefault(e => HasType(e, ArticleTypes));

        string? outlet = Value(meta, "og:site_name") ?? JsonName(article, "publisher") ?? Value(meta, "application-name")
            ?? Value(meta, "twitter:site")?.TrimStart('@') ?? Value(meta, "publisher");
        canonical ??= Value(meta, "og:url") ?? url;
        // The fetch URL comes from a crawl file and may be relative or malformed ("", "www.kompas.com/a", "http://a b"):
        // then a relative canonical link stays as the page wrote it.
        if (canonical is not null && url is not null && !Uri.IsWellFormedUriString(canonical, UriKind.Absolute)
            && Uri.TryCreate(url, UriKind.Absolute, out var baseUri) && Uri.TryCreate(baseUri, canonical, out var absolute))
            canonical = absolute.ToString();

        string?[] titles =
        [
            CleanTitle(Value(meta, "og:title"), outlet, keepIfNoSuffix: true),
            CleanTitle(JsonString(article, "headline"), outlet, keepIfNoSuffix: true),
            CleanTitle(Value(meta, "twitter:title"), outlet, keepIfNoSuffix: true),
        ];
        string? pageTitle = CleanTitle(htmlTitle, outlet, keepIfNoSuffix: true);
        string? title = titles.FirstOrDefault(t => t is not null) ?? h1 ?? pageTitle;

        string? author = StripAuthorLabel(JsonName(article, "author") ?? AuthorFromMeta(meta) ?? relAuthor ?? AuthorFromMarkup(elements));

        var published = HtmlPublishedDate.Find(new PublishedDateEvidence(meta, article, jsonLd, brokenJsonLd, elements, [.. titles.Append(pageTitle).OfType<string>()], [canonical, url],
            MonthFirst: IsUsLocale(elements.FirstOrDefault(e => e.Name == "html")?.GetAttributeValue("lang", null) ?? Value(meta, "og:locale"))));
        return new HtmlMetadata(title, published, outlet, author, canonical);
    }

    /// <summary>"en-US", "en_US": the page writes numeric dates month first.</summary>
    private static bool IsUsLocale(string? locale) =>
        locale is not null && locale.Trim().Replace('_', '-').Equals("en-US", StringComparison.OrdinalIgnoreCase);

    private static string? AuthorFromMeta(Dictionary<string, string> meta)
    {
        foreach (var key in AuthorKeys)
        {
            var value = Value(meta, key);
            if (value is null || value.StartsWith("http", StringComparison.OrdinalIgnoreCase) || value.StartsWith('@') && key != "twitter:creator") continue;
            return value.TrimStart('@');
        }
        return null;
    }

    /// <summary>"Pewarta: Nur Imansyah" gives "Nur Imansyah": a label some outlets put into the author field itself.</summary>
    private static string? StripAuthorLabel(string? author)
    {
        if (author is null) return null;
        var text = Regex.Replace(author, @"^(by|oleh|penulis|pewarta|reporter|editor|author|writer|kontributor)\s*:?\s*", "", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)).Trim();
        return text.Length >= 2 ? text : author;
    }

    private static string? AuthorFromMarkup(List<HtmlNode> elements)
    {
        foreach (var node in elements)
        {
            if (node.Name is "script" or "style" or "meta" or "link") continue;
            string hint = node.GetAttributeValue("class", "") + " " + node.GetAttributeValue("id", "") + " " + node.GetAttributeValue("itemprop", "");
            if (hint.Length < 3 || !AuthorHint().IsMatch(hint)) continue;
            var text = HtmlTree.Text(node, 200);
            if (text.Length is < 3 or > 80) continue;
            // "Penulis: Andi", "Oleh Andi", "By Jane Doe"
            text = Regex.Replace(text, @"^(by|oleh|penulis|reporter|editor|author|writer)\s*:?\s*", "", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)).Trim();
            if (text.Length >= 3) return text;
        }
        return null;
    }

    /// <summary>"Judul Berita - Kompas.com" gives "Judul Berita": drops a trailing (or leading) part naming the site.</summary>
    internal static string? CleanTitle(string? raw, string? outlet, bool keepIfNoSuffix)
    {
        var title = raw is null ? null : HtmlTree.Collapse(raw);
        if (string.IsNullOrEmpty(title)) return null;
        var parts = TitleSeparator().Split(title);
        if (parts.Length < 2) return keepIfNoSuffix ? title : null;
        string Simplify(string s) => new(s.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
        var site = outlet is null ? "" : Simplify(outlet);
        bool IsSite(string part)
        {
            var p = Simplify(part);
            return p.Length > 0 && (site.Length > 0 && (p.Contains(site) || site.Contains(p)) || p.EndsWith("com") || p.EndsWith("coid") || p.EndsWith("net"));
        }
        if (IsSite(parts[^1])) return string.Join(" - ", parts[..^1]).Trim();
        if (IsSite(parts[0])) return string.Join(" - ", parts[1..]).Trim();
        // No recognisable site name: a short tail after the longest part is still a site suffix ("... | WSJ").
        var longest = parts.MaxBy(p => p.Length)!;
        if (parts[^1].Length * 3 < longest.Length && parts[^1].Split(' ').Length <= 4 && parts[^1] != longest)
            return title[..title.LastIndexOf(parts[^1], StringComparison.Ordinal)].TrimEnd(' ', '|', '-', '–', '—', ':', '·', '•', '»').Trim();
        return title;
    }

    private static void ReadJsonLd(string raw, List<JsonElement> into, List<string> broken, List<string> warnings)
    {
        var text = HtmlEntity.DeEntitize(raw).Trim();
        if (text.StartsWith("<!--")) text = text[4..];
        if (text.EndsWith("-->")) text = text[..^3];
        try
        {
            using var json = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            var stack = new Stack<JsonElement>();
            stack.Push(json.RootElement.Clone());
            while (stack.Count > 0)
            {
                var e = stack.Pop();
                if (e.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in e.EnumerateArray().Reverse()) stack.Push(item);
                }
                else if (e.ValueKind == JsonValueKind.Object)
                {
                    into.Add(e);
                    if (e.TryGetProperty("@graph", out var graph)) stack.Push(graph);
                }
            }
        }
        catch (JsonException ex)
        {
            // Broken JSON-LD is common (unescaped quotes in headlines, a stray brace); the other sources
            // still work, and the publication date is still read from its text.
            broken.Add(text);
            warnings.Add($"Ignored a JSON-LD block that is not valid JSON ({ex.Message.Split('.')[0]}).");
        }
    }

    private static bool HasType(JsonElement e, string[] types)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("@type", out var type)) return false;
        if (type.ValueKind == JsonValueKind.String) return types.Contains(type.GetString(), StringComparer.OrdinalIgnoreCase);
        return type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && types.Contains(t.GetString(), StringComparer.OrdinalIgnoreCase));
    }

    private static string? JsonString(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? NonEmpty(v.GetString()) : null;

    /// <summary>"author": "A", {"name": "A"} or [{"name": "A"}, {"name": "B"}] gives "A" / "A, B".</summary>
    private static string? JsonName(JsonElement e, string property)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(property, out var v)) return null;
        static string? NameOf(JsonElement x) => x.ValueKind switch
        {
            JsonValueKind.String => NonEmpty(x.GetString()),
            JsonValueKind.Object when x.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String => NonEmpty(n.GetString()),
            _ => null,
        };
        if (v.ValueKind == JsonValueKind.Array)
        {
            var names = v.EnumerateArray().Select(NameOf).OfType<string>().ToList();
            return names.Count == 0 ? null : string.Join(", ", names);
        }
        return NameOf(v);
    }

    private static string? Value(Dictionary<string, string> meta, string key) => meta.TryGetValue(key, out var v) ? NonEmpty(v) : null;

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : HtmlTree.Collapse(s);
}
