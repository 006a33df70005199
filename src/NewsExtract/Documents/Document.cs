namespace NewsExtract.Documents;

/// <summary>
/// One article as every stage sees it: the normalised text with a map back to the input,
/// its tokens and sentences. Stages read these layers and add spans by offset.
/// </summary>
internal sealed class Document
{
    public Document(NormalizedText normalized, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences)
    {
        Normalized = normalized;
        Tokens = tokens;
        Sentences = sentences;
    }

    /// <summary>The normalised text and its offset map.</summary>
    public NormalizedText Normalized { get; }

    /// <summary>The text every offset refers to.</summary>
    public string Text => Normalized.Text;

    public IReadOnlyList<Token> Tokens { get; }

    public IReadOnlyList<Sentence> Sentences { get; }

    public string TokenText(int index) => Tokens[index].Text(Text);

    /// <summary>Index of the sentence that contains the character at <paramref name="offset"/>, or -1.</summary>
    public int SentenceAt(int offset)
    {
        int lo = 0, hi = Sentences.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var s = Sentences[mid];
            if (offset < s.Start) hi = mid - 1;
            else if (offset >= s.End) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>Index of the first token whose end lies after <paramref name="offset"/>.</summary>
    public int TokenAtOrAfter(int offset)
    {
        int lo = 0, hi = Tokens.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Tokens[mid].End <= offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Builds the document layers for a raw input text.</summary>
    public static Document Create(string input)
    {
        var normalized = TextNormalizer.Normalize(input);
        var tokens = Tokenizer.Tokenize(normalized.Text);
        var sentences = SentenceSplitter.Split(normalized.Text, tokens);
        return new Document(normalized, tokens, sentences);
    }
}
