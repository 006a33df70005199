using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace NewsExtract.Html;

/// <summary>What a page offers as evidence of its publication day, gathered once by the metadata reader.</summary>
/// <param name="Meta">meta name/property/itemprop → content (first occurrence).</param>
/// <param name="Article">The JSON-LD article object, or default when there is none.</param>
/// <param name="JsonLd">Every JSON-LD object of the page.</param>
/// <param name="BrokenJsonLd">Text of JSON-LD blocks that are not valid JSON (their dates are still read).</param>
/// <param name="Elements">All elements in document order.</param>
/// <param name="Titles">The headline as og:title, JSON-LD, twitter:title and &lt;title&gt; give it (site suffix removed), to find the headline element.</param>
/// <param name="Urls">Canonical URL, then the URL the page was fetched from.</param>
/// <param name="MonthFirst">The page is written for a month-first country (lang or og:locale en-US): "06/10/2017" is June 10.</param>
internal sealed record PublishedDateEvidence(
    IReadOnlyDictionary<string, string> Meta,
    JsonElement Article,
    IReadOnlyList<JsonElement> JsonLd,
    IReadOnlyList<string> BrokenJsonLd,
    IReadOnlyList<HtmlNode> Elements,
    IReadOnlyList<string> Titles,
    IReadOnlyList<string?> Urls,
    bool MonthFirst = false);

/// <summary>
/// Finds the publication day the way htmldate's extensive mode does, most reliable source first:
/// JSON-LD datePublished and the published-time meta keys; time/itemprop elements marked as the
/// publication time; the URL path; date elements (class/id hints) next to the headline; a short
/// date line in the text under the headline; then the modified time and the lead image's upload
/// path. Dates inside comments, related-article lists, sidebars and captions are never taken, an
/// "Updated ..." date yields to a "Published ..." one, and a date after the page's own modified time
/// is not its publication day. A wrong day is worse than none (relative dates in the text resolve
/// against it), so every stage below the structured ones needs a day written as a full date.
/// </summary>
internal static partial class HtmlPublishedDate
{
    /// <summary>How many elements before or after the headline a byline's date element may stand (when checking a UTC stamp against it).</summary>
    private const int BylineReach = 60;

    /// <summary>How much headline-following text (characters) may stand before the date line.</summary>
    private const int TextBudgetAfterTitle = 1500;

    /// <summary>Longest text of an element read as a date line ("Senin, 23 Sep 2024 14:05 WIB | Penulis: Andi").</summary>
    private const int DateLineLength = 120;

    /// <summary>Longest text of a class-hinted date element (bylines carry author, place and both dates).</summary>
    private const int HintedTextLength = 200;

    [GeneratedRegex(@"""datePublished""\s*:\s*""(?<v>[^""]{6,40})""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex JsonDatePublished();

    public static DateOnly? Find(PublishedDateEvidence page)
    {
        var fromUrl = page.Urls.Select(HtmlDateFinder.FromUrl).FirstOrDefault(d => d is not null);
        var modified = Modified(page);

        if (Structured(page) is { } stamp)
        {
            // Meta times are often UTC ("2020-02-18T03:00:00Z" for an evening story of the 17th); the URL
            // path and the date shown under the headline carry the newsroom's own day. When one of them
            // is a day off and the time of day allows it, that day is the local one.
            if (fromUrl is { } urlDay && IsLocalDayOf(stamp, urlDay)) return urlDay;
            if (!stamp.IsUtc) return stamp.Day;
            // The headline is looked for only now: most pages end above.
            var (headline, isHeadline) = TitleIndex(page);
            if (isHeadline && DateLineAfterTitle(page, headline, modified) is { } shown && IsLocalDayOf(stamp, shown)) return shown;
            // The byline's date element shows the newsroom's day too ("<span class="date">17 Feb 2020</span>").
            if (isHeadline && HintedDateElement(page, headline, modified, BylineReach) is { } hinted && IsLocalDayOf(stamp, hinted)) return hinted;
            return stamp.Day;
        }
        if (fromUrl is not null) return fromUrl;
        var (titleIndex, isTitle) = TitleIndex(page);
        return HintedDateElement(page, titleIndex, modified)
            ?? (isTitle ? DateLineAfterTitle(page, titleIndex, modified) : null)
            ?? CuedDateLine(page, titleIndex, modified)
            ?? modified
            ?? LeadImageDate(page, modified);
    }

    /// <summary>JSON-LD datePublished, the published-time meta keys, and time/itemprop elements marked as the publication time.</summary>
    private static PageTime? Structured(PublishedDateEvidence page)
    {
        var fromJson = HtmlDateFinder.TimeFromValue(JsonString(page.Article, "datePublished"))
            ?? page.JsonLd.Select(e => HtmlDateFinder.TimeFromValue(FindProperty(e, "datePublished"))).FirstOrDefault(d => d is not null)
            ?? page.BrokenJsonLd.SelectMany(t => JsonDatePublished().Matches(t)).Select(m => HtmlDateFinder.TimeFromValue(m.Groups["v"].Value)).FirstOrDefault(d => d is not null);
        if (fromJson is not null) return fromJson;
        foreach (var key in HtmlDateHints.PublishedMeta)
            if (page.Meta.TryGetValue(key, out var value) && HtmlDateFinder.TimeFromValue(value) is { } stamp) return stamp;

        // <time pubdate>, <time class="published">, itemprop=datePublished
        foreach (var node in page.Elements)
        {
            var cls = node.GetAttributeValue("class", "");
            bool marked = node.GetAttributeValue("itemprop", "").Equals("datePublished", StringComparison.OrdinalIgnoreCase)
                || node.Name == "time" && (node.Attributes["pubdate"] is not null || cls.Contains("publish", StringComparison.OrdinalIgnoreCase));
            if (!marked) continue;
            if (TimeOf(node, page.MonthFirst) is { } stamp) return stamp;
        }
        // A creation time is the publication time of pages that only give that (JSON-LD or microdata dateCreated).
        return HtmlDateFinder.TimeFromValue(JsonString(page.Article, "dateCreated"))
            ?? page.JsonLd.Select(e => HtmlDateFinder.TimeFromValue(FindProperty(e, "dateCreated"))).FirstOrDefault(d => d is not null)
            ?? page.Elements.Where(n => n.GetAttributeValue("itemprop", "").Equals("dateCreated", StringComparison.OrdinalIgnoreCase))
                .Select(n => TimeOf(n, page.MonthFirst)).FirstOrDefault(d => d is not null);
    }

    /// <summary>
    /// The time a date element gives: its datetime/content attribute, except that a UTC stamp yields to
    /// the visible text when the text shows a full date one day off that the time of day allows
    /// (<c>&lt;time datetime="2020-02-18T03:00:00Z"&gt;February 17, 2020&lt;/time&gt;</c>: the page shows its own day).
    /// </summary>
    private static PageTime? TimeOf(HtmlNode node, bool monthFirst)
    {
        var attribute = node.GetAttributeValue("datetime", null) ?? node.GetAttributeValue("content", null);
        var text = HtmlTree.Text(node, 200);
        if (attribute is null) return HtmlDateFinder.TimeFromValue(text);
        var stamp = HtmlDateFinder.TimeFromValue(attribute);
        if (stamp is { IsUtc: true } utc && text.Length is > 0 and <= DateLineLength
            && HtmlDateFinder.FromLabelledText(text, monthFirst) is { } shown && IsLocalDayOf(utc, shown))
            return new PageTime(shown, null, null);
        return stamp;
    }

    /// <summary>
    /// Whether <paramref name="day"/>, one day off the stamp's, can be the newsroom's day for it. A UTC
    /// stamp moves a day back only before 10:00 and forward only from 10:00 (UTC-10 to UTC+14 cover
    /// the inhabited zones); a stamp without time or zone gives no such limit.
    /// </summary>
    private static bool IsLocalDayOf(PageTime stamp, DateOnly day)
    {
        int shift = day.DayNumber - stamp.Day.DayNumber;
        if (shift is not (1 or -1)) return false;
        if (!stamp.IsUtc) return true;
        var hour = stamp.Time!.Value.Hour;
        return shift < 0 ? hour < 10 : hour >= 10;
    }

    /// <summary>
    /// The first date element (class/id hint or &lt;time&gt;) after the headline, else the first before it:
    /// a "today" date in the page header comes before the headline, the story's date line after it.
    /// </summary>
    private static DateOnly? HintedDateElement(PublishedDateEvidence page, int titleIndex, DateOnly? modified, int reach = int.MaxValue)
    {
        DateOnly? beforeTitle = null;
        int start = reach == int.MaxValue ? 0 : Math.Max(0, titleIndex - reach);
        int end = (int)Math.Min(page.Elements.Count, (long)titleIndex + reach);
        for (int i = start; i < end; i++)
        {
            var node = page.Elements[i];
            string hint = node.GetAttributeValue("class", "") + " " + node.GetAttributeValue("id", "");
            bool isTime = node.Name == "time";
            if (!isTime && (hint.Length < 2 || !HtmlDateHints.DateClass.IsMatch(hint))) continue;
            if (HtmlDateHints.NotPublishedClass.IsMatch(hint) || HtmlHints.IsInvisible(node.Name)) continue;
            var date = isTime && node.Attributes["datetime"] is not null ? TimeOf(node, page.MonthFirst)?.Day : null;
            if (date is null)
            {
                var text = HtmlTree.Text(node, HintedTextLength + 1);
                if (text.Length is > 0 and <= HintedTextLength) date = HtmlDateFinder.FromLabelledText(text, page.MonthFirst);
            }
            if (date is not { } day || !NotAfter(day, modified) || InOtherItems(node, Headline(page, titleIndex))) continue;
            if (i > titleIndex) return day;
            beforeTitle ??= day;
        }
        return beforeTitle;
    }

    /// <summary>
    /// A short line under the headline that is a date ("January 18, 2020", "Published 3 March 2020 |
    /// 10:05"), within the first stretch of text after it. Longer blocks are sentences, whose dates are
    /// events, not the publication.
    /// </summary>
    private static DateOnly? DateLineAfterTitle(PublishedDateEvidence page, int titleIndex, DateOnly? modified)
    {
        if (titleIndex < 0) return null;
        int budget = 0;
        for (int i = titleIndex + 1; i < page.Elements.Count && budget <= TextBudgetAfterTitle; i++)
        {
            var node = page.Elements[i];
            if (HtmlHints.IsInvisible(node.Name)) continue;
            var own = OwnText(node);
            if (own.Length == 0) continue;
            budget += own.Length;
            if (HtmlDateHints.NotPublishedClass.IsMatch(node.GetAttributeValue("class", "") + " " + node.GetAttributeValue("id", ""))) continue;
            var text = HtmlTree.Text(node, DateLineLength + 1);
            if (text.Length > DateLineLength) text = own;
            if (text.Length > DateLineLength) continue;
            if (HtmlDateFinder.FromLabelledText(text, page.MonthFirst) is { } day && NotAfter(day, modified) && !InOtherItems(node, Headline(page, titleIndex))
                && !IsSentenceAboutAnEvent(text, page.MonthFirst)) return day;
        }
        return null;
    }

    /// <summary>
    /// Whether a short line is a sentence that names a day rather than a date line: it ends like a sentence, no
    /// "published" label stands in it, and without its dates it still has five or more words, two thirds of them
    /// (after the first) in lower case ("The festival opens on 12 July 2019 at the harbour."). A byline ("By Jane
    /// Roe, March 3, 2020.") or a labelled line ("Diterbitkan 3 Maret 2020.") has names and few words.
    /// </summary>
    private static bool IsSentenceAboutAnEvent(string text, bool monthFirst)
    {
        if (text.Length == 0 || text[^1] is not ('.' or '!' or '?') || HtmlDateHints.PublishedCue.IsMatch(text)) return false;
        var rest = new StringBuilder(text.Length);
        int from = 0;
        foreach (var (index, length, _) in HtmlDateFinder.DatesIn(text, monthFirst))
        {
            rest.Append(text, from, index - from).Append(' ');
            from = index + length;
        }
        rest.Append(text, from, text.Length - from);
        int words = 0, lower = 0;
        foreach (var token in rest.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int letter = 0;
            while (letter < token.Length && !char.IsLetter(token[letter])) letter++;
            if (letter == token.Length) continue;
            if (words++ > 0 && char.IsLower(token[letter])) lower++;
        }
        return words >= SentenceWords && lower * 3 >= (words - 1) * 2;
    }

    private const int SentenceWords = 5;

    /// <summary>
    /// A short line anywhere outside other items' containers whose date follows a publication label
    /// ("Datum: 22.12.2012", "Published: 06.10.2017 11:15", "Diterbitkan 3 Maret 2020"): the label says
    /// which date it is, so neither a headline nor a class hint is needed. For pages whose headline is
    /// not marked up as one and whose date carries no class.
    /// </summary>
    private static DateOnly? CuedDateLine(PublishedDateEvidence page, int titleIndex, DateOnly? modified)
    {
        var headline = Headline(page, titleIndex);
        foreach (var node in page.Elements)
        {
            if (HtmlHints.IsInvisible(node.Name) || !OwnTextHasDigit(node)) continue;
            var own = OwnText(node);
            if (own.Length is < 8 or > DateLineLength) continue;
            var text = HtmlTree.Text(node, DateLineLength + 1);
            if (text.Length > DateLineLength) text = own;
            if (HtmlDateFinder.FromCuedText(text, page.MonthFirst) is { } day && NotAfter(day, modified) && !InOtherItems(node, headline)) return day;
        }
        return null;
    }

    private static DateOnly? Modified(PublishedDateEvidence page)
    {
        foreach (var key in HtmlDateHints.ModifiedMeta)
            if (page.Meta.TryGetValue(key, out var value) && HtmlDateFinder.FromValue(value) is { } date) return date;
        return HtmlDateFinder.FromValue(JsonString(page.Article, "dateModified"));
    }

    /// <summary>The upload day in the lead image's path ("/uploads/2020/10/13/..."): the image was filed with the story.</summary>
    private static DateOnly? LeadImageDate(PublishedDateEvidence page, DateOnly? modified)
    {
        foreach (var key in (string[])["og:image", "twitter:image", "og:image:url"])
            if (page.Meta.TryGetValue(key, out var value) && HtmlDateFinder.FromUrl(value) is { } day && NotAfter(day, modified)) return day;
        return null;
    }

    /// <summary>A publication day cannot come after the page's own last-modified day (a day of slack: the modified time may be UTC).</summary>
    private static bool NotAfter(DateOnly day, DateOnly? modified) => modified is not { } m || day.DayNumber <= m.DayNumber + 1;

    /// <summary>
    /// Inside a comment thread, a related-articles list, a sidebar or a caption. Containers that also hold
    /// the headline are the article's own (or the whole page's: "page ... with-sidebar"), so the walk up
    /// stops there.
    /// </summary>
    private static bool InOtherItems(HtmlNode node, HtmlNode? headline)
    {
        for (var n = node; n is not null && n.NodeType == HtmlNodeType.Element; n = n.ParentNode)
        {
            if (headline is not null && IsAncestorOf(n, headline)) return false;
            // not <nav>: an unclosed navbar makes the whole page its descendant
            if (n.Name is "aside" or "footer" or "figcaption") return true;
            // A list item that links to another story by its headline is a teaser in a feed or a "latest"
            // list: its date (often an event's, "2020.08.19. 08.00. Siófok") is that item's.
            if (n.Name == "li" && LinksToAStory(n)) return true;
            var hint = n.GetAttributeValue("class", "") + " " + n.GetAttributeValue("id", "");
            if (hint.Length > 1 && HtmlDateHints.OtherItemsContainer.IsMatch(hint)) return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="item"/> holds a link whose text reads like a headline (at least <see cref="TeaserLinkLength"/> characters).</summary>
    private static bool LinksToAStory(HtmlNode item)
    {
        foreach (var element in HtmlTree.Elements(item))
            if (element.Name == "a" && element.Attributes["href"] is not null && HtmlTree.Text(element, TeaserLinkLength).Length >= TeaserLinkLength)
                return true;
        return false;
    }

    /// <summary>A link this long is a story's headline, not "By Jane Roe" or a category name.</summary>
    private const int TeaserLinkLength = 15;

    private static bool IsAncestorOf(HtmlNode container, HtmlNode node)
    {
        for (var n = node.ParentNode; n is not null; n = n.ParentNode)
            if (n == container) return true;
        return false;
    }

    /// <summary>
    /// Index of the headline element: the h1 whose text is the headline of the page's metadata (<c>IsTitle</c>), else the first h1
    /// with text (a masthead, perhaps); -1 when none.
    /// </summary>
    private static (int Index, bool IsTitle) TitleIndex(PublishedDateEvidence page)
    {
        int first = -1;
        var titles = page.Titles.Select(Simplify).Where(t => t.Length > 0).ToList();
        for (int i = 0; i < page.Elements.Count; i++)
        {
            if (page.Elements[i].Name != "h1") continue;
            var text = Simplify(HtmlTree.Text(page.Elements[i], 500));
            if (text.Length == 0) continue;
            if (titles.Exists(t => SameHeadline(t, text))) return (i, true);
            if (first < 0) first = i;
        }
        // Many templates put the headline in an h2 or h3 (the h1 is the site's logo, or missing).
        if (titles.Count > 0)
        {
            for (int i = 0; i < page.Elements.Count; i++)
            {
                if (page.Elements[i].Name is not ("h2" or "h3")) continue;
                var text = Simplify(HtmlTree.Text(page.Elements[i], 500));
                if (text.Length > 0 && titles.Exists(t => SameHeadline(t, text)) && !InOtherItems(page.Elements[i], null)) return (i, true);
            }
        }
        return (first, false);
    }

    /// <summary>One holds the other and is at least half of it: "Daily Legal News" is not the headline "Daily Legal News : Details : ...".</summary>
    private static bool SameHeadline(string a, string b)
    {
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length * 2 >= longer.Length && longer.Contains(shorter, StringComparison.Ordinal);
    }

    private static HtmlNode? Headline(PublishedDateEvidence page, int titleIndex) => titleIndex >= 0 ? page.Elements[titleIndex] : null;

    private static string Simplify(string s) => new(s.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    /// <summary>Whether the text directly inside <paramref name="node"/> holds a digit: a cheap test before building it (most elements hold none).</summary>
    private static bool OwnTextHasDigit(HtmlNode node)
    {
        foreach (var child in node.ChildNodes)
            if (child.NodeType == HtmlNodeType.Text && ((HtmlTextNode)child).Text.AsSpan().IndexOfAnyInRange('0', '9') >= 0) return true;
        return false;
    }

    /// <summary>The text directly inside <paramref name="node"/> (not in child elements), collapsed.</summary>
    private static string OwnText(HtmlNode node)
    {
        var text = new StringBuilder();
        foreach (var child in node.ChildNodes)
            if (child.NodeType == HtmlNodeType.Text) HtmlTree.AppendCollapsed(text, HtmlEntity.DeEntitize(((HtmlTextNode)child).Text));
        return text.ToString().Trim();
    }

    private static string? JsonString(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString() : null;

    /// <summary>A property found anywhere inside <paramref name="e"/> (JSON-LD nests articles under mainEntity, @graph, ...).</summary>
    private static string? FindProperty(JsonElement e, string name)
    {
        var stack = new Stack<JsonElement>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var x = stack.Pop();
            if (x.ValueKind == JsonValueKind.Object)
            {
                if (x.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String) return v.GetString();
                foreach (var p in x.EnumerateObject()) stack.Push(p.Value);
            }
            else if (x.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in x.EnumerateArray()) stack.Push(item);
            }
        }
        return null;
    }
}
