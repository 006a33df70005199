using NewsExtract.Documents;
using NewsExtract.Evaluation;

namespace NewsExtract.Ner;

/// <summary>A gold article as the entity model sees it: its document and one BIO tag per token.</summary>
/// <remarks>
/// <see cref="Rendering"/> tells the case-forced copies of a text apart (0 as written, else the
/// <see cref="TextCase"/>): the trainer counts how often a feature is seen within each rendering, so that a copy
/// does not make a feature seen once look seen twice.
/// </remarks>
internal sealed record NerExample(string Id, Document Document, NerTag[] Tags, int Rendering = 0);

/// <summary>
/// How the gold entity spans met the token boundaries: <see cref="Aligned"/> start and end on token boundaries,
/// <see cref="Snapped"/> were widened to the tokens they touch, <see cref="Skipped"/> were left out (widening
/// them would overlap another entity, or they cover no token); <see cref="Problems"/> names each of the latter two.
/// </summary>
internal sealed record NerAlignment(int Aligned, int Snapped, int Skipped, IReadOnlyList<string> Problems)
{
    public int Total => Aligned + Snapped + Skipped;

    public override string ToString() =>
        $"{Total} gold entities: {Aligned} on token boundaries, {Snapped} widened to whole tokens, {Skipped} skipped";
}

/// <summary>Turns gold entity spans (offsets into the article file) into BIO tags over the normalised document's tokens.</summary>
internal static class NerGold
{
    /// <summary>Aligns every article; misaligned spans are counted and named in the result, never dropped silently.</summary>
    public static (List<NerExample> Examples, NerAlignment Alignment) Align(IEnumerable<GoldArticle> articles, TextCase textCase = TextCase.AsWritten)
    {
        var examples = new List<NerExample>();
        int aligned = 0, snapped = 0, skipped = 0;
        var problems = new List<string>();
        foreach (var article in articles)
        {
            // Invariant case mapping keeps the length, so the gold offsets hold for a case-forced copy too.
            var document = Document.Create(textCase switch
            {
                TextCase.Lower => article.Text.ToLowerInvariant(),
                TextCase.Upper => article.Text.ToUpperInvariant(),
                _ => article.Text,
            });
            var tags = new NerTag[document.Tokens.Count];
            foreach (var entity in article.EntityList.OrderBy(e => e.Start).ThenBy(e => e.End))
            {
                var (first, end, exact) = TokensOf(document, entity.Start, entity.End);
                bool free = end > first;
                for (int t = first; t < end && free; t++) free = tags[t] == NerTag.O;
                if (!free)
                {
                    skipped++;
                    problems.Add($"{article.Id}: {entity.Type} '{entity.Text}' at {entity.Start} skipped (no free whole tokens)");
                    continue;
                }
                if (exact) aligned++;
                else
                {
                    snapped++;
                    problems.Add($"{article.Id}: {entity.Type} '{entity.Text}' at {entity.Start} widened to '{document.Text[document.Tokens[first].Start..document.Tokens[end - 1].End]}'");
                }
                tags[first] = NerTags.Begin(entity.Type);
                for (int t = first + 1; t < end; t++) tags[t] = NerTags.Inside(entity.Type);
            }
            examples.Add(new NerExample(article.Id, document, tags, (int)textCase));
        }
        return (examples, new NerAlignment(aligned, snapped, skipped, problems));
    }

    /// <summary>The tokens that a span of the original text touches, and whether it starts and ends on their boundaries.</summary>
    public static (int First, int End, bool Exact) TokensOf(Document document, int originalStart, int originalEnd)
    {
        int start = document.Normalized.FromOriginal(originalStart);
        int end = document.Normalized.FromOriginal(originalEnd);
        int first = document.TokenAtOrAfter(start);
        int last = first;
        while (last < document.Tokens.Count && document.Tokens[last].Start < end) last++;
        if (last == first) return (first, first, false);
        bool exact = document.Tokens[first].Start == start && document.Tokens[last - 1].End == end;
        return (first, last, exact);
    }
}
