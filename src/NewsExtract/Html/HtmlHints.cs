using System.Collections.Frozen;
using System.Text.RegularExpressions;
using NewsExtract.Common;

namespace NewsExtract.Html;

/// <summary>
/// What the body extractor reasons with: which tags never hold article text and which are block
/// boundaries (HTML semantics, kept here), and the word lists that are data: class/id words that mark
/// boilerplate or content (the readability / trafilatura conventions plus Indonesian ones such as
/// "baca-juga", "terkait", "komentar") in Resources/html/class-hints.tsv, and the boilerplate lines
/// ("Baca juga", "Editor: ...") in Resources/html/boilerplate-lines.tsv, loaded and checked once.
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

    /// <summary>
    /// Whether a block ending in <paramref name="last"/> ends like a sentence: Latin punctuation, and the full stops,
    /// marks and closing quotes of Chinese and Japanese ("。", "！", "」"), Arabic ("؟") and Hindi ("।"). A short
    /// Japanese paragraph ending in "。" is text, not a label.
    /// </summary>
    public static bool EndsLikeSentence(char last) =>
        last is '.' or '!' or '?' or '"' or '\u201D' or ')' or '\u3002' or '\uFF01' or '\uFF1F' or '\uFF0E' or '\u300D' or '\u300F' or '\u2026' or '\u061F' or '\u0964';

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

    /// <summary>Class/id words of boilerplate containers (Resources/html/class-hints.tsv, kind "negative").</summary>
    public static ClassHintSet NegativeHint() => Data.Value.NegativeHint;

    /// <summary>Class/id words of article containers (Resources/html/class-hints.tsv, kind "positive").</summary>
    public static ClassHintSet PositiveHint() => Data.Value.PositiveHint;

    /// <summary>A block that only points elsewhere: "Baca Juga: ...", "Berita Terkait" (Resources/html/boilerplate-lines.tsv, kind "related").</summary>
    public static Regex RelatedLine() => Data.Value.RelatedLine;

    /// <summary>A short widget, ad or credit label: "ADVERTISEMENT", "Bagikan", "Editor: ..." (Resources/html/boilerplate-lines.tsv, kind "widget").</summary>
    public static Regex WidgetLine() => Data.Value.WidgetLine;

    [GeneratedRegex("^[a-z0-9_-]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ClassHintTerm();

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private static readonly Lazy<HintData> Data = new(HintData.Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The matchers built from the word lists; loading validates every row and fails with file and line.</summary>
    internal sealed record HintData(ClassHintSet NegativeHint, ClassHintSet PositiveHint, Regex RelatedLine, Regex WidgetLine)
    {
        public static HintData Load()
        {
            var negative = new List<ClassHint>();
            var positive = new List<ClassHint>();
            foreach (var row in EmbeddedTsv.Read("html/class-hints.tsv", 3, 4))
            {
                if (!ClassHintTerm().IsMatch(row[2]))
                    throw row.Error($"term '{row[2]}' must be lowercase letters, digits, '-' and '_' (write spelling variants as rows of their own).");
                var boundary = row[1] switch
                {
                    "part" => HintBoundary.None,
                    "word" => HintBoundary.Start | HintBoundary.End,
                    "start" => HintBoundary.Start,
                    "end" => HintBoundary.End,
                    _ => throw row.Error($"match '{row[1]}' is not one of part, word, start, end."),
                };
                (row[0] switch
                {
                    "negative" => negative,
                    "positive" => positive,
                    _ => throw row.Error($"kind '{row[0]}' is not one of negative, positive."),
                }).Add(new ClassHint(row[2], boundary));
            }
            if (negative.Count == 0 || positive.Count == 0)
                throw new InvalidDataException("Resources/html/class-hints.tsv needs both 'negative' and 'positive' rows.");
            var related = new List<string>();
            var widget = new List<string>();
            foreach (var row in EmbeddedTsv.Read("html/boilerplate-lines.tsv", 2, 3))
            {
                Check(row, row[1], "pattern");
                (row[0] switch
                {
                    "related" => related,
                    "widget" => widget,
                    _ => throw row.Error($"kind '{row[0]}' is not one of related, widget."),
                }).Add(row[1]);
            }
            return new HintData(
                new ClassHintSet(negative),
                new ClassHintSet(positive),
                // Up to three marks before the starter ("» Baca juga"), but no opening quote: a quoted
                // sentence that starts "Lihat juga ..." is what someone said, not a link.
                Build("html/boilerplate-lines.tsv", "related", @"^[^\w""'\u201C\u2018\u00AB]{0,3}", related, ""),
                Build("html/boilerplate-lines.tsv", "widget", @"^\W*", widget, @"\W*$"));
        }

        // A row must compile on its own, so that a typo is reported on its line and not as a broken alternation.
        private static void Check(TsvRow row, string pattern, string column)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant, Timeout);
            }
            catch (ArgumentException ex)
            {
                throw row.Error($"{column} '{pattern}' is not a valid regex: {ex.Message}");
            }
        }

        private static Regex Build(string file, string kind, string prefix, List<string> alternatives, string suffix)
        {
            if (alternatives.Count == 0) throw new InvalidDataException($"Resources/{file} has no '{kind}' rows.");
            return new Regex(prefix + "(?:" + string.Join('|', alternatives.Select(a => "(?:" + a + ")")) + ")" + suffix,
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
        }
    }
}

[Flags]
internal enum HintBoundary { None = 0, Start = 1, End = 2 }

/// <summary>One class/id word and where it must not touch another letter.</summary>
internal readonly record struct ClassHint(string Term, HintBoundary Boundary);

/// <summary>
/// Finds any of a set of class/id words in an attribute value. A regex alternation of ~100 words with
/// boundary lookarounds costs ~50 us per attribute when interpreted and ~150 ms to compile; this checks,
/// at each position, only the words that start with the letter there, with no start-up cost.
/// </summary>
internal sealed class ClassHintSet
{
    // Terms are ASCII (checked at load), so 128 buckets by lowercase first character cover them all.
    private readonly ClassHint[][] byFirst = new ClassHint[128][];

    public ClassHintSet(IEnumerable<ClassHint> hints)
    {
        foreach (var group in hints.GroupBy(h => h.Term[0]))
            byFirst[group.Key] = [.. group];
    }

    public bool IsMatch(string value)
    {
        Span<char> buffer = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        value.AsSpan().ToLowerInvariant(buffer);
        ReadOnlySpan<char> span = buffer;
        for (int i = 0; i < span.Length; i++)
        {
            char c = span[i];
            if (c >= 128) continue;
            var bucket = byFirst[c];
            if (bucket is null) continue;
            foreach (var hint in bucket)
                if (span[i..].StartsWith(hint.Term, StringComparison.Ordinal) && Fits(span, i, hint)) return true;
        }
        return false;
    }

    private static bool Fits(ReadOnlySpan<char> span, int start, ClassHint hint)
    {
        int end = start + hint.Term.Length;
        if ((hint.Boundary & HintBoundary.Start) != 0 && start > 0 && char.IsAsciiLetter(span[start - 1])) return false;
        if ((hint.Boundary & HintBoundary.End) != 0 && end < span.Length && char.IsAsciiLetter(span[end])) return false;
        return true;
    }
}
