using NewsExtract.Common;
using NewsExtract.Documents;
using NewsExtract.Pipeline;
using NewsExtract.Vocabulary;

namespace NewsExtract.Rules;

/// <summary>A person as written: titles before, name tokens, degrees after ("Drs. Santoso, M.Pd").</summary>
internal sealed record PersonMention(int Start, int End, int NameStart, int NameEnd, int FirstToken, int EndToken, string Name, List<string> Titles)
{
    public string[] NameWords => Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Reads person mentions at a token position, using the vocabulary to tell titles from names and to refuse
/// words that are regions, parties, institutions, offices, months or weekdays.
/// </summary>
internal sealed class PersonReader
{
    private static readonly Lazy<HashSet<string>> NotNamesLazy = new(() =>
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in EmbeddedTsv.Read("language/not-names.txt", 1, 1))
            if (!set.Add(row[0])) throw row.Error($"'{row[0]}' is listed twice.");
        return set;
    });

    private static HashSet<string> NotNames => NotNamesLazy.Value;

    /// <summary>A capitalised word that never starts or continues a person's name ("Petahana", "Relawan", "Rakernas").</summary>
    public static bool IsNotName(ReadOnlySpan<char> word) => NotNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static readonly Lazy<HashSet<string>> StatusWordsLazy = new(() =>
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in EmbeddedTsv.Read("language/status-words.txt", 1, 1))
            if (!set.Add(row[0])) throw row.Error($"'{row[0]}' is listed twice.");
        return set;
    });

    /// <summary>A word that says what a person is and never belongs to the name ("Petahana", "Relawan"; language/status-words.txt).</summary>
    public static bool IsStatusWord(ReadOnlySpan<char> word) => StatusWordsLazy.Value.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>Two to six capitals and nothing else: an acronym of a body ("LSI", "DPR", "LIPI").</summary>
    public static bool IsAcronym(ReadOnlySpan<char> word)
    {
        if (word.Length is < 2 or > 6) return false;
        foreach (char c in word) if (!char.IsUpper(c)) return false;
        return true;
    }

    private readonly Vocabularies _vocabularies;

    public PersonReader(Vocabularies vocabularies) => _vocabularies = vocabularies;

    /// <summary>Categories of the vocabulary match that covers each token (or null).</summary>
    public VocabularyCategory?[] TokenCategories(Analysis a, out Title?[] titles)
    {
        // Both the candidate and the official stage read this layer: build it once per article.
        if (a.TokenVocabulary is { } known)
        {
            titles = known.Titles;
            return known.Categories;
        }
        var cats = new VocabularyCategory?[a.Document.Tokens.Count];
        titles = new Title?[a.Document.Tokens.Count];
        foreach (var m in a.Matches)
            for (int t = m.FirstToken; t < m.EndToken; t++)
            {
                if (m.Category == VocabularyCategory.Title)
                {
                    titles[t] = _vocabularies.Titles.Title(m.EntryId);
                    if (m.EndToken - m.FirstToken > 1) titles[t] = t == m.FirstToken ? titles[t] : null;
                }
                cats[t] ??= m.Category;
            }
        a.TokenVocabulary = (cats, titles);
        return cats;
    }

    public bool IsNameToken(Analysis a, VocabularyCategory?[] cats, int t)
    {
        var tok = a.Document.Tokens[t];
        string text = a.Text;
        if (tok.Kind == TokenKind.Abbreviation)
        {
            // "Muh.", "Moh.", "M." inside names; titles are read separately.
            var s = tok.Span(text);
            return (s.Length <= 5 && char.IsUpper(s[0]) && cats[t] is null) || s.StartsWith("Muh", StringComparison.Ordinal) || s.StartsWith("Moh", StringComparison.Ordinal);
        }
        if (tok.Kind != TokenKind.Word || !char.IsUpper(text[tok.Start])) return false;
        if (cats[t] is VocabularyCategory.Region or VocabularyCategory.Party or VocabularyCategory.Institution or VocabularyCategory.Office
            or VocabularyCategory.Role or VocabularyCategory.Weekday or VocabularyCategory.Coalition or VocabularyCategory.Number)
            return false;
        // A month name is a name ("I Putu Agus", "Juni Astuti") unless a day number stands next to it.
        if (cats[t] is VocabularyCategory.Month)
        {
            var tokens = a.Document.Tokens;
            if ((t > 0 && tokens[t - 1].Kind == TokenKind.Number) || (t + 1 < tokens.Count && tokens[t + 1].Kind == TokenKind.Number)) return false;
        }
        var word = tok.Span(text);
        if (NotNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)) return false;
        // Long all-capital words are acronyms or shouted headlines, not names ("HASIL", "KPU"); short ones may be initials ("RK").
        bool allUpper = true;
        foreach (char c in word) if (char.IsLetter(c) && !char.IsUpper(c)) { allUpper = false; break; }
        return !allUpper || word.Length <= 4;
    }

    // "Yosef Benediktus da Silva", "Juliana br Manullang": a name particle between two name words.
    private bool ParticleInside(Analysis a, VocabularyCategory?[] cats, int nameFirst, int i, int limit) =>
        i > nameFirst && i + 1 < limit && Ner.WordLists.Default.IsNameParticle(a.Document.Tokens[i].Span(a.Text)) && IsNameToken(a, cats, i + 1);

    /// <summary>
    /// "Ganjar Saling Sindir", "Benyamin Jitmau Raih 38,82 Persen": in a title-case headline everyday words follow a
    /// name with capitals. When the entity model's person starts where the name starts and ends earlier, the word
    /// after it is a common word and none after it a given name, the name ends where the model's person ends.
    /// </summary>
    private static int CutAtModelPerson(Analysis a, int nameFirst, int nameEnd)
    {
        var tokens = a.Document.Tokens;
        if (!a.ModelPersons.TryGetValue(tokens[nameFirst].Start, out int modelEnd) || modelEnd >= tokens[nameEnd - 1].End) return nameEnd;
        int cut = a.Document.TokenAtOrAfter(modelEnd);
        if (cut <= nameFirst || cut >= nameEnd || tokens[cut - 1].End != modelEnd) return nameEnd;
        var words = Ner.WordLists.Default;
        for (int u = cut; u < nameEnd; u++)
        {
            var word = tokens[u].Span(a.Text);
            if ((u == cut && words.CommonBucket(word) == 0) || words.IsName(word)) return nameEnd;
        }
        return cut;
    }

    /// <summary>Reads a person starting at token <paramref name="t"/> (titles allowed), or null.</summary>
    public PersonMention? ReadAt(Analysis a, VocabularyCategory?[] cats, Title?[] titles, int t, int limit, int maxNameTokens = 5)
    {
        var tokens = a.Document.Tokens;
        string text = a.Text;
        var found = new List<string>();
        int start = t < tokens.Count ? tokens[t].Start : text.Length;
        int i = t;
        // Titles, honorifics and ranks before the name ("Drs.", "AKBP", "Letkol Arh.", "HA", "Kombes Pol").
        while (i < limit && titles[i] is Title title && title.Kind is not TitleKind.Degree)
        {
            // A corps after a rank is one title with it: "Letkol Arh.", "Kombes Pol.".
            if (title.Kind == TitleKind.Corps && found.Count > 0) found[^1] += " " + title.Canonical;
            else found.Add(title.Canonical);
            int j = i + 1;
            while (j < limit && cats[j] == VocabularyCategory.Title && titles[j] is null) j++;
            // "Mayjen TNI", "Irjen Pol", "Kolonel Laut (P)": the force after a rank belongs to the rank.
            if (title.Kind is TitleKind.Rank or TitleKind.Corps)
                while (j < limit && a.Document.TokenText(j) is "TNI" or "Polri" or "POLRI" or "Pol" or "Pol." or "AD" or "AL" or "AU" or "Laut" or "Udara")
                {
                    found[^1] += " " + a.Document.TokenText(j);
                    j++;
                }
            i = j;
        }
        int nameFirst = i;
        while (i < limit && i - nameFirst < maxNameTokens && (IsNameToken(a, cats, i) || ParticleInside(a, cats, nameFirst, i, limit)))
        {
            // A name does not run across a line or a comma.
            if (i > nameFirst && text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End).Contains('\n')) break;
            if (i > nameFirst && tokens[i].Start - tokens[i - 1].End > 1) break;
            i++;
        }
        if (i == nameFirst) return null;
        // A lone abbreviation is not a name.
        if (i - nameFirst == 1 && tokens[nameFirst].Kind == TokenKind.Abbreviation) return null;
        int nameEnd = CutAtModelPerson(a, nameFirst, i);
        i = nameEnd;
        int end = tokens[nameEnd - 1].End;
        // Degrees after the name: ", M.Pd", ", S.H., M.H.", " MM".
        int k = i;
        while (k < limit)
        {
            int d = k;
            if (d < limit && text[tokens[d].Start] == ',' && tokens[d].Length == 1) d++;
            if (d < limit && titles[d] is Title deg && deg.Kind == TitleKind.Degree)
            {
                found.Add(deg.Canonical);
                d++;
                while (d < limit && cats[d] == VocabularyCategory.Title && titles[d] is null) d++;
                end = tokens[d - 1].End;
                k = d;
                continue;
            }
            break;
        }
        string name = string.Join(' ', text[tokens[nameFirst].Start..tokens[nameEnd - 1].End].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return new PersonMention(start, end, tokens[nameFirst].Start, tokens[nameEnd - 1].End, t, k, name, found);
    }
}
