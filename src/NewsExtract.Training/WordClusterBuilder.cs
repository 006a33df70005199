using NewsExtract.Documents;
using NewsExtract.Ner;

namespace NewsExtract.Training;

/// <summary>Settings of a cluster run.</summary>
internal sealed record WordClusterOptions
{
    /// <summary>Words seen fewer times than this get no path.</summary>
    public int MinCount { get; init; } = 3;

    /// <summary>The most frequent tokens that serve as contexts.</summary>
    public int Contexts { get; init; } = 1000;

    /// <summary>Deepest split.</summary>
    public int Depth { get; init; } = WordClusters.MaxDepth;

    /// <summary>A cluster smaller than twice this is not split.</summary>
    public int MinLeaf { get; init; } = 2;

    /// <summary>2-means iterations per split.</summary>
    public int Iterations { get; init; } = 10;
}

/// <summary>
/// Learns <see cref="WordClusters"/> from unlabelled text by divisive clustering of distributional vectors: every
/// word of at least <see cref="WordClusterOptions.MinCount"/> occurrences gets the positive pointwise mutual
/// information of the frequent tokens one and two places to its left and right (sentence edges count as a token),
/// normalised; then the words are split in two by spherical 2-means again and again, and each word's path records
/// the branch taken at every split (a Brown-like hierarchy, in seconds). One thread, ordered loops, no randomness:
/// the same text gives the same bytes.
/// </summary>
internal static class WordClusterBuilder
{
    private static readonly int[] Offsets = [-2, -1, 1, 2];

    /// <param name="sentences">Token lowercase hashes (<see cref="FeatureHash.AddLower"/>) per sentence, and whether each token is a word.</param>
    public static WordClusters Build(IEnumerable<(uint[] Tokens, bool[] IsWord)> sentences, WordClusterOptions options, TextWriter log)
    {
        var list = sentences.ToList();
        var counts = new Dictionary<uint, int>();
        var isWord = new HashSet<uint>();
        long total = 0;
        foreach (var (tokens, words) in list)
            for (int i = 0; i < tokens.Length; i++)
            {
                counts[tokens[i]] = counts.GetValueOrDefault(tokens[i]) + 1;
                if (words[i]) isWord.Add(tokens[i]);
                total++;
            }
        // Frequency order, ties by hash: the same order on every run.
        var byFrequency = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => kv.Key).ToArray();
        var contextIndex = new Dictionary<uint, int>();
        foreach (uint h in byFrequency.Take(options.Contexts)) contextIndex[h] = contextIndex.Count;
        int edge = contextIndex.Count;  // the sentence edge
        int contextCount = edge + 1;
        var vocabulary = byFrequency.Where(h => isWord.Contains(h) && counts[h] >= options.MinCount).ToArray();
        var wordIndex = new Dictionary<uint, int>(vocabulary.Length);
        foreach (uint h in vocabulary) wordIndex[h] = wordIndex.Count;
        log.WriteLine($"clusters: {list.Count:N0} sentences, {total:N0} tokens, {counts.Count:N0} distinct; {vocabulary.Length:N0} words of {options.MinCount}+ occurrences; {options.Contexts} context tokens at -2, -1, +1, +2.");

        // Co-occurrence counts: word row, (offset, context) column.
        var cooccurrence = new Dictionary<long, int>();
        var columnTotals = new double[Offsets.Length * contextCount];
        var rowTotals = new double[vocabulary.Length];
        foreach (var (tokens, _) in list)
            for (int i = 0; i < tokens.Length; i++)
            {
                if (!wordIndex.TryGetValue(tokens[i], out int w)) continue;
                for (int o = 0; o < Offsets.Length; o++)
                {
                    int j = i + Offsets[o];
                    int c = j < 0 || j >= tokens.Length ? edge : contextIndex.TryGetValue(tokens[j], out int ci) ? ci : -1;
                    if (c < 0) continue;
                    int column = o * contextCount + c;
                    long key = (long)w * columnTotals.Length + column;
                    cooccurrence[key] = cooccurrence.GetValueOrDefault(key) + 1;
                    columnTotals[column]++;
                    rowTotals[w]++;
                }
            }
        // PPMI with context smoothing (column counts to the power 0.75), each word's row normalised to unit length.
        var smoothed = columnTotals.Select(x => Math.Pow(x, 0.75)).ToArray();
        double smoothedSum = smoothed.Sum();
        int columns = columnTotals.Length;
        var rows = new List<(int Column, float Value)>[vocabulary.Length];
        for (int w = 0; w < rows.Length; w++) rows[w] = [];
        foreach (var (key, n) in cooccurrence.OrderBy(kv => kv.Key))
        {
            int w = (int)(key / columns), column = (int)(key % columns);
            double pmi = Math.Log(n * smoothedSum / (rowTotals[w] * smoothed[column]));
            if (pmi > 0) rows[w].Add((column, (float)pmi));
        }
        var vectors = new SparseRow[vocabulary.Length];
        for (int w = 0; w < rows.Length; w++)
        {
            float norm = MathF.Sqrt(rows[w].Sum(x => x.Value * x.Value));
            vectors[w] = new SparseRow(rows[w].Select(x => x.Column).ToArray(), rows[w].Select(x => norm > 0 ? x.Value / norm : 0f).ToArray());
        }

        var paths = new uint[vocabulary.Length];
        var stack = new Stack<(int[] Members, int Depth, uint Bits)>();
        stack.Push((Enumerable.Range(0, vocabulary.Length).ToArray(), 0, 0));
        int leaves = 0;
        while (stack.Count > 0)
        {
            var (members, depth, bits) = stack.Pop();
            if (depth >= options.Depth || members.Length < 2 * options.MinLeaf || Split(members, vectors, columns, options.Iterations) is not { } halves)
            {
                // A leaf: the root alone (depth 0) still needs a path of one choice.
                int d = Math.Max(depth, 1);
                foreach (int w in members) paths[w] = (uint)d << 16 | bits;
                leaves++;
                continue;
            }
            stack.Push((halves.Right, depth + 1, bits << 1 | 1));
            stack.Push((halves.Left, depth + 1, bits << 1));
        }
        log.WriteLine($"clusters: {leaves:N0} leaves, depth up to {options.Depth}.");
        var order = Enumerable.Range(0, vocabulary.Length).OrderBy(i => vocabulary[i]).ToArray();
        return new WordClusters(order.Select(i => vocabulary[i]).ToArray(), order.Select(i => paths[i]).ToArray());
    }

    private sealed record SparseRow(int[] Columns, float[] Values)
    {
        public float Dot(float[] dense)
        {
            float sum = 0;
            for (int i = 0; i < Columns.Length; i++) sum += Values[i] * dense[Columns[i]];
            return sum;
        }

        public void AddTo(float[] dense)
        {
            for (int i = 0; i < Columns.Length; i++) dense[Columns[i]] += Values[i];
        }
    }

    // Spherical 2-means: the first member (the most frequent) and the member least like it start the two sides.
    private static (int[] Left, int[] Right)? Split(int[] members, SparseRow[] vectors, int columns, int iterations)
    {
        var a = new float[columns];
        var b = new float[columns];
        vectors[members[0]].AddTo(a);
        int far = members[0];
        float lowest = float.MaxValue;
        foreach (int w in members)
        {
            float s = vectors[w].Dot(a);
            if (s < lowest) { lowest = s; far = w; }
        }
        vectors[far].AddTo(b);
        var side = new bool[members.Length];
        for (int it = 0; it < iterations; it++)
        {
            bool changed = false;
            for (int i = 0; i < members.Length; i++)
            {
                var v = vectors[members[i]];
                bool right = v.Dot(b) > v.Dot(a);
                if (right != side[i]) { side[i] = right; changed = true; }
            }
            if (!changed && it > 0) break;
            Array.Clear(a);
            Array.Clear(b);
            for (int i = 0; i < members.Length; i++) vectors[members[i]].AddTo(side[i] ? b : a);
            Normalise(a);
            Normalise(b);
        }
        var left = members.Where((_, i) => !side[i]).ToArray();
        var rightSide = members.Where((_, i) => side[i]).ToArray();
        return left.Length == 0 || rightSide.Length == 0 ? null : (left, rightSide);
    }

    private static void Normalise(float[] v)
    {
        double sum = 0;
        foreach (float x in v) sum += x * x;
        float norm = (float)Math.Sqrt(sum);
        if (norm > 0) for (int d = 0; d < v.Length; d++) v[d] /= norm;
    }

    /// <summary>The sentences of a document as lowercase token hashes (tokens outside every sentence left out).</summary>
    public static IEnumerable<(uint[] Tokens, bool[] IsWord)> Sentences(Document document)
    {
        foreach (var sentence in document.Sentences)
        {
            int length = sentence.EndToken - sentence.FirstToken;
            if (length <= 0) continue;
            var tokens = new uint[length];
            var words = new bool[length];
            for (int t = 0; t < length; t++)
            {
                var token = document.Tokens[sentence.FirstToken + t];
                tokens[t] = FeatureHash.AddLower(FeatureHash.Offset, token.Span(document.Text));
                words[t] = token.Kind == TokenKind.Word;
            }
            yield return (tokens, words);
        }
    }
}
