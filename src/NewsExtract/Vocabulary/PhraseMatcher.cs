using System.Buffers;
using NewsExtract.Documents;

namespace NewsExtract.Vocabulary;

/// <summary>What kind of vocabulary entry a <see cref="PhraseMatch"/> found.</summary>
internal enum VocabularyCategory : byte
{
    /// <summary>A region name or form: <see cref="RegionGazetteer.Name"/>.</summary>
    Region,
    /// <summary><see cref="PartyLexicon.Party"/>.</summary>
    Party,
    /// <summary><see cref="PartyLexicon.Coalition"/>.</summary>
    Coalition,
    /// <summary><see cref="InstitutionLexicon.Institution"/>.</summary>
    Institution,
    /// <summary><see cref="InstitutionLexicon.Office"/> ("Kapolres", "Wali Kota", "Mendagri").</summary>
    Office,
    /// <summary><see cref="InstitutionLexicon.Role"/> ("Ketua", "Komisioner", "Plt.").</summary>
    Role,
    /// <summary><see cref="TitleLexicon.Title"/>.</summary>
    Title,
    /// <summary><see cref="NumberWords.Word"/>.</summary>
    Number,
    /// <summary><see cref="CalendarWords.Month"/>.</summary>
    Month,
    /// <summary><see cref="CalendarWords.Weekday"/>.</summary>
    Weekday,
    /// <summary>A region cue word (only in the gazetteer's own cue matcher).</summary>
    RegionCue,
    /// <summary>A stop phrase: consumed, never reported.</summary>
    Stop,
}

/// <summary>
/// A vocabulary entry found in a text: tokens [<see cref="FirstToken"/>, <see cref="EndToken"/>), characters
/// [<see cref="Start"/>, <see cref="End"/>), and the entry: look it up with <see cref="EntryId"/> in the lexicon
/// of its <see cref="Category"/>.
/// </summary>
internal readonly record struct PhraseMatch(int FirstToken, int EndToken, int Start, int End, VocabularyCategory Category, int EntryId)
{
    public string Text(string text) => text.Substring(Start, End - Start);
}

/// <summary>
/// Finds vocabulary forms in tokenized text: leftmost-longest, case-insensitive on keys with each form's case
/// rule checked, tolerant of dots ("Kab." = "Kab"), of hyphen versus space ("Bau-Bau" = "Bau Bau", "PDI-P" =
/// "PDI P") and of a standalone hyphen token between words. A match starts and ends on token boundaries. When
/// entries of several categories share the longest span, one match per category is reported (best-cased
/// entry first in file order); stop phrases consume their span and report nothing. Immutable and thread-safe.
/// </summary>
internal sealed class PhraseMatcher
{
    private readonly Node[] _nodes;

    private readonly bool _ignoreCase;

    private PhraseMatcher(Node[] nodes, bool ignoreCase = false)
    {
        _nodes = nodes;
        _ignoreCase = ignoreCase;
    }

    /// <summary>
    /// The same forms with every case rule waived ("kpu kota blitar", "PARTAI GOLKAR"): for text that carries no
    /// case information, where the entity model reads the matches as their own, weaker cue.
    /// </summary>
    public PhraseMatcher IgnoringCase() => _ignoreCase ? this : new PhraseMatcher(_nodes, ignoreCase: true) { FormCount = FormCount };

    /// <summary>Number of forms the matcher knows (after hyphen variants).</summary>
    public int FormCount { get; private init; }

    /// <summary>All matches in the tokens, in text order.</summary>
    public List<PhraseMatch> Match(string text, IReadOnlyList<Token> tokens)
    {
        var result = new List<PhraseMatch>();
        Match(text, tokens, 0, tokens.Count, result);
        return result;
    }

    /// <summary>All matches in a document.</summary>
    public List<PhraseMatch> Match(Document document) => Match(document.Text, document.Tokens);

    /// <summary>Adds the matches within tokens [<paramref name="firstToken"/>, <paramref name="endToken"/>) to <paramref name="result"/>.</summary>
    public void Match(string text, IReadOnlyList<Token> tokens, int firstToken, int endToken, List<PhraseMatch> result)
    {
        // Work in chunks cut after a punctuation mark (no match crosses one), so the scratch stays small and pooled.
        int chunkStart = firstToken;
        while (chunkStart < endToken)
        {
            int chunkEnd = Math.Min(endToken, chunkStart + ChunkTokens);
            while (chunkEnd < endToken && !IsChunkBoundary(text, tokens[chunkEnd - 1])) chunkEnd++;
            var units = new UnitBuffer(text, tokens, chunkStart, chunkEnd);
            try
            {
                int i = 0;
                while (i < units.Count)
                {
                    int end = LongestAt(text, ref units, i, result);
                    i = end > i ? end : i + 1;
                }
            }
            finally { units.Dispose(); }
            chunkStart = chunkEnd;
        }
    }

    private const int ChunkTokens = 1024;

    private static bool IsChunkBoundary(string text, Token token) =>
        token.Kind is TokenKind.Punctuation && !(token.Length == 1 && text[token.Start] is '-' or '\u2013' or '\u2010');

    /// <summary>The longest match that starts at token <paramref name="tokenIndex"/>, if any (first category only).</summary>
    public PhraseMatch? MatchAt(string text, IReadOnlyList<Token> tokens, int tokenIndex, int maxTokens = 8)
    {
        if (tokenIndex < 0 || tokenIndex >= tokens.Count) return null;
        var units = new UnitBuffer(text, tokens, tokenIndex, Math.Min(tokens.Count, tokenIndex + maxTokens));
        try
        {
            var found = new List<PhraseMatch>(2);
            LongestAt(text, ref units, 0, found);
            return found.Count > 0 && units.Count > 0 && found[0].FirstToken == tokenIndex ? found[0] : null;
        }
        finally { units.Dispose(); }
    }

    // Returns the unit index after the match, or `start` when nothing matched.
    private int LongestAt(string text, ref UnitBuffer units, int start, List<PhraseMatch> result)
    {
        ref readonly var first = ref units[start];
        if (first.Break || first.Continuation) return start;
        int node = 0, bestEnd = -1, bestNode = -1;
        for (int j = start; j < units.Count; j++)
        {
            ref readonly var u = ref units[j];
            if (u.Break) break;
            var n = _nodes[node];
            if (!n.HasChildren || !n.Lookup.TryGetValue(units.Key(j), out int next)) break;
            node = next;
            if (u.TokenEnd && _nodes[node].Variants is not null && AnyCaseFits(_nodes[node].Variants!, ref units, start, _ignoreCase))
            {
                bestEnd = j;
                bestNode = node;
            }
        }
        if (bestEnd < 0) return start;
        Emit(_nodes[bestNode].Variants!, ref units, start, bestEnd, result, _ignoreCase);
        return bestEnd + 1;
    }

    private static bool AnyCaseFits(Variant[] variants, ref UnitBuffer units, int start, bool ignoreCase)
    {
        foreach (var v in variants)
            if (CaseScore(v, ref units, start, ignoreCase) >= 0) return true;
        return false;
    }

    // -1 when a word breaks the form's case rule; otherwise the number of words whose initial case equals the form's.
    private static int CaseScore(Variant v, ref UnitBuffer units, int start, bool ignoreCase)
    {
        if (ignoreCase) return 0;
        int score = 0;
        for (int k = 0; k < v.Rules.Length; k++)
        {
            ref readonly var u = ref units[start + k];
            switch (v.Rules[k])
            {
                case CaseRule.Capitalized when !u.Continuation && !u.FirstUpper:
                case CaseRule.Capitals when !u.AllUpper:
                    return -1;
            }
            if ((v.Rules[k] != CaseRule.Any) == u.FirstUpper) score++;
        }
        return score;
    }

    private static void Emit(Variant[] variants, ref UnitBuffer units, int start, int end, List<PhraseMatch> result, bool ignoreCase)
    {
        ref readonly var a = ref units[start];
        ref readonly var b = ref units[end];
        int firstMatch = result.Count;
        Span<int> slotOf = stackalloc int[16];   // category -> index in result, or -1
        Span<int> scoreOf = stackalloc int[16];  // category -> case score of the reported entry
        slotOf.Fill(-1);
        foreach (var v in variants)
        {
            int score = CaseScore(v, ref units, start, ignoreCase);
            if (score < 0) continue;
            if (v.Category == VocabularyCategory.Stop)
            {
                result.RemoveRange(firstMatch, result.Count - firstMatch);
                return;
            }
            int c = (int)v.Category;
            var match = new PhraseMatch(a.Token, b.Token + 1, a.TokenStart, b.TokenEndChar, v.Category, v.EntryId);
            if (slotOf[c] < 0) { slotOf[c] = result.Count; scoreOf[c] = score; result.Add(match); }
            else if (score > scoreOf[c]) { result[slotOf[c]] = match; scoreOf[c] = score; }
        }
    }

    private sealed class Node
    {
        public bool HasChildren;
        public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup;
        public Variant[]? Variants;
    }

    private sealed record Variant(VocabularyCategory Category, int EntryId, CaseRule[] Rules, string Origin);

    /// <summary>One word (or hyphen-separated part of a word) of the text, with its key in a scratch buffer.</summary>
    private struct Unit
    {
        public int Token;
        public int TokenStart;
        public int TokenEndChar;
        public int KeyStart;
        public int KeyLength;
        public bool Break;
        public bool Continuation;
        public bool TokenEnd;
        public bool FirstUpper;
        public bool AllUpper;
    }

    private struct UnitBuffer : IDisposable
    {
        private Unit[] _units;
        private char[] _keys;
        public int Count;

        public UnitBuffer(string text, IReadOnlyList<Token> tokens, int firstToken, int endToken)
        {
            int tokenCount = Math.Max(0, endToken - firstToken);
            _units = ArrayPool<Unit>.Shared.Rent(tokenCount * 2 + 4);
            int charCount = tokenCount == 0 ? 0 : tokens[endToken - 1].End - tokens[firstToken].Start;
            _keys = ArrayPool<char>.Shared.Rent(charCount + 4);
            Count = 0;
            int keyPos = 0;
            for (int t = firstToken; t < endToken; t++)
            {
                var token = tokens[t];
                var span = text.AsSpan(token.Start, token.End - token.Start);
                if (token.Kind is TokenKind.Punctuation or TokenKind.Symbol)
                {
                    // A standalone hyphen or dash joins ("Bau - Bau", "Santoso - Tjutjuk"); anything else breaks.
                    if (span is "-" or "\u2013" or "\u2010") continue;
                    AddBreak(t, token);
                    continue;
                }
                if (token.Kind is not (TokenKind.Word or TokenKind.Abbreviation or TokenKind.Number))
                {
                    AddBreak(t, token);
                    continue;
                }
                int partStart = 0;
                bool continuation = false;
                for (int c = 0; c <= span.Length; c++)
                {
                    if (c < span.Length && span[c] != '-') continue;
                    if (c > partStart)
                    {
                        ref var u = ref Grow();
                        u = default;
                        u.Token = t;
                        u.TokenStart = token.Start;
                        u.TokenEndChar = token.End;
                        u.Continuation = continuation;
                        u.KeyStart = keyPos;
                        bool anyLetter = false, allUpper = true, firstSeen = false;
                        foreach (char ch in span[partStart..c])
                        {
                            if (VocabularyForm.IsDropped(ch)) continue;
                            _keys[keyPos++] = ch;
                            if (!char.IsLetter(ch)) continue;
                            if (!firstSeen) { firstSeen = true; u.FirstUpper = char.IsUpper(ch); }
                            anyLetter = true;
                            if (!char.IsUpper(ch)) allUpper = false;
                        }
                        u.KeyLength = keyPos - u.KeyStart;
                        u.AllUpper = anyLetter && allUpper;
                        if (u.KeyLength == 0) Count--; else continuation = true;
                    }
                    partStart = c + 1;
                }
                if (Count > 0 && _units[Count - 1].Token == t) _units[Count - 1].TokenEnd = true;
            }
        }

        public readonly ref Unit this[int index] => ref _units[index];

        public readonly ReadOnlySpan<char> Key(int index) => _keys.AsSpan(_units[index].KeyStart, _units[index].KeyLength);

        private void AddBreak(int t, Token token)
        {
            ref var u = ref Grow();
            u = default;
            u.Token = t;
            u.TokenStart = token.Start;
            u.TokenEndChar = token.End;
            u.Break = true;
        }

        private ref Unit Grow()
        {
            if (Count == _units.Length)
            {
                var bigger = ArrayPool<Unit>.Shared.Rent(_units.Length * 2);
                Array.Copy(_units, bigger, Count);
                ArrayPool<Unit>.Shared.Return(_units);
                _units = bigger;
            }
            return ref _units[Count++];
        }

        public void Dispose()
        {
            ArrayPool<Unit>.Shared.Return(_units);
            ArrayPool<char>.Shared.Return(_keys);
            _units = [];
            _keys = [];
        }
    }

    /// <summary>Collects forms; <see cref="Build"/> freezes them into a matcher.</summary>
    internal sealed class Builder
    {
        private readonly List<(Dictionary<string, int>? Children, List<Variant>? Variants)> _nodes = [(null, null)];
        private readonly Dictionary<string, string> _origins = new(StringComparer.Ordinal);
        private int _forms;

        /// <summary>
        /// Adds a form (and its one-word variant when hyphenated). Throws when the same form with the same case
        /// rule is already registered for the same category, naming both places (<paramref name="origin"/> is
        /// "file:line"). The one-word variant of a hyphenated form is skipped quietly where it exists already.
        /// </summary>
        public Builder Add(string form, VocabularyCategory category, int entryId, string origin)
        {
            var variants = VocabularyForm.Parse(form);
            if (variants.Count == 0)
                throw new InvalidDataException($"{origin}: form '{form}' has no letters or digits.");
            for (int v = 0; v < variants.Count; v++)
            {
                var parsed = variants[v];
                if (parsed.Keys.Length > 16)
                    throw new InvalidDataException($"{origin}: form '{form}' has more than 16 words.");
                string signature = (int)category + ":" + parsed.Signature;
                if (_origins.TryGetValue(signature, out var earlier))
                {
                    if (v > 0) continue;
                    throw new InvalidDataException($"{origin}: form '{form}' is listed twice in category {category} (first at {earlier}); remove one (dots, hyphens and the case of lowercase words do not make forms different).");
                }
                _origins[signature] = origin;
                int node = 0;
                foreach (var key in parsed.Keys)
                {
                    var children = _nodes[node].Children;
                    if (children is null)
                    {
                        children = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                        _nodes[node] = (children, _nodes[node].Variants);
                    }
                    if (!children.TryGetValue(key, out int next))
                    {
                        next = _nodes.Count;
                        _nodes.Add((null, null));
                        children[key] = next;
                    }
                    node = next;
                }
                var list = _nodes[node].Variants ?? [];
                list.Add(new Variant(category, entryId, parsed.Rules, origin));
                _nodes[node] = (_nodes[node].Children, list);
                _forms++;
            }
            return this;
        }

        public PhraseMatcher Build()
        {
            var nodes = new Node[_nodes.Count];
            for (int i = 0; i < nodes.Length; i++)
            {
                var (children, variants) = _nodes[i];
                var frozen = new Dictionary<string, int>(children ?? [], StringComparer.OrdinalIgnoreCase);
                nodes[i] = new Node
                {
                    HasChildren = frozen.Count > 0,
                    Lookup = frozen.GetAlternateLookup<ReadOnlySpan<char>>(),
                    Variants = variants?.ToArray(),
                };
            }
            return new PhraseMatcher(nodes) { FormCount = _forms };
        }
    }
}
