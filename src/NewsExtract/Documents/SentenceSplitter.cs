namespace NewsExtract.Documents;

/// <summary>
/// Splits tokens into sentences. A line break always ends a sentence (news text puts every paragraph,
/// headline and "Baca Juga:" line on its own line). Inside a line, ".", "!" and "?" end a sentence when
/// the next token starts like a sentence; abbreviation dots never split "Drs. Santoso" or "No. 13", and
/// degree dots ("M.Pd.") end a sentence only before an uppercase word.
/// </summary>
internal static class SentenceSplitter
{
    private static readonly string[] BoilerplateStarts =
    [
        "baca juga", "baca pula", "simak juga", "lihat juga", "baca selengkapnya", "berita terkait", "artikel terkait",
        "ikuti berita", "ikuti kami", "follow ", "cek berita", "simak berita", "tonton juga", "dapatkan update",
        "editor:", "penulis:", "reporter:", "sumber:", "copyright", "©",
    ];

    public static List<Sentence> Split(string text, IReadOnlyList<Token> tokens) => Split(text, tokens, Abbreviations.Default);

    public static List<Sentence> Split(string text, IReadOnlyList<Token> tokens, Abbreviations abbreviations)
    {
        var sentences = new List<Sentence>();
        int first = 0;
        int count = tokens.Count;
        for (int t = 0; t < count; t++)
        {
            if (t == count - 1 || LineBreakBetween(text, tokens[t].End, tokens[t + 1].Start))
            {
                Add(text, tokens, sentences, first, t + 1);
                first = t + 1;
                continue;
            }
            if (IsTerminal(text, tokens[t]))
            {
                // Closing quotes and brackets right after the stop belong to the sentence that ends: '." Ia'.
                int k = t + 1;
                while (k < count && IsCloser(text, tokens[k]) && tokens[k].Start == tokens[k - 1].End) k++;
                if (k == count || LineBreakBetween(text, tokens[k - 1].End, tokens[k].Start) || StartsSentence(text, tokens[k]))
                {
                    Add(text, tokens, sentences, first, k);
                    first = k;
                    t = k - 1;
                }
                continue;
            }
            if (EndsWithAbbreviation(text, tokens, t, abbreviations))
            {
                Add(text, tokens, sentences, first, t + 1);
                first = t + 1;
            }
        }
        return sentences;
    }

    private static void Add(string text, IReadOnlyList<Token> tokens, List<Sentence> sentences, int first, int endTok)
    {
        if (endTok <= first) return;
        int start = tokens[first].Start;
        int end = tokens[endTok - 1].End;
        sentences.Add(new Sentence(start, end, first, endTok, IsBoilerplate(text.AsSpan(start, end - start))));
    }

    private static bool IsTerminal(string text, Token tok)
    {
        if (tok.Kind != TokenKind.Punctuation) return false;
        char c = text[tok.Start];
        // ".." is a typo inside a sentence more often than an end; "..." and longer runs end one.
        return c is '!' or '?' || (c == '.' && tok.Length != 2);
    }

    private static bool EndsWithAbbreviation(string text, IReadOnlyList<Token> tokens, int t, Abbreviations abbreviations)
    {
        var tok = tokens[t];
        var next = tokens[t + 1];
        var s = tok.Span(text);
        return tok.Kind == TokenKind.Abbreviation && s[^1] == '.' && abbreviations.TryGet(s, out var kind)
            && kind is AbbreviationKind.Degree or AbbreviationKind.General
            && next.Kind == TokenKind.Word && char.IsUpper(text[next.Start]) && !abbreviations.TryGet(next.Span(text), out _)
            && !IsFollowedByDot(text, next);
    }

    private static bool IsFollowedByDot(string text, Token t) => t.End < text.Length && text[t.End] == '.';

    private static bool StartsSentence(string text, Token next)
    {
        char c = text[next.Start];
        return char.IsUpper(c) || char.IsDigit(c) || c is '"' or '\'' or '(' or '[' or '-' or '*' or '•';
    }

    private static bool IsCloser(string text, Token t) =>
        t.Length == 1 && text[t.Start] is '"' or '\'' or ')' or ']';

    private static bool LineBreakBetween(string text, int from, int to) =>
        text.AsSpan(from, to - from).Contains('\n');

    private static bool IsBoilerplate(ReadOnlySpan<char> sentence)
    {
        foreach (var start in BoilerplateStarts)
            if (sentence.StartsWith(start, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
