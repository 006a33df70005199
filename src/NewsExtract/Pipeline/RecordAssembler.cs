using NewsExtract.Documents;
using NewsExtract.Records;

namespace NewsExtract.Pipeline;

/// <summary>
/// Turns the analysis into the immutable record, in a stable order (by offset) so output is deterministic. The stages
/// work on the normalised text; the record speaks of the caller's text: its <see cref="ArticleRecord.Text"/> is the
/// input, and every span is moved back onto it through the normaliser's map (as spaCy's <c>start_char</c> and the
/// Recognizers' <c>Start</c> index the string the caller gave), with its text read from the input at those offsets.
/// </summary>
internal static class RecordAssembler
{
    public static ArticleRecord Assemble(Analysis a)
    {
        var map = new SpanMap(a.Document.Normalized);
        return new ArticleRecord(
            a.Source,
            map.Input,
            a.Elections.Select(e => e with { Evidence = map.Spans(e.Evidence) }).ToArray(),
            a.Candidates.Select(c => c with { Evidence = map.Spans(c.Evidence) }).ToArray(),
            a.Officials.Select(o => o with { Evidence = map.Spans(o.Evidence) }).ToArray(),
            a.Dates.OrderBy(d => d.Start).ThenBy(d => d.End).Select(map.Date).ToArray(),
            a.Figures.OrderBy(f => f.Start).ThenBy(f => f.End).Select(map.Figure).ToArray(),
            a.Entities.OrderBy(e => e.Start).ThenBy(e => e.End).Select(map.Entity).ToArray(),
            a.Warnings.Distinct(StringComparer.Ordinal).ToArray());
    }

    /// <summary>Moves spans of the normalised text onto the input text.</summary>
    private sealed class SpanMap(NormalizedText normalized)
    {
        /// <summary>The input (lone surrogates replaced one for one by U+FFFD, so it can be written as UTF-8).</summary>
        public string Input => normalized.Original;

        private (int Start, int End, string Text) Map(int start, int end)
        {
            var (s, e) = normalized.ToOriginal(start, end);
            return (s, e, normalized.Original[s..e]);
        }

        public Span[] Spans(IReadOnlyList<Span> spans) => spans.Select(x => { var (s, e, t) = Map(x.Start, x.End); return new Span(s, e, t); }).ToArray();

        public DatedEvent Date(DatedEvent d) { var (s, e, t) = Map(d.Start, d.End); return d with { Start = s, End = e, Text = t }; }

        public Figure Figure(Figure f) { var (s, e, t) = Map(f.Start, f.End); return f with { Start = s, End = e, Text = t }; }

        public Entity Entity(Entity x) { var (s, e, t) = Map(x.Start, x.End); return x with { Start = s, End = e, Text = t }; }
    }
}
