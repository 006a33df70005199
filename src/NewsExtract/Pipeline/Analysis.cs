using NewsExtract.Documents;
using NewsExtract.Records;

namespace NewsExtract.Pipeline;

/// <summary>
/// Everything known about one article while the stages run: the document layers, the article date, and
/// the spans and records the stages have proposed so far. Stages add; the assembler builds the record.
/// </summary>
internal sealed class Analysis
{
    public Analysis(Document document, SourceInfo source, DateOnly? published)
    {
        Document = document;
        Source = source;
        Published = published;
    }

    public Document Document { get; }

    public string Text => Document.Text;

    public SourceInfo Source { get; set; }

    /// <summary>The article's own date: what relative dates resolve against.</summary>
    public DateOnly? Published { get; set; }

    /// <summary>
    /// Without <see cref="Published"/>: the first day the date rules dated by its weekday in an election season
    /// ("Senin (17/4)" in a Pilgub DKI article is 2017-04-17), which places the article's race in its wave.
    /// </summary>
    public DateOnly? SeasonDay { get; set; }

    /// <summary>Vocabulary matches over the whole text (set by the gazetteer stage), in text order.</summary>
    public IReadOnlyList<Vocabulary.PhraseMatch> Matches { get; set; } = [];

    /// <summary>Per token: the category of the vocabulary match covering it and the title it starts (computed once, from <see cref="Matches"/>).</summary>
    public (Vocabulary.VocabularyCategory?[] Categories, Vocabulary.Title?[] Titles)? TokenVocabulary { get; set; }

    /// <summary>Person mentions found by the candidate and official rules, for entity output and linking.</summary>
    public List<(int Start, int End)> PersonSpans { get; } = [];

    public List<Entity> Entities { get; } = [];

    /// <summary>The dateline's place and outlet ("Jakarta, CNN Indonesia - -", "Rimanews -"), when the text opens with one.</summary>
    public (Range Place, Range Outlet)? Dateline { get; set; }

    /// <summary>Set by the entity model's stage: its entities (possibly none) are in <see cref="Entities"/>.</summary>
    public bool EntityModelRan { get; set; }

    /// <summary>The entity model's persons, start offset to end offset (model spans never overlap), for the record rules.</summary>
    public Dictionary<int, int> ModelPersons { get; } = [];

    /// <summary>Whether the entity model tagged exactly this span as a person.</summary>
    public bool IsModelPerson(int start, int end) => ModelPersons.TryGetValue(start, out int e) && e == end;

    public List<Election> Elections { get; } = [];

    public List<CandidatePair> Candidates { get; } = [];

    public List<Official> Officials { get; } = [];

    public List<DatedEvent> Dates { get; } = [];

    public List<Figure> Figures { get; } = [];

    public List<string> Warnings { get; } = [];

    public Span SpanOf(int start, int end) => new(start, end, Text[start..end]);
}

/// <summary>One step of the extraction pipeline. Stages run in order; each reads and adds to the analysis.</summary>
internal interface IStage
{
    void Process(Analysis analysis, CancellationToken cancellationToken);
}
