using NewsExtract.Documents;
using NewsExtract.Pipeline;
using NewsExtract.Vocabulary;

namespace NewsExtract.Ner;

/// <summary>Which feature groups a model uses; stored in the model file.</summary>
[Flags]
internal enum NerFeatureGroups : byte
{
    /// <summary>Word, lowercase, shape, affixes, neighbours, position: always on.</summary>
    Lexical = 1,
    /// <summary>Membership of the token and its neighbours in the vocabularies (regions, parties, titles, ...).</summary>
    Vocabulary = 2,
    /// <summary>
    /// The previous token's tag, alone and with the token's shape and capitalised-run place: a maximum-entropy
    /// Markov model, decoded by Viterbi over the tag of the previous token.
    /// </summary>
    LabelContext = 4,
    /// <summary>
    /// Word cluster paths (<see cref="WordClusters"/>) of the token and its neighbours; the model file carries the
    /// cluster table.
    /// </summary>
    Clusters = 8,
}

/// <summary>The feature hashes of every token of a document: token t has <c>Hashes[Offsets[t]..Offsets[t+1]]</c>.</summary>
internal sealed class NerFeatureMatrix
{
    public NerFeatureMatrix(int[] offsets, uint[] hashes, bool[] segmentStarts, uint[] shapes, uint[] runs)
    {
        Offsets = offsets;
        Hashes = hashes;
        SegmentStarts = segmentStarts;
        Shapes = shapes;
        Runs = runs;
    }

    /// <summary>Whether a token starts a sentence (or a stretch outside the sentences): no tag context before it.</summary>
    public bool[] SegmentStarts { get; }

    /// <summary>Shape hash of each token (for the label-context features).</summary>
    public uint[] Shapes { get; }

    /// <summary>Place of each token in its capitalised run, 0 outside one.</summary>
    public uint[] Runs { get; }

    public int[] Offsets { get; }

    public uint[] Hashes { get; }

    public int TokenCount => Offsets.Length - 1;

    public ReadOnlySpan<uint> Of(int token) => Hashes.AsSpan(Offsets[token], Offsets[token + 1] - Offsets[token]);
}

/// <summary>
/// Turns a document's tokens into hashed features for the entity model. A feature is a template number with
/// its values, hashed by <see cref="FeatureHash"/>; the model keeps the hashes it saw in training. Windows stop
/// at sentence ends (a sentinel stands beyond them). Template numbers are part of the model format: never
/// reuse one for a different meaning.
/// </summary>
internal static class NerFeatures
{
    private const uint Sentinel = 0x5E17_1E11;
    private const int MaxVocabPerToken = 4;

    // Template numbers.
    private const uint TWord = 1, TLower = 2, TShape = 3, TPrefix = 4, TSuffix = 5, TLowerAt = 6, TShapeAt = 7,
        TBigramLeft = 8, TBigramRight = 9, TShapeTrigram = 10, TPosition = 11, TFirstShape = 12, TKind = 13,
        TLength = 14, TWordAt = 15, TInBrackets = 16, TBoilerplate = 17, TLowerPairLeft = 18,
        TPrevLowerShape = 19, TShapeNextLower = 20, TCapRun = 21, TSeenLower = 22, TDocTitleCue = 23, TDocVocab = 24,
        TPrevTag = 25, TPrevTagShape = 26, TPrevTagRun = 27,
        TVocab = 30, TVocabAt = 31, TVocabShape = 32, TVocabSpan = 33, TTitleBefore = 34, TVocabAtLower = 35,
        TCommon = 36, TCommonAt = 37, TName = 38, TNameAt = 39, TTitleLine = 40, TTitleLineRun = 41, TDocRun = 42, TParticle = 43,
        TDistrict = 44, TDistrictAt = 45, TRoleBefore = 46, TDateline = 47, TCaseless = 48,
        TCluster = 49, TClusterAt = 50, TClusterShape = 51;

    // Cluster path prefix lengths read as features: of the token, of its neighbours at -1 and +1, at -2 and +2.
    private static readonly int[] ClusterLengths = [4, 6, 8, 10, 12, 16];
    private static readonly int[] NeighbourClusterLengths = [4, 8, 12];
    private static readonly int[] FarClusterLengths = [6];

    /// <summary>
    /// Extracts the features of every token; <paramref name="vocabularies"/> serve the
    /// <see cref="NerFeatureGroups.Vocabulary"/> group and are ignored without it; <paramref name="clusters"/> likewise
    /// serve <see cref="NerFeatureGroups.Clusters"/>.
    /// </summary>
    public static NerFeatureMatrix Extract(Document document, NerFeatureGroups groups, Vocabularies? vocabularies, WordClusters? clusters = null)
    {
        var tokens = document.Tokens;
        string text = document.Text;
        int n = tokens.Count;
        var lower = new uint[n];
        var word = new uint[n];
        var shape = new uint[n];
        var sentenceOf = new int[n];
        var position = new int[n];
        var inBrackets = new bool[n];
        SentenceLayout(document, sentenceOf, position);
        MarkBrackets(document, sentenceOf, inBrackets);
        var casing = SegmentCasing(document, sentenceOf);
        for (int t = 0; t < n; t++)
        {
            var span = tokens[t].Span(text);
            lower[t] = FeatureHash.AddLower(FeatureHash.Offset, span);
            // Without case information the word is its lowercase form, and the shape says which casing the
            // segment has, so that "x" in a lowercase sentence is not read as "a common word" (shape conjunctions
            // keep the two apart; mixed-case text keeps the hashes it always had).
            word[t] = casing[t] == Casing.Mixed ? FeatureHash.Of(span) : lower[t];
            shape[t] = casing[t] == Casing.Mixed ? ShapeHash(span) : FeatureHash.Add(ShapeHash(span), casing[t] == Casing.Lower ? '\u2193' : '\u2191');
        }
        bool Cap(int t) => casing[t] == Casing.Mixed && Capitalized(tokens[t].Span(text));

        uint[]? clusterPath = null;
        if ((groups & NerFeatureGroups.Clusters) != 0)
        {
            var table = clusters ?? throw new ArgumentNullException(nameof(clusters), "The cluster feature group needs a word cluster table.");
            clusterPath = new uint[n];
            for (int t = 0; t < n; t++) clusterPath[t] = table.PathOf(lower[t]);
        }

        // Vocabulary: per token up to MaxVocabPerToken (category code, position-in-match) pairs.
        uint[]? vocab = null;
        int[]? vocabCount = null;
        if ((groups & NerFeatureGroups.Vocabulary) != 0)
        {
            var v = vocabularies ?? throw new ArgumentNullException(nameof(vocabularies), "The vocabulary feature group needs the vocabularies.");
            vocab = new uint[n * MaxVocabPerToken];
            vocabCount = new int[n];
            var matches = v.Matcher.Match(document);
            if (Array.IndexOf(casing, Casing.Lower) >= 0 || Array.IndexOf(casing, Casing.Upper) >= 0)
            {
                // Segments without case information: the forms with their case rules waived.
                matches.RemoveAll(m => casing[m.FirstToken] != Casing.Mixed);
                var caseless = v.Matcher.IgnoringCase();
                for (int t = 0; t < n;)
                {
                    int end = t + 1;
                    while (end < n && sentenceOf[end] == sentenceOf[t]) end++;
                    if (casing[t] != Casing.Mixed) caseless.Match(text, tokens, t, end, matches);
                    t = end;
                }
            }
            foreach (var m in matches)
            {
                uint code = CategoryCode(v, m);
                int length = m.EndToken - m.FirstToken;
                for (int t = m.FirstToken; t < m.EndToken; t++)
                {
                    if (vocabCount[t] == MaxVocabPerToken) continue;
                    // B/I/L/U position of the token inside the match, with the match length capped at 4.
                    uint pos = length == 1 ? 3u : t == m.FirstToken ? 0u : t == m.EndToken - 1 ? 2u : 1u;
                    vocab[t * MaxVocabPerToken + vocabCount[t]++] = code << 8 | pos << 4 | (uint)Math.Min(length, 4);
                }
            }
        }

        // Runs of capitalised words ("Komisi Pemilihan Umum"): each token's place in its run and the run's length.
        var runPosition = new uint[n];
        for (int t = 0; t < n;)
        {
            if (!Cap(t)) { t++; continue; }
            int end = t + 1;
            while (end < n && sentenceOf[end] == sentenceOf[t] && Cap(end)) end++;
            int length = end - t;
            for (int u = t; u < end; u++)
                runPosition[u] = (uint)(length == 1 ? 4 : u == t ? 1 : u == end - 1 ? 3 : 2) << 4 | (uint)Math.Min(length, 5);
            t = end;
        }

        // Title-case lines (headlines, "Baca Juga:" link titles, "Anies, Prabowo dan Ganjar Saling Sindir"): at least
        // four words, three in four capitalised. A capital says little there.
        var titleLine = new bool[n];
        for (int t = 0; t < n;)
        {
            int end = t, wordCount = 0, capitals = 0;
            for (; end < n && sentenceOf[end] == sentenceOf[t]; end++)
            {
                var span = tokens[end].Span(text);
                if (span.Length == 0 || !char.IsLetter(span[0])) continue;
                wordCount++;
                if (char.IsUpper(span[0])) capitals++;
            }
            if (wordCount >= 4 && capitals * 4 >= wordCount * 3 && casing[t] == Casing.Mixed) Array.Fill(titleLine, true, t, end - t);
            t = end;
        }

        // Words the article writes elsewhere inside a run of two or more capitalised words outside a title line
        // ("Acep Purnama" ... "Acep berkelakar"): bit 1 first word of the run, 2 inside, 4 last.
        var docRuns = new Dictionary<uint, uint>();
        for (int t = 0; t < n; t++)
        {
            if (runPosition[t] == 0 || titleLine[t] || (runPosition[t] & 15) < 2) continue;
            uint inRun = runPosition[t] >> 4;
            docRuns[lower[t]] = docRuns.GetValueOrDefault(lower[t]) | (inRun == 1 ? 1u : inRun == 3 ? 4u : 2u);
        }
        var words = vocabularies is not null && (groups & NerFeatureGroups.Vocabulary) != 0 ? WordLists.Default : null;

        // District names ("Nanga Tayap", "Kalidawir"): the longest run of capitalised words from each start that
        // names one, left to right; B/I/L/U place of each token in it.
        uint[]? district = null;
        if (words is not null)
        {
            district = new uint[n];
            for (int t = 0; t < n; t++)
            {
                int best = 0;
                uint phrase = WordLists.PhraseStart;
                for (int k = 0; k < WordLists.MaxPlaceWords && t + k < n && Same(t, t + k); k++)
                {
                    var span = tokens[t + k].Span(text);
                    if (tokens[t + k].Kind != TokenKind.Word || !(Cap(t + k) || casing[t + k] != Casing.Mixed)) break;
                    phrase = WordLists.ExtendPhrase(phrase, lower[t + k]);
                    if (words.IsDistrict(phrase)) best = k + 1;
                }
                if (best == 0) continue;
                for (int u = t; u < t + best; u++)
                    district[u] = 1u << 4 | (best == 1 ? 3u : u == t ? 0u : u == t + best - 1 ? 2u : 1u);
                t += best - 1;
            }
        }

        // The dateline rule's spans ("JENEPONTO, Celebes Post –", "Kupang (ANTARA) -"): 1 place, 2 outlet.
        var dateline = new byte[n];
        if (DatelineStage.Find(text) is { } found)
            for (int t = 0; t < n && tokens[t].Start < Math.Max(found.Place.End.Value, found.Outlet.End.Value); t++)
            {
                int start = tokens[t].Start, end = tokens[t].End;
                if (start >= found.Place.Start.Value && end <= found.Place.End.Value) dateline[t] = 1;
                else if (start >= found.Outlet.Start.Value && end <= found.Outlet.End.Value) dateline[t] = 2;
            }

        var lowercaseSeen = new HashSet<uint>();
        for (int t = 0; t < n; t++)
        {
            var span = tokens[t].Span(text);
            if (span.Length > 0 && char.IsLower(span[0])) lowercaseSeen.Add(lower[t]);
        }
        var docCues = new Dictionary<uint, uint>();  // word hash -> bit set of cues
        if (vocab is not null)
            for (int t = 0; t < n; t++)
            {
                if (!Cap(t)) continue;
                uint bits = 0;
                for (int k = 0; k < vocabCount![t]; k++) bits |= 1u << (int)(CategoryAt(t, k) & 15);
                for (int d = 1; d <= 2 && t - d >= 0; d++)
                    for (int k = 0; k < vocabCount[t - d]; k++)
                        if (CategoryAt(t - d, k) == CategoryBase(VocabularyCategory.Title)) bits |= 1u << 31;
                if (bits != 0) docCues[word[t]] = docCues.GetValueOrDefault(word[t]) | bits;
            }

        var offsets = new int[n + 1];
        // About 50 features a token in ordinary text, twice that in caseless segments: room enough not to grow.
        bool anyCaseless = Array.IndexOf(casing, Casing.Lower) >= 0 || Array.IndexOf(casing, Casing.Upper) >= 0;
        var hashes = new HashBuffer(n * (anyCaseless ? 128 : 64));
        for (int t = 0; t < n; t++)
        {
            offsets[t] = hashes.Count;
            var span = tokens[t].Span(text);
            uint L(int d) => Same(t, t + d) ? lower[t + d] : Sentinel + (uint)d;
            uint S(int d) => Same(t, t + d) ? shape[t + d] : Sentinel + (uint)d;
            uint W(int d) => Same(t, t + d) ? word[t + d] : Sentinel + (uint)d;

            hashes.Add(FeatureHash.Feature(TWord, word[t]));
            hashes.Add(FeatureHash.Feature(TLower, lower[t]));
            hashes.Add(FeatureHash.Feature(TShape, shape[t]));
            uint prefix = FeatureHash.Offset;  // the lowercase hash of span[..k], a character at a time
            for (int k = 1; k <= 3 && k < span.Length; k++)
            {
                prefix = FeatureHash.Add(prefix, char.ToLowerInvariant(span[k - 1]));
                hashes.Add(FeatureHash.Feature(TPrefix, (uint)k, prefix));
            }
            for (int k = 1; k <= 4 && k < span.Length; k++)
                hashes.Add(FeatureHash.Feature(TSuffix, (uint)k, FeatureHash.AddLower(FeatureHash.Offset, span[^k..])));
            for (int d = -2; d <= 2; d++)
            {
                if (d == 0) continue;
                hashes.Add(FeatureHash.Feature(TLowerAt, (uint)(d + 2), L(d)));
                hashes.Add(FeatureHash.Feature(TShapeAt, (uint)(d + 2), S(d)));
            }
            hashes.Add(FeatureHash.Feature(TWordAt, 1, W(-1)));
            hashes.Add(FeatureHash.Feature(TWordAt, 3, W(1)));
            hashes.Add(FeatureHash.Feature(TBigramLeft, L(-1), lower[t]));
            hashes.Add(FeatureHash.Feature(TBigramRight, lower[t], L(1)));
            hashes.Add(FeatureHash.Feature(TLowerPairLeft, L(-2), L(-1)));
            hashes.Add(FeatureHash.Feature(TShapeTrigram, S(-1), shape[t], S(1)));
            hashes.Add(FeatureHash.Feature(TPrevLowerShape, L(-1), shape[t]));
            hashes.Add(FeatureHash.Feature(TShapeNextLower, shape[t], L(1)));
            if (runPosition[t] != 0)
            {
                hashes.Add(FeatureHash.Feature(TCapRun, runPosition[t]));
                if (lowercaseSeen.Contains(lower[t])) hashes.Add(FeatureHash.Feature(TSeenLower, Math.Min((uint)position[t], 1)));
            }
            if (titleLine[t])
            {
                hashes.Add(FeatureHash.Feature(TTitleLine, shape[t]));
                hashes.Add(FeatureHash.Feature(TTitleLineRun, runPosition[t]));
            }
            if (runPosition[t] != 0 && docRuns.TryGetValue(lower[t], out uint runBits))
                hashes.Add(FeatureHash.Feature(TDocRun, runBits, (runPosition[t] & 15) == 1 || titleLine[t] ? 1u : 0u));
            if (words is not null)
            {
                bool capital = Cap(t);
                uint context = (position[t] == 0 ? 1u : 0u) | (titleLine[t] ? 2u : 0u) | (capital ? 4u : 0u);
                hashes.Add(FeatureHash.Feature(TCommon, words.CommonBucket(lower[t]), context));
                if (words.IsName(lower[t])) hashes.Add(FeatureHash.Feature(TName, shape[t]));
                // A name particle between capitalised words ("Benediktus da Silva"); a lowercase word there otherwise ends a name.
                if (words.IsNameParticle(lower[t]) && !capital && Same(t, t - 1) && Same(t, t + 1))
                    hashes.Add(FeatureHash.Feature(TParticle, Cap(t - 1) && Cap(t + 1) ? 1u : 0u));
                for (int d = -1; d <= 1; d += 2)
                {
                    if (!Same(t, t + d)) continue;
                    uint neighbourCapital = Cap(t + d) ? 1u : 0u;
                    hashes.Add(FeatureHash.Feature(TCommonAt, (uint)(d + 2), words.CommonBucket(lower[t + d]), neighbourCapital));
                    if (words.IsName(lower[t + d])) hashes.Add(FeatureHash.Feature(TNameAt, (uint)(d + 2), neighbourCapital));
                }
            }
            if (district is not null)
            {
                if (district[t] != 0) hashes.Add(FeatureHash.Feature(TDistrict, district[t], titleLine[t] ? 1u : 0u));
                for (int d = -1; d <= 1; d += 2)
                    if (Same(t, t + d) && district[t + d] != 0) hashes.Add(FeatureHash.Feature(TDistrictAt, (uint)(d + 2), district[t + d] >> 4));
            }
            if (dateline[t] != 0) hashes.Add(FeatureHash.Feature(TDateline, dateline[t]));
            if (clusterPath is not null)
            {
                foreach (int length in ClusterLengths)
                    hashes.Add(FeatureHash.Feature(TCluster, WordClusters.Prefix(clusterPath[t], length)));
                hashes.Add(FeatureHash.Feature(TClusterShape, WordClusters.Prefix(clusterPath[t], 8), shape[t]));
                for (int d = -2; d <= 2; d++)
                {
                    if (d == 0) continue;
                    uint path = Same(t, t + d) ? clusterPath[t + d] : 0;
                    foreach (int length in d is -1 or 1 ? NeighbourClusterLengths : FarClusterLengths)
                        hashes.Add(FeatureHash.Feature(TClusterAt, (uint)(d + 2), Same(t, t + d) ? WordClusters.Prefix(path, length) : Sentinel + (uint)length));
                }
            }
            hashes.Add(FeatureHash.Feature(TPosition, (uint)Math.Min(position[t], 3)));
            if (position[t] == 0) hashes.Add(FeatureHash.Feature(TFirstShape, shape[t]));
            hashes.Add(FeatureHash.Feature(TKind, (uint)tokens[t].Kind));
            hashes.Add(FeatureHash.Feature(TLength, LengthBucket(span.Length)));
            if (inBrackets[t]) hashes.Add(FeatureHash.Feature(TInBrackets, shape[t]));
            if (sentenceOf[t] >= 0 && document.Sentences[sentenceOf[t]].IsBoilerplate) hashes.Add(FeatureHash.Feature(TBoilerplate, 1));

            if (vocab is not null)
            {
                // Matches found with the case rules waived are a cue of their own.
                uint mode = (uint)casing[t] << 24;
                int c = vocabCount![t];
                for (int k = 0; k < c; k++)
                {
                    uint entry = vocab[t * MaxVocabPerToken + k];
                    hashes.Add(FeatureHash.Feature(TVocab, entry >> 4 | mode));          // category and position
                    hashes.Add(FeatureHash.Feature(TVocabSpan, entry | mode));          // ... and match length
                    hashes.Add(FeatureHash.Feature(TVocabShape, entry >> 4, shape[t]));
                }
                if (c == 0) hashes.Add(FeatureHash.Feature(TVocab, 0xFFFF | mode));
                for (int d = -2; d <= 2; d++)
                {
                    if (d == 0 || !Same(t, t + d)) continue;
                    int u = t + d;
                    for (int k = 0; k < vocabCount[u]; k++)
                    {
                        uint entry = vocab[u * MaxVocabPerToken + k];
                        hashes.Add(FeatureHash.Feature(TVocabAt, (uint)(d + 2), entry >> 4 | mode));
                        if (d == -1 || d == 1) hashes.Add(FeatureHash.Feature(TVocabAtLower, (uint)(d + 2), entry >> 4, shape[t]));
                    }
                }
                if (docCues.TryGetValue(word[t], out uint cues))
                    for (int b = 0; b < 32; b++)
                        if ((cues & (1u << b)) != 0) hashes.Add(FeatureHash.Feature(b == 31 ? TDocTitleCue : TDocVocab, (uint)b));
                // The rule of officials as a cue: an office or role word, then only regions, institutions, parties
                // and titles up to this word ("Bupati Keerom Piter", "Anggota Bawaslu RI Puadi", "Ketua DPRD Kuansing H. Adam").
                if (RoleBefore(t) is { } role) hashes.Add(FeatureHash.Feature(TRoleBefore, role, shape[t]));
                // A person cue: an honorific, degree or rank within the three tokens before ("Drs. H. Santoso").
                for (int d = 1; d <= 3 && Same(t, t - d); d++)
                    for (int k = 0; k < vocabCount[t - d]; k++)
                        if (CategoryAt(t - d, k) == CategoryBase(VocabularyCategory.Title))
                            hashes.Add(FeatureHash.Feature(TTitleBefore, (uint)d, shape[t]));
            }
            // In a segment without case information every feature also comes in a copy of its own (feature
            // augmentation): the shared weights keep serving ordinary text, the copies adjust them for caseless text.
            if (casing[t] != Casing.Mixed)
            {
                int count = hashes.Count;
                for (int i = offsets[t]; i < count; i++) hashes.Add(FeatureHash.Feature(TCaseless, hashes[i], (uint)casing[t]));
            }
        }
        offsets[n] = hashes.Count;
        var segmentStarts = new bool[n];
        for (int t = 0; t < n; t++) segmentStarts[t] = t == 0 || sentenceOf[t] != sentenceOf[t - 1];
        return new NerFeatureMatrix(offsets, hashes.Items, segmentStarts, shape, runPosition);

        bool Same(int t, int u) => u >= 0 && u < n && sentenceOf[u] == sentenceOf[t];

        // The category base of the k-th vocabulary entry of token u (entries: category << 12 | sub-kind << 8 | place).
        uint CategoryAt(int u, int k) => vocab![u * MaxVocabPerToken + k] >> 12;

        // (category of the office or role word, distance capped at 4) when token t follows such a chain, else null.
        uint? RoleBefore(int t)
        {
            if (!(Cap(t) || casing[t] != Casing.Mixed) || HasCategory(t, titleCounts: false, out _)) return null;
            for (int u = t - 1, d = 1; d <= 8 && Same(t, u); u--, d++)
            {
                if (!HasCategory(u, titleCounts: true, out uint head)) return null;
                if (head != 0) return head << 4 | (uint)Math.Min(d, 4);
            }
            return null;
        }

        // Whether token u lies in a region, institution, party, office or role match (or a title match, when titles
        // count); head is the category base of an office or role match, else 0.
        bool HasCategory(int u, bool titleCounts, out uint head)
        {
            head = 0;
            bool any = false;
            for (int k = 0; k < vocabCount![u]; k++)
            {
                uint category = CategoryAt(u, k);
                if (category == CategoryBase(VocabularyCategory.Office) || category == CategoryBase(VocabularyCategory.Role)) { head = category; any = true; }
                else if (category == CategoryBase(VocabularyCategory.Region) || category == CategoryBase(VocabularyCategory.Institution)
                    || category == CategoryBase(VocabularyCategory.Party) || (titleCounts && category == CategoryBase(VocabularyCategory.Title))) any = true;
            }
            return any;
        }
    }

    // A growable array of feature hashes handed to the matrix as it is (the offsets say where the hashes end), so the
    // hashes are not copied once more at the end as List.ToArray would.
    private sealed class HashBuffer(int capacity)
    {
        public uint[] Items { get; private set; } = new uint[Math.Max(capacity, 16)];

        public int Count { get; private set; }

        public uint this[int i] => Items[i];

        public void Add(uint hash)
        {
            if (Count == Items.Length)
            {
                var larger = new uint[Items.Length * 2];
                Items.AsSpan().CopyTo(larger);
                Items = larger;
            }
            Items[Count++] = hash;
        }
    }

    /// <summary>The number of label-context features per token and previous tag.</summary>
    public const int LabelFeatureCount = 3;

    // The label-context hashes as far as they depend on the previous tag alone (FeatureHash.Feature step by step).
    private static readonly uint[] PreviousTag = [.. Enumerable.Range(0, NerTags.Count + 1).Select(p => FeatureHash.Feature(TPrevTag, (uint)p))];
    private static readonly uint[] PreviousTagShape = [.. Enumerable.Range(0, NerTags.Count + 1).Select(p => FeatureHash.Feature(TPrevTagShape, (uint)p))];
    private static readonly uint[] PreviousTagRun = [.. Enumerable.Range(0, NerTags.Count + 1).Select(p => FeatureHash.Feature(TPrevTagRun, (uint)p))];

    /// <summary>
    /// The label-context features of token <paramref name="t"/> when the previous token has tag
    /// <paramref name="previous"/> (<see cref="NerTags.Count"/> for none: a segment start).
    /// </summary>
    public static void LabelFeatures(NerFeatureMatrix matrix, int t, int previous, Span<uint> result)
    {
        result[0] = PreviousTag[previous];
        result[1] = FeatureHash.Add(PreviousTagShape[previous], matrix.Shapes[t]);
        result[2] = FeatureHash.Add(PreviousTagRun[previous], matrix.Runs[t]);
    }

    private static bool Capitalized(ReadOnlySpan<char> span) => span.Length > 0 && char.IsUpper(span[0]);

    /// <summary>What the case of a segment's letters says: mixed (ordinary text), or nothing (all lowercase, ALL CAPS).</summary>
    private enum Casing : byte
    {
        Mixed = 0,
        Lower = 1,
        Upper = 2,
    }

    // Per token, the casing of its segment: Lower when no letter is a capital, Upper when no letter is lowercase
    // and at least two words have letters ("PILKADA KOTA BLITAR"; a lone "KPU" is ordinary text), else Mixed.
    private static Casing[] SegmentCasing(Document document, int[] sentenceOf)
    {
        var tokens = document.Tokens;
        string text = document.Text;
        var result = new Casing[tokens.Count];
        for (int t = 0; t < tokens.Count;)
        {
            int end = t + 1;
            while (end < tokens.Count && sentenceOf[end] == sentenceOf[t]) end++;
            int upperWords = 0, lowerWords = 0;
            for (int u = t; u < end; u++)
            {
                bool up = false, low = false;
                foreach (char c in tokens[u].Span(text))
                {
                    if (char.IsUpper(c)) up = true;
                    else if (char.IsLower(c)) low = true;
                }
                if (up) upperWords++;
                if (low) lowerWords++;
            }
            var casing = upperWords == 0 && lowerWords > 0 ? Casing.Lower : lowerWords == 0 && upperWords >= 2 ? Casing.Upper : Casing.Mixed;
            if (casing != Casing.Mixed) Array.Fill(result, casing, t, end - t);
            t = end;
        }
        return result;
    }

    private static uint CategoryBase(VocabularyCategory category) => (uint)category + 1;

    // Category in the high bits, a sub-kind (title kind) in the low 4 bits.
    private static uint CategoryCode(Vocabularies v, PhraseMatch m)
    {
        uint sub = m.Category == VocabularyCategory.Title ? (uint)v.Titles.Title(m.EntryId).Kind + 1 : 0;
        return CategoryBase(m.Category) << 4 | sub;
    }

    private static uint LengthBucket(int length) => length switch
    {
        1 => 1,
        2 => 2,
        3 => 3,
        <= 5 => 4,
        <= 8 => 5,
        _ => 6,
    };

    /// <summary>Word shape with runs collapsed: "Santoso" → "Xx", "KPU" → "X", "M.Pd" → "X.Xx", "0808" → "d".</summary>
    private static uint ShapeHash(ReadOnlySpan<char> span)
    {
        uint h = FeatureHash.Offset;
        char last = '\0';
        foreach (char c in span)
        {
            char s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (s == last) continue;
            h = FeatureHash.Add(h, s);
            last = s;
        }
        // Long all-caps words (outlets, acronyms) and single capitals (initials) are told apart from the rest.
        if (span.Length == 1 && char.IsUpper(span[0])) h = FeatureHash.Add(h, '1');
        return h;
    }

    private static void SentenceLayout(Document document, int[] sentenceOf, int[] position)
    {
        Array.Fill(sentenceOf, -1);
        for (int s = 0; s < document.Sentences.Count; s++)
        {
            var sentence = document.Sentences[s];
            for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                sentenceOf[t] = s;
                position[t] = t - sentence.FirstToken;
            }
        }
        // Tokens outside every sentence form stretches of their own (id -2 - first token of the stretch).
        for (int t = 0; t < sentenceOf.Length; t++)
        {
            if (sentenceOf[t] != -1) continue;
            bool continues = t > 0 && sentenceOf[t - 1] <= -2;
            sentenceOf[t] = continues ? sentenceOf[t - 1] : -2 - t;
            position[t] = continues ? position[t - 1] + 1 : 0;
        }
    }

    private static void MarkBrackets(Document document, int[] sentenceOf, bool[] inBrackets)
    {
        string text = document.Text;
        bool open = false;
        for (int t = 0; t < inBrackets.Length; t++)
        {
            if (t > 0 && sentenceOf[t] != sentenceOf[t - 1]) open = false;
            var tok = document.Tokens[t];
            if (tok.Kind == TokenKind.Punctuation && tok.Length == 1)
            {
                char c = text[tok.Start];
                if (c == '(') { open = true; continue; }
                if (c == ')') { open = false; continue; }
            }
            inBrackets[t] = open;
        }
    }
}
