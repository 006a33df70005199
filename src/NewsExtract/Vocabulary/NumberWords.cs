using System.Globalization;
using NewsExtract.Common;

namespace NewsExtract.Vocabulary;

/// <summary>Kind of a number word.</summary>
internal enum NumberWordKind : byte
{
    /// <summary>"dua", "tujuh belas", "sembilan puluh sembilan", "seratus".</summary>
    Cardinal,
    /// <summary>"pertama", "kedua", "kedua belas".</summary>
    Ordinal,
    /// <summary>"ratus", "ribu", "juta", "miliar": scales the number before it ("1,2 juta").</summary>
    Multiplier,
}

/// <summary>A spelled number: its words and value.</summary>
internal sealed record NumberWord(int Id, string Text, long Value, NumberWordKind Kind);

/// <summary>
/// Indonesian number words (numbers.tsv): the building blocks and the numbers 1-99 made from them ("dua puluh
/// tiga"), their ordinals ("kedua puluh tiga"), round numbers ("seratus", "seribu") and multipliers.
/// </summary>
internal sealed class NumberWords
{
    private readonly Dictionary<string, NumberWord> _byText;

    private NumberWords(List<NumberWord> words)
    {
        Words = words;
        _byText = words.ToDictionary(w => w.Text, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<NumberWord> Words { get; }

    /// <summary>The number word behind a matcher entry id of category <see cref="VocabularyCategory.Number"/>.</summary>
    public NumberWord Word(int entryId) => Words[entryId];

    /// <summary>The number word written exactly so (single spaces, any case), or null: "dua puluh tiga" gives 23.</summary>
    public NumberWord? Find(string text) => _byText.GetValueOrDefault(text);

    internal static NumberWords Load(PhraseMatcher.Builder matcher)
    {
        var rows = EmbeddedTsv.Read("vocabulary/numbers.tsv", 3, 3);
        var digits = new List<(string Word, long Value)>();
        var words = new List<NumberWord>();
        var origins = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? teen = null, tens = null;
        string origin = "";
        void Add(string text, long value, NumberWordKind kind, string from)
        {
            if (origins.TryGetValue(text, out var first)) throw new InvalidDataException($"{from}: number word '{text}' is defined twice (first at {first}).");
            origins[text] = from;
            var word = new NumberWord(words.Count, text, value, kind);
            matcher.Add(text, VocabularyCategory.Number, word.Id, from);
            words.Add(word);
        }
        foreach (var row in rows)
        {
            if (row[0] != row[0].ToLowerInvariant()) throw row.Error($"number word '{row[0]}' must be lowercase.");
            if (!long.TryParse(row[1], NumberStyles.None, CultureInfo.InvariantCulture, out long value)) throw row.Error($"value '{row[1]}' is not a whole number.");
            origin = row.File + ":" + row.Line;
            switch (row[2])
            {
                case "digit":
                    if (value is < 1 or > 9) throw row.Error($"a digit word must have a value 1-9, not {value}.");
                    digits.Add((row[0], value));
                    Add(row[0], value, NumberWordKind.Cardinal, origin);
                    break;
                case "number": Add(row[0], value, NumberWordKind.Cardinal, origin); break;
                case "ordinal": Add(row[0], value, NumberWordKind.Ordinal, origin); break;
                case "multiplier": Add(row[0], value, NumberWordKind.Multiplier, origin); break;
                case "teen": teen = teen is null ? row[0] : throw row.Error("a second teen word; there is one (\"belas\")."); break;
                case "tens": tens = tens is null ? row[0] : throw row.Error("a second tens word; there is one (\"puluh\")."); break;
                default: throw row.Error($"role '{row[2]}' is not digit, number, teen, tens, multiplier or ordinal.");
            }
        }
        if (digits.Count != 9 || teen is null || tens is null)
            throw new InvalidDataException("Resources/vocabulary/numbers.tsv: needs the nine digit words 1-9, one teen word and one tens word.");

        // 12-19, 20-99 ("dua belas", "dua puluh", "dua puluh satu").
        foreach (var (d, dv) in digits.Where(x => x.Value >= 2))
        {
            Add($"{d} {teen}", 10 + dv, NumberWordKind.Cardinal, origin);
            Add($"{d} {tens}", 10 * dv, NumberWordKind.Cardinal, origin);
            foreach (var (e, ev) in digits)
                Add($"{d} {tens} {e}", 10 * dv + ev, NumberWordKind.Cardinal, origin);
        }
        // Ordinals "ke" + cardinal 1-99 ("kesatu", "kedua", "kesepuluh", "kedua belas").
        foreach (var cardinal in words.Where(w => w.Kind == NumberWordKind.Cardinal && w.Value is >= 1 and <= 99).ToList())
            Add("ke" + cardinal.Text, cardinal.Value, NumberWordKind.Ordinal, origin);
        return new NumberWords(words);
    }
}
