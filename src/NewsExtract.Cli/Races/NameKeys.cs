using System.Globalization;
using System.Text;
using NewsExtract.Records;

namespace NewsExtract.Cli.Races;

/// <summary>
/// How a person's names are compared across articles. One outlet writes "Eri Cahyadi", another "Cak Eri", a third
/// only "Eri"; a deputy is "Armuji" here and "Cak Ji" there. A person is the set of lowercase word tokens of the name
/// and its aliases, forms of address ("Cak", "Mas", "Bang": <c>honorifics.txt</c>) left out. Two persons are the same
/// when every token of one matches a token of the other: equal, a prefix of three letters or more ("Ali" of
/// "Alimuddin"), or a suffix of two or more ("Ji" of "Armuji", "Dhito" of "Hanindhito").
/// </summary>
/// <remarks>
/// <c>sql/races.sql</c> applies the same test to the <c>candidate_names</c> Parquet table, whose tokens come from
/// <see cref="Tokens(PersonName?)"/>: change both together (the DuckDB comparison test holds them to each other).
/// </remarks>
internal static class NameKeys
{
    private static readonly HashSet<string> Honorifics = LoadHonorifics();

    private static HashSet<string> LoadHonorifics()
    {
        const string name = "NewsExtract.Cli.Races.honorifics.txt";
        using var stream = typeof(NameKeys).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing; rebuild NewsExtract.Cli.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            set.Add(line);
        }
        if (set.Count == 0) throw new InvalidOperationException($"{name} lists no forms of address.");
        return set;
    }

    /// <summary>The distinct tokens of a person (name and aliases), sorted ordinally; empty for no person.</summary>
    public static string[] Tokens(PersonName? person)
    {
        if (person is null) return [];
        var set = new SortedSet<string>(StringComparer.Ordinal);
        AddTokens(person.Name, set);
        foreach (var alias in person.Aliases) AddTokens(alias, set);
        return [.. set];
    }

    /// <summary>Tokens of the name alone (no aliases): how full a name form is.</summary>
    public static int NameTokenCount(string name) => Tokens(new PersonName(name, [], [])).Length;

    /// <summary>The tokens joined by spaces: equal keys are the same name form.</summary>
    public static string Key(string[] tokens) => string.Join(' ', tokens);

    private static void AddTokens(string text, SortedSet<string> into)
    {
        var word = new StringBuilder();
        foreach (char ch in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark) continue; // "é" compares as "e"
            if (char.IsLetter(ch)) { word.Append(char.ToLowerInvariant(ch)); continue; }
            if (ch == '\'' || ch == '\u2019') continue; // "Ma'ruf" is one word
            Flush(word, into);
        }
        Flush(word, into);
    }

    private static void Flush(StringBuilder word, SortedSet<string> into)
    {
        // One letter is an initial ("M. Rusdi"), not a name: it would match too much.
        if (word.Length >= 2)
        {
            string token = word.ToString();
            if (!Honorifics.Contains(token)) into.Add(token);
        }
        word.Clear();
    }

    /// <summary>Whether two tokens can be the same name part.</summary>
    public static bool TokenMatch(string a, string b)
    {
        if (a == b) return true;
        var (s, l) = a.Length <= b.Length ? (a, b) : (b, a);
        if (s.Length == l.Length) return false;
        return s.Length >= 3 && l.StartsWith(s, StringComparison.Ordinal)
            || s.Length >= 2 && l.EndsWith(s, StringComparison.Ordinal);
    }

    /// <summary>Every token of <paramref name="a"/> matches some token of <paramref name="b"/>.</summary>
    private static bool Covered(string[] a, string[] b)
    {
        foreach (var t in a)
        {
            bool found = false;
            foreach (var u in b)
                if (TokenMatch(t, u)) { found = true; break; }
            if (!found) return false;
        }
        return true;
    }

    /// <summary>Some token of <paramref name="a"/> matches some token of <paramref name="b"/>.</summary>
    public static bool Overlap(string[] a, string[] b)
    {
        foreach (var t in a)
            foreach (var u in b)
                if (TokenMatch(t, u)) return true;
        return false;
    }

    /// <summary>Whether two persons (token sets) can be the same person.</summary>
    public static bool Compatible(string[] a, string[] b) =>
        a.Length > 0 && b.Length > 0 && (Covered(a, b) || Covered(b, a));
}
