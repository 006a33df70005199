namespace NewsExtract.Ner;

/// <summary>
/// Viterbi over per-token class probabilities with the BIO constraints: the best tag sequence of a sentence in
/// which no I- tag follows O, the sentence start, or a tag of another type.
/// </summary>
internal static class BioDecoder
{
    /// <summary>
    /// Decodes tokens [<paramref name="first"/>, <paramref name="end"/>) into <paramref name="tags"/>;
    /// <paramref name="probabilities"/> holds <see cref="NerTags.Count"/> per token of the document, row-major.
    /// </summary>
    public static void Decode(ReadOnlySpan<float> probabilities, int first, int end, Span<NerTag> tags)
    {
        const int K = NerTags.Count;
        int n = end - first;
        if (n <= 0) return;
        // Scores are log probabilities; a floor keeps log(0) finite.
        Span<double> score = stackalloc double[K];
        Span<double> next = stackalloc double[K];
        var back = n * K <= 4096 ? stackalloc byte[n * K] : new byte[n * K];
        for (int k = 0; k < K; k++)
            score[k] = NerTags.Allowed(null, (NerTag)k) ? Log(probabilities[first * K + k]) : double.NegativeInfinity;
        for (int i = 1; i < n; i++)
        {
            int row = (first + i) * K;
            for (int k = 0; k < K; k++)
            {
                double best = double.NegativeInfinity;
                int arg = 0;
                for (int p = 0; p < K; p++)
                {
                    if (!NerTags.Allowed((NerTag)p, (NerTag)k)) continue;
                    if (score[p] > best) { best = score[p]; arg = p; }
                }
                next[k] = best + Log(probabilities[row + k]);
                back[i * K + k] = (byte)arg;
            }
            next.CopyTo(score);
        }
        int last = 0;
        for (int k = 1; k < K; k++) if (score[k] > score[last]) last = k;
        for (int i = n - 1; i >= 0; i--)
        {
            tags[first + i] = (NerTag)last;
            last = back[i * K + last];
        }
    }

    private static double Log(float p) => Math.Log(Math.Max(p, 1e-12f));
}
