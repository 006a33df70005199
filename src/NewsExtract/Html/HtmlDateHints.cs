using System.Text;
using System.Text.RegularExpressions;
using NewsExtract.Common;

namespace NewsExtract.Html;

/// <summary>
/// The word lists of Resources/html/date-hints.tsv, read once: which meta keys hold the publication
/// or modification time, which class/id words mark a date element or a container of other items'
/// dates, and which words before a date say "published" or "updated".
/// </summary>
internal static class HtmlDateHints
{
    private const string File = "html/date-hints.tsv";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static readonly Dictionary<string, List<(string Word, string Match)>> Lists = Load();

    /// <summary>Meta keys of the publication time, most specific first.</summary>
    public static readonly IReadOnlyList<string> PublishedMeta = Lists["published-meta"].Select(w => w.Word).ToArray();

    /// <summary>Meta keys of the last-modified time.</summary>
    public static readonly IReadOnlyList<string> ModifiedMeta = Lists["modified-meta"].Select(w => w.Word).ToArray();

    /// <summary>class/id words of an element holding a date ("post-date", "tanggal", "byline").</summary>
    public static readonly HintWords DateClass = BuildWords("date-class");

    /// <summary>class/id words of a date element holding some other date ("updated", "comment-time").</summary>
    public static readonly HintWords NotPublishedClass = BuildWords("not-published-class");

    /// <summary>class/id words of a container whose dates belong to other items (comments, related lists, captions).</summary>
    public static readonly HintWords OtherItemsContainer = BuildWords("other-items-container");

    /// <summary>Words before a date saying it is the publication date ("Published", "Diterbitkan").</summary>
    public static readonly Regex PublishedCue = Build("published-cue");

    /// <summary>Words before a date saying it is an update ("Updated", "Diperbarui").</summary>
    public static readonly Regex UpdatedCue = Build("updated-cue");

    private static HintWords BuildWords(string kind)
    {
        foreach (var (word, _) in Lists[kind])
            if (!Ascii.IsValid(word))
                throw new InvalidDataException($"Resources/{File}: the {kind} word '{word}' is not ASCII; class and id words are matched as ASCII.");
        return new HintWords([.. Lists[kind]], Build(kind));
    }

    private static Regex Build(string kind)
    {
        var parts = Lists[kind]
            .OrderByDescending(w => w.Word.Length)
            .Select(w => w.Match switch
            {
                "word" => $@"(?<!\w){Regex.Escape(w.Word)}(?!\w)",
                "prefix" => $@"(?<!\p{{L}}){Regex.Escape(w.Word)}",
                _ => Regex.Escape(w.Word),
            });
        return new Regex(string.Join("|", parts), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
    }

    private static Dictionary<string, List<(string, string)>> Load()
    {
        string[] kinds = ["published-meta", "modified-meta", "date-class", "not-published-class", "other-items-container", "published-cue", "updated-cue"];
        var lists = kinds.ToDictionary(k => k, _ => new List<(string, string)>(), StringComparer.Ordinal);
        foreach (var row in EmbeddedTsv.Read(File, 3, 3))
        {
            if (!lists.TryGetValue(row[0], out var list))
                throw row.Error($"unknown kind '{row[0]}'; expected one of {string.Join(", ", kinds)}.");
            if (row[2] is not ("exact" or "substring" or "word" or "prefix"))
                throw row.Error($"unknown match '{row[2]}'; expected exact, substring, word or prefix.");
            if ((row[2] == "exact") != row[0].EndsWith("-meta", StringComparison.Ordinal))
                throw row.Error("meta keys match exactly, and only meta keys do.");
            if (list.Exists(w => string.Equals(w.Item1, row[1], StringComparison.OrdinalIgnoreCase)))
                throw row.Error($"'{row[1]}' is listed twice under {row[0]}.");
            list.Add((row[1], row[2]));
        }
        foreach (var (kind, list) in lists)
            if (list.Count == 0) throw new InvalidDataException($"Resources/{File} has no '{kind}' rows.");
        return lists;
    }
}

/// <summary>
/// The class/id words of one kind, matched as the regex built from them matches (case-insensitive; "word": no
/// word character on either side; "prefix": no letter before; "substring": anywhere). Class and id values are
/// ASCII on nearly every page, and for ASCII input a direct scan gives the regex's answer at a fraction of its
/// cost (the interpreted alternation, run on every element's class, was the largest cost of the date search);
/// any other input goes to the regex.
/// </summary>
internal sealed class HintWords
{
    private readonly (string Word, string Match)[] words;
    private readonly Regex regex;

    public HintWords((string Word, string Match)[] words, Regex regex)
    {
        this.words = [.. words.Select(w => (w.Word.ToLowerInvariant(), w.Match))];
        this.regex = regex;
    }

    public bool IsMatch(string value)
    {
        if (!Ascii.IsValid(value)) return regex.IsMatch(value);
        var text = value.AsSpan();
        foreach (var (word, match) in words)
        {
            for (int from = 0; from <= text.Length - word.Length;)
            {
                int at = text[from..].IndexOf(word, StringComparison.OrdinalIgnoreCase);
                if (at < 0) break;
                at += from;
                int end = at + word.Length;
                bool fits = match switch
                {
                    "word" => (at == 0 || !IsWordChar(text[at - 1])) && (end == text.Length || !IsWordChar(text[end])),
                    "prefix" => at == 0 || !char.IsAsciiLetter(text[at - 1]),
                    _ => true,
                };
                if (fits) return true;
                from = at + 1;
            }
        }
        return false;
    }

    // \w on ASCII text
    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
