using NewsExtract.Ner;

namespace NewsExtract.Training;

/// <summary>
/// An averaged structured perceptron over the same features as the SDCA model (Collins 2002): each pass decodes every
/// training sentence with Viterbi over the current weights (the previous-tag features are the tag-bigram weights),
/// and where the best path differs from the gold one, adds the gold path's features and subtracts the predicted
/// path's. The weights kept are the average over all updates (the lazy form: w - u / c). No library: the order of
/// the sentences in each pass comes from <see cref="Random"/> with the run's seed, so a run gives the same weights
/// every time.
/// </summary>
internal static class NerPerceptron
{
    private const int K = NerTags.Count;
    private const int C = BioDecoder.Contexts;

    /// <summary>One sentence: its tokens' feature indices, the label-context feature indices per previous tag, the gold tags.</summary>
    private sealed record Segment(int[] Offsets, int[] Features, int[] Labels, NerTag[] Gold);

    /// <param name="index">Feature hash to weight row, for the features kept in the model.</param>
    /// <returns>The averaged weights (<see cref="NerTags.Count"/> per feature row) and the biases.</returns>
    public static (float[] Weights, float[] Biases) Train(IReadOnlyList<NerExample> examples, IReadOnlyList<NerFeatureMatrix> matrices,
        Dictionary<uint, int> index, NerTrainingOptions options)
    {
        bool context = (options.Groups & NerFeatureGroups.LabelContext) != 0;
        var segments = new List<Segment>();
        Span<uint> label = stackalloc uint[NerFeatures.LabelFeatureCount];
        var features = new List<int>();
        for (int e = 0; e < examples.Count; e++)
        {
            var m = matrices[e];
            var tags = examples[e].Tags;
            for (int first = 0; first < m.TokenCount;)
            {
                int end = first + 1;
                while (end < m.TokenCount && !m.SegmentStarts[end]) end++;
                int length = end - first;
                var offsets = new int[length + 1];
                features.Clear();
                var labels = new int[context ? length * C * NerFeatures.LabelFeatureCount : 0];
                for (int i = 0; i < length; i++)
                {
                    offsets[i] = features.Count;
                    foreach (uint h in m.Of(first + i))
                        if (index.TryGetValue(h, out int f)) features.Add(f);
                    if (!context) continue;
                    for (int p = 0; p < C; p++)
                    {
                        NerFeatures.LabelFeatures(m, first + i, p, label);
                        for (int j = 0; j < label.Length; j++)
                            labels[(i * C + p) * label.Length + j] = index.TryGetValue(label[j], out int f) ? f : -1;
                    }
                }
                offsets[length] = features.Count;
                segments.Add(new Segment(offsets, features.ToArray(), labels, tags.AsSpan(first, length).ToArray()));
                first = end;
            }
        }

        int rows = index.Count + 1;  // the last row is the bias
        int bias = index.Count;
        var w = new float[rows * K];
        var u = new double[rows * K];  // sum of c * update: the average is w - u / c
        double c = 1;
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, segments.Count).ToArray();
        var scores = Array.Empty<float>();
        var predicted = Array.Empty<NerTag>();
        var chosen = Array.Empty<float>();
        var emission = new float[K];

        void Update(int row, int tag, float delta)
        {
            w[row * K + tag] += delta;
            u[row * K + tag] += c * delta;
        }

        for (int pass = 0; pass < options.Iterations; pass++)
        {
            random.Shuffle(order);
            foreach (int s in order)
            {
                var segment = segments[s];
                int length = segment.Gold.Length;
                if (scores.Length < length * C * K)
                {
                    scores = new float[length * C * K];
                    predicted = new NerTag[length];
                    chosen = new float[length];
                }
                for (int i = 0; i < length; i++)
                {
                    w.AsSpan(bias * K, K).CopyTo(emission);
                    for (int j = segment.Offsets[i]; j < segment.Offsets[i + 1]; j++)
                    {
                        var row = w.AsSpan(segment.Features[j] * K, K);
                        for (int k = 0; k < K; k++) emission[k] += row[k];
                    }
                    for (int p = 0; p < C; p++)
                    {
                        var z = scores.AsSpan((i * C + p) * K, K);
                        emission.CopyTo(z);
                        if (!context) continue;
                        for (int j = 0; j < NerFeatures.LabelFeatureCount; j++)
                        {
                            int f = segment.Labels[(i * C + p) * NerFeatures.LabelFeatureCount + j];
                            if (f < 0) continue;
                            var row = w.AsSpan(f * K, K);
                            for (int k = 0; k < K; k++) z[k] += row[k];
                        }
                    }
                }
                BioDecoder.Decode(scores, length, predicted, chosen, scores);
                for (int i = 0; i < length; i++)
                {
                    int gold = (int)segment.Gold[i], guess = (int)predicted[i];
                    int goldPrevious = i == 0 ? K : (int)segment.Gold[i - 1], guessPrevious = i == 0 ? K : (int)predicted[i - 1];
                    if (gold != guess)
                    {
                        Update(bias, gold, 1);
                        Update(bias, guess, -1);
                        for (int j = segment.Offsets[i]; j < segment.Offsets[i + 1]; j++)
                        {
                            Update(segment.Features[j], gold, 1);
                            Update(segment.Features[j], guess, -1);
                        }
                    }
                    if (context && (gold != guess || goldPrevious != guessPrevious))
                        for (int j = 0; j < NerFeatures.LabelFeatureCount; j++)
                        {
                            int g = segment.Labels[(i * C + goldPrevious) * NerFeatures.LabelFeatureCount + j];
                            int q = segment.Labels[(i * C + guessPrevious) * NerFeatures.LabelFeatureCount + j];
                            if (g >= 0) Update(g, gold, 1);
                            if (q >= 0) Update(q, guess, -1);
                        }
                }
                c++;
            }
        }

        var averaged = new float[index.Count * K];
        for (int i = 0; i < averaged.Length; i++) averaged[i] = (float)(w[i] - u[i] / c);
        var biases = new float[K];
        for (int k = 0; k < K; k++) biases[k] = (float)(w[bias * K + k] - u[bias * K + k] / c);
        return (averaged, biases);
    }
}
