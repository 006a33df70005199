namespace NewsExtract.Documents;

/// <summary>
/// Indonesian news tokenizer. Keeps titles and degrees whole ("Drs.", "M.Pd", "S.H."), splits glued
/// titles off names ("Ir.Tjutjuk", "Muh.Yasin", "Arh.Dian"), splits pair labels at the hyphen
/// ("Santoso-Tjutjuk") but keeps words like "PDI-P", "Covid-19", "masing-masing" whole, keeps Indonesian
/// numbers ("222.451", "53,33", "13.00"), numeric dates ("3/12/2024", "1/7") and domains
/// ("ERANASIONAL.COM") as one token.
/// </summary>
internal static class Tokenizer
{
    private static readonly string[] TopLevelDomains =
        ["com", "id", "net", "org", "co", "go", "ac", "or", "info", "news", "tv", "io", "biz", "my", "sch", "web", "desa", "mil", "ponpes", "today", "online", "site", "xyz"];

    public static List<Token> Tokenize(string text) => Tokenize(text, Abbreviations.Default);

    public static List<Token> Tokenize(string text, Abbreviations abbreviations)
    {
        var tokens = new List<Token>(text.Length / 5 + 4);
        // A text without a single capital (a lowercase comment, a lowercased crawl) cannot show "Santoso-Tjutjuk"
        // by its capitals; there a hyphen between two unrelated words splits too (see SplitsHyphen).
        bool caseless = !text.AsSpan().ContainsAnyInRange('A', 'Z') && !HasUpper(text);
        int i = 0;
        int n = text.Length;
        while (i < n)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }

            if (IsWordChar(c))
            {
                if (TryUrl(text, i, out int urlEnd))
                {
                    tokens.Add(new Token(i, urlEnd, TokenKind.Url));
                    i = urlEnd;
                    continue;
                }
                int end = ChunkEnd(text, i);
                EmitChunk(text, i, end, tokens, abbreviations, caseless);
                i = tokens[^1].End > end ? tokens[^1].End : end;
                continue;
            }

            // Runs of the same punctuation mark (">>>>", "...", "--") are one token.
            int j = i + 1;
            if (c is '.' or '>' or '<' or '-' or '=' or '*' or '_' or '!' or '?')
                while (j < n && text[j] == c) j++;
            else if (char.IsHighSurrogate(c) && j < n && char.IsLowSurrogate(text[j]))
                j++;
            var kind = char.IsPunctuation(c) && c is not ('%' or '&' or '@' or '#' or '*') ? TokenKind.Punctuation : TokenKind.Symbol;
            tokens.Add(new Token(i, j, kind));
            i = j;
        }
        return tokens;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark;

    /// <summary>End of a run of letters and digits joined by inner connectors.</summary>
    private static int ChunkEnd(string text, int start)
    {
        int i = start;
        int n = text.Length;
        while (i < n)
        {
            char c = text[i];
            if (IsWordChar(c)) { i++; continue; }
            if (i + 1 < n && IsWordChar(text[i + 1]))
            {
                char prev = text[i - 1];
                char next = text[i + 1];
                bool joins = c switch
                {
                    '.' or '-' or '/' or '\'' or '@' or '&' => true,
                    ',' or ':' => char.IsDigit(prev) && char.IsDigit(next),
                    _ => false,
                };
                if (joins) { i++; continue; }
            }
            break;
        }
        return i;
    }

    private static bool TryUrl(string text, int start, out int end)
    {
        end = start;
        var rest = text.AsSpan(start);
        if (!(rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
              || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase)))
            return false;
        int i = start;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('"' or '<' or '>' or ')' or ']')) i++;
        // A URL does not end with sentence punctuation.
        while (i > start && text[i - 1] is '.' or ',' or ';' or ':' or '!' or '?') i--;
        end = i;
        return end > start;
    }

    private static void EmitChunk(string text, int start, int end, List<Token> tokens, Abbreviations abbreviations, bool caseless)
    {
        var span = text.AsSpan(start, end - start);

        // 1. The whole chunk is an abbreviation, with or without a final dot that follows it.
        if (end < text.Length && text[end] == '.' && abbreviations.TryGet(text.AsSpan(start, end - start + 1), out _))
        {
            tokens.Add(new Token(start, end + 1, TokenKind.Abbreviation));
            return;
        }
        if (span.Contains('.') && abbreviations.TryGet(span, out _))
        {
            tokens.Add(new Token(start, end, TokenKind.Abbreviation));
            return;
        }
        // A single capital letter with a dot is an initial ("Leonard M. Sinambela").
        if (span.Length == 1 && char.IsUpper(span[0]) && end < text.Length && text[end] == '.'
            && (end + 1 == text.Length || text[end + 1] == ' '))
        {
            tokens.Add(new Token(start, end + 1, TokenKind.Abbreviation));
            return;
        }

        // 2. E-mail addresses and domains.
        if (span.Contains('@') || LooksLikeDomain(span))
        {
            tokens.Add(new Token(start, end, TokenKind.Url));
            return;
        }

        // 3. Numbers and numeric dates.
        if (IsNumeric(span, out bool hasSlash))
        {
            tokens.Add(new Token(start, end, hasSlash ? TokenKind.NumericDate : TokenKind.Number));
            return;
        }

        // 4. Split at hyphens and slashes that join separate words, then at glued titles.
        int partStart = start;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if ((c == '-' && (SplitsHyphen(text, partStart, i, end, abbreviations) || (caseless && SplitsCaselessHyphen(text, partStart, i, end)))) || (c == '/' && SplitsSlash(text, partStart, i, end))
                || (c == '&'))
            {
                EmitPart(text, partStart, i, tokens, abbreviations);
                tokens.Add(new Token(i, i + 1, TokenKind.Punctuation));
                partStart = i + 1;
            }
        }
        // The last part may be an abbreviation whose dot ends the chunk: "Lopo-St. Aisyah", "Azwar-M. Zaki".
        if (partStart > start && end < text.Length && text[end] == '.'
            && (abbreviations.TryGet(text.AsSpan(partStart, end - partStart + 1), out _) || (end - partStart == 1 && char.IsUpper(text[partStart]))))
        {
            tokens.Add(new Token(partStart, end + 1, TokenKind.Abbreviation));
            return;
        }
        EmitPart(text, partStart, end, tokens, abbreviations);
    }

    private static void EmitPart(string text, int start, int end, List<Token> tokens, Abbreviations abbreviations)
    {
        if (end <= start) return;
        var span = text.AsSpan(start, end - start);
        if (IsNumeric(span, out bool hasSlash))
        {
            tokens.Add(new Token(start, end, hasSlash ? TokenKind.NumericDate : TokenKind.Number));
            return;
        }
        if (span.Contains('.') && abbreviations.TryGet(span, out _))
        {
            tokens.Add(new Token(start, end, TokenKind.Abbreviation));
            return;
        }
        // Glued title or initial: "Ir.Tjutjuk", "Muh.Yasin", "Arh.Dian", "M.Yasin"; or a missing space "kota.Pada".
        int dot = span.IndexOf('.');
        if (dot > 0 && dot < span.Length - 1)
        {
            var head = text.AsSpan(start, dot + 1);
            bool nextUpper = char.IsUpper(span[dot + 1]);
            if (abbreviations.TryGet(head, out _) || (dot == 1 && char.IsUpper(span[0]) && nextUpper))
            {
                tokens.Add(new Token(start, start + dot + 1, TokenKind.Abbreviation));
                EmitPart(text, start + dot + 1, end, tokens, abbreviations);
                return;
            }
            if (nextUpper && dot >= 2 && IsLetters(span[..dot]) && IsLetters(span[(dot + 1)..]) && !LooksLikeAcronymChain(span))
            {
                tokens.Add(new Token(start, start + dot, TokenKind.Word));
                tokens.Add(new Token(start + dot, start + dot + 1, TokenKind.Punctuation));
                EmitPart(text, start + dot + 1, end, tokens, abbreviations);
                return;
            }
        }
        // A number glued to a unit word ("100ribu", "5juta") or "Rp" glued to a number ("Rp12,5").
        int k = 0;
        while (k < span.Length && char.IsDigit(span[k])) k++;
        if (k > 0 && k < span.Length && IsLowerLetters(span[k..]) && span.Length - k >= 3)
        {
            tokens.Add(new Token(start, start + k, TokenKind.Number));
            tokens.Add(new Token(start + k, end, TokenKind.Word));
            return;
        }
        if (span.Length > 2 && (span.StartsWith("Rp") || span.StartsWith("RP")) && char.IsDigit(span[2]) && IsNumeric(span[2..], out _))
        {
            tokens.Add(new Token(start, start + 2, TokenKind.Word));
            tokens.Add(new Token(start + 2, end, TokenKind.Number));
            return;
        }
        tokens.Add(new Token(start, end, TokenKind.Word));
    }

    /// <summary>"Santoso-Tjutjuk", "RK-Suswono", "2021-2025" split; "PDI-P", "Covid-19", "masing-masing", "e-KTP" stay whole.</summary>
    private static bool SplitsHyphen(string text, int partStart, int hyphen, int chunkEnd, Abbreviations abbreviations)
    {
        int rightEnd = hyphen + 1;
        while (rightEnd < chunkEnd && text[rightEnd] != '-') rightEnd++;
        var left = text.AsSpan(partStart, hyphen - partStart);
        var right = text.AsSpan(hyphen + 1, rightEnd - hyphen - 1);
        if (left.IsEmpty || right.IsEmpty) return false;
        if (IsDigits(left) && IsDigits(right)) return true;
        // "I Wayan Subakti-dr. I Nyoman Adnyana": a lowercase title with its dot after the hyphen starts the next name.
        if (char.IsUpper(left[0]) && left.Length >= 2 && char.IsLower(right[0]) && rightEnd == chunkEnd && chunkEnd < text.Length
            && text[chunkEnd] == '.' && abbreviations.TryGet(text.AsSpan(hyphen + 1, chunkEnd - hyphen), out var kind) && kind == AbbreviationKind.Prenominal)
            return true;
        if (!char.IsUpper(left[0]) || !char.IsUpper(right[0])) return false;
        int rightLetters = 0;
        foreach (char ch in right) if (char.IsLetter(ch)) rightLetters++;
        int leftLetters = 0;
        foreach (char ch in left) if (char.IsLetter(ch)) leftLetters++;
        // "Azwar-M. Zaki": an initial with its dot after the hyphen starts a name.
        bool initial = rightLetters == 1 && right.Length == 1 && rightEnd == chunkEnd && chunkEnd < text.Length && text[chunkEnd] == '.';
        // "Bustami Hamzah-M Fadhil Rahmi": a bare initial after a title-case name, a capitalised word after it
        // ("PDI-P Kota" keeps its all-caps left part whole).
        if (!initial && rightLetters == 1 && right.Length == 1 && rightEnd == chunkEnd && leftLetters >= 3 && HasLower(left)
            && chunkEnd + 1 < text.Length && text[chunkEnd] == ' ' && char.IsUpper(text[chunkEnd + 1]))
            initial = true;
        if ((rightLetters < 2 && !initial) || leftLetters < 2) return false;
        // Reduplicated names stay whole ("Bau-Bau", "Kupang-Kupang" is not a thing).
        if (left.Equals(right, StringComparison.OrdinalIgnoreCase)) return false;
        // Digits on either side: a code or name like "Covid-19", "COVID-19", "G-20".
        foreach (char ch in right) if (char.IsDigit(ch)) return false;
        return true;
    }

    /// <summary>
    /// In a text without capitals: "ganjar-mahfud", "anies-muhaimin" split; "masing-masing", "sehari-hari",
    /// "bolak-balik", "mondar-mandir", "lauk-pauk", "non-muslim", "pasca-pilkada", "e-ktp", "covid-19" stay whole. Both sides are
    /// words of three letters or more that share neither their first three nor their last two letters, nor both
    /// their first and their last letter.
    /// </summary>
    private static bool SplitsCaselessHyphen(string text, int partStart, int hyphen, int chunkEnd)
    {
        int rightEnd = hyphen + 1;
        while (rightEnd < chunkEnd && text[rightEnd] != '-') rightEnd++;
        var left = text.AsSpan(partStart, hyphen - partStart);
        var right = text.AsSpan(hyphen + 1, rightEnd - hyphen - 1);
        if (left.Length < 3 || right.Length < 3) return false;
        foreach (char ch in left) if (!char.IsLetter(ch)) return false;
        foreach (char ch in right) if (!char.IsLetter(ch)) return false;
        if (left[..3].Equals(right[..3], StringComparison.Ordinal) || left[^2..].Equals(right[^2..], StringComparison.Ordinal)) return false;
        // Reduplication with a vowel change ("bolak-balik", "mondar-mandir").
        if (left[0] == right[0] && left[^1] == right[^1]) return false;
        if (left.Contains(right, StringComparison.Ordinal) || right.Contains(left, StringComparison.Ordinal)) return false;
        // Bound prefixes written with a hyphen.
        return left is not ("non" or "pra" or "pro" or "pasca" or "anti" or "antar" or "multi" or "para" or "semi" or "sub" or "eks" or "pan" or "pseudo" or "ultra");
    }

    private static bool HasUpper(string text)
    {
        foreach (char ch in text) if (char.IsUpper(ch)) return true;
        return false;
    }

    private static bool HasLower(ReadOnlySpan<char> span)
    {
        foreach (char ch in span) if (char.IsLower(ch)) return true;
        return false;
    }

    /// <summary>"Adv/kom", "kabupaten/kota", "Ansy/Jane" split; "13/2020" stays whole.</summary>
    private static bool SplitsSlash(string text, int partStart, int slash, int chunkEnd)
    {
        bool leftDigit = char.IsDigit(text[slash - 1]);
        bool rightDigit = slash + 1 < chunkEnd && char.IsDigit(text[slash + 1]);
        return !(leftDigit && rightDigit);
    }

    private static bool IsNumeric(ReadOnlySpan<char> span, out bool hasSlash)
    {
        hasSlash = false;
        if (span.IsEmpty || !char.IsDigit(span[0]) || !char.IsDigit(span[^1])) return false;
        foreach (char c in span)
        {
            if (char.IsDigit(c)) continue;
            if (c == '/') { hasSlash = true; continue; }
            if (c is '.' or ',' or ':') continue;
            return false;
        }
        return true;
    }

    private static bool LooksLikeDomain(ReadOnlySpan<char> span)
    {
        int lastDot = span.LastIndexOf('.');
        if (lastDot <= 0 || lastDot == span.Length - 1) return false;
        var tld = span[(lastDot + 1)..];
        foreach (var t in TopLevelDomains)
            if (tld.Equals(t, StringComparison.OrdinalIgnoreCase))
            {
                // "Kab.Go" is not a domain: a domain's labels before the TLD are two letters or more.
                var before = span[..lastDot];
                int prevDot = before.LastIndexOf('.');
                var label = prevDot >= 0 ? before[(prevDot + 1)..] : before;
                return label.Length >= 2;
            }
        return false;
    }

    /// <summary>"S.H.I" style chains of one- or two-letter parts are degrees we do not know, not two words.</summary>
    private static bool LooksLikeAcronymChain(ReadOnlySpan<char> span)
    {
        foreach (var range in span.Split('.'))
            if (span[range].Length > 3) return false;
        return true;
    }

    private static bool IsLetters(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (char c in s) if (!char.IsLetter(c)) return false;
        return true;
    }

    private static bool IsLowerLetters(ReadOnlySpan<char> s)
    {
        foreach (char c in s) if (!char.IsLower(c)) return false;
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (char c in s) if (!char.IsDigit(c)) return false;
        return true;
    }
}
