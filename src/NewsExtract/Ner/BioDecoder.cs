namespace NewsExtract.Ner;

/// <summary>
/// Viterbi over conditional tag probabilities with the BIO constraints: the best tag sequence of a segment (a
/// sentence) in which no I- tag follows O, the segment start, or a tag of another type.
/// </summary>
internal static class BioDecoder
{
    /// <summary>Rows per token in the conditional table: one per previous tag, and one for "no previous token".</summary>
    public const int Contexts = NerTags.Count + 1;

    /// <summary>
    /// Decodes a segment of <paramref name="length"/> tokens. <paramref name="conditional"/> holds, per token i and
    /// previous tag p (p = <see cref="NerTags.Count"/> at i = 0), the probabilities of the <see cref="NerTags.Count"/>
    /// tags at index <c>(i * Contexts + p) * NerTags.Count + k</c>. Writes the tags and the probability of each
    /// chosen tag given the chosen previous one. With <paramref name="scores"/> (same layout) the path maximises the
    /// sum of those scores instead of the product of the probabilities: the decoding of a globally trained model
    /// (structured perceptron), whose scores are not log-probabilities.
    /// </summary>
    public static void Decode(ReadOnlySpan<float> conditional, int length, Span<NerTag> tags, Span<float> chosen, ReadOnlySpan<float> scores = default)
    {
        const int K = NerTags.Count;
        if (length <= 0) return;
        Span<double> score = stackalloc double[K];
        Span<double> next = stackalloc double[K];
        var back = length * K <= 4096 ? stackalloc byte[length * K] : new byte[length * K];
        bool additive = !scores.IsEmpty;
        for (int k = 0; k < K; k++)
            score[k] = NerTags.Allowed(null, (NerTag)k) ? (additive ? scores[K * K + k] : Log(conditional[K * K + k])) : double.NegativeInfinity;
        for (int i = 1; i < length; i++)
        {
            for (int k = 0; k < K; k++)
            {
                double best = double.NegativeInfinity;
                int arg = 0;
                for (int p = 0; p < K; p++)
                {
                    if (!NerTags.Allowed((NerTag)p, (NerTag)k) || double.IsNegativeInfinity(score[p])) continue;
                    int at = (i * Contexts + p) * K + k;
                    double s = score[p] + (additive ? scores[at] : Log(conditional[at]));
                    if (s > best) { best = s; arg = p; }
                }
                next[k] = best;
                back[i * K + k] = (byte)arg;
            }
            next.CopyTo(score);
        }
        int last = 0;
        for (int k = 1; k < K; k++) if (score[k] > score[last]) last = k;
        for (int i = length - 1; i >= 0; i--)
        {
            tags[i] = (NerTag)last;
            last = back[i * K + last];
        }
        for (int i = 0; i < length; i++)
        {
            int p = i == 0 ? K : (int)tags[i - 1];
            chosen[i] = conditional[(i * Contexts + p) * K + (int)tags[i]];
        }
    }

    /// <summary>
    /// Decodes a segment of <paramref name="length"/> tokens from additive scores (log-probabilities, or a globally
    /// trained model's raw scores) in the layout of the conditional table: the path with the highest sum.
    /// </summary>
    public static void Decode(ReadOnlySpan<float> scores, int length, Span<NerTag> tags)
    {
        Span<float> unused = length <= 1024 ? stackalloc float[length] : new float[length];
        Decode(scores, length, tags, unused, scores);
    }

    private static double Log(float p) => Math.Log(Math.Max(p, 1e-12f));
}
