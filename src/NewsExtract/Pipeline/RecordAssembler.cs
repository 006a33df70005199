using NewsExtract.Records;

namespace NewsExtract.Pipeline;

/// <summary>Turns the analysis into the immutable record, in a stable order (by offset) so output is deterministic.</summary>
internal static class RecordAssembler
{
    public static ArticleRecord Assemble(Analysis a) => new(
        a.Source,
        a.Text,
        a.Elections.ToArray(),
        a.Candidates.ToArray(),
        a.Officials.ToArray(),
        a.Dates.OrderBy(d => d.Start).ThenBy(d => d.End).ToArray(),
        a.Figures.OrderBy(f => f.Start).ThenBy(f => f.End).ToArray(),
        a.Entities.OrderBy(e => e.Start).ThenBy(e => e.End).ToArray(),
        a.Warnings.Distinct(StringComparer.Ordinal).ToArray());
}
