using NewsExtract.Records;

namespace NewsExtract;

/// <summary>Per-article options for <see cref="NewsExtractor"/>.</summary>
public sealed record ExtractionOptions
{
    /// <summary>The default options: no known source, no publication date.</summary>
    public static ExtractionOptions Default { get; } = new();

    /// <summary>
    /// Provenance to put into the record (path, URL, title, outlet, author). For HTML input the page's own
    /// metadata fills what is null here.
    /// </summary>
    public SourceInfo? Source { get; init; }

    /// <summary>
    /// The article's own publication day, against which relative dates ("Senin (23/9)", "kemarin") resolve.
    /// Overrides <see cref="SourceInfo.Published"/> and the date an HTML page gives.
    /// </summary>
    public DateOnly? Published { get; init; }

    /// <summary>Inputs longer than this many characters are refused with an error record (default 5,000,000).</summary>
    public int MaxTextLength { get; init; } = 5_000_000;
}
