using NewsExtract.Common;
using NewsExtract.Documents;

namespace NewsExtract.Vocabulary;

/// <summary>
/// The election vocabulary of the library, loaded once from Resources/vocabulary/ and checked as it loads (a
/// duplicate, a malformed code or an unknown reference throws <see cref="InvalidDataException"/> naming file and
/// line). <see cref="Matcher"/> finds entries of every lexicon in one pass; a <see cref="PhraseMatch"/> carries
/// the category and entry id to look up in the lexicon. Immutable and thread-safe.
/// </summary>
internal sealed class Vocabularies
{
    private static readonly Lazy<Vocabularies> Lazy = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private Vocabularies(RegionGazetteer regions, PartyLexicon parties, InstitutionLexicon institutions, TitleLexicon titles,
        NumberWords numbers, CalendarWords calendar, PhraseMatcher matcher)
    {
        Regions = regions;
        Parties = parties;
        Institutions = institutions;
        Titles = titles;
        Numbers = numbers;
        Calendar = calendar;
        Matcher = matcher;
    }

    /// <summary>The vocabulary built from the embedded resources (loaded on first use).</summary>
    public static Vocabularies Default => Lazy.Value;

    public RegionGazetteer Regions { get; }

    public PartyLexicon Parties { get; }

    /// <summary>Institutions, offices (fused role words) and role words.</summary>
    public InstitutionLexicon Institutions { get; }

    public TitleLexicon Titles { get; }

    public NumberWords Numbers { get; }

    /// <summary>Month and weekday names.</summary>
    public CalendarWords Calendar { get; }

    /// <summary>Finds regions, parties, coalitions, institutions, offices, roles, titles, numbers, months and weekdays.</summary>
    public PhraseMatcher Matcher { get; }

    /// <summary>
    /// The entry of <paramref name="category"/> that <paramref name="text"/> is as a whole ("PDI-P" gives PDIP's
    /// id), or -1. Tokenizes the text; meant for checks and tools, not for the per-article pipeline.
    /// </summary>
    public int EntryOf(string text, VocabularyCategory category)
    {
        var document = Document.Create(text);
        foreach (var match in Matcher.Match(document))
            if (match.Category == category && match.FirstToken == 0 && match.EndToken == document.Tokens.Count)
                return match.EntryId;
        return -1;
    }

    private static Vocabularies Load()
    {
        var builder = new PhraseMatcher.Builder();
        var regions = RegionGazetteer.Load(out var regionOrigins);
        regions.AddForms(builder, regionOrigins);
        var parties = PartyLexicon.Load(builder);
        var institutions = InstitutionLexicon.Load(builder);
        var titles = TitleLexicon.Load(builder);
        var numbers = NumberWords.Load(builder);
        var calendar = CalendarWords.Load(builder);
        foreach (var row in EmbeddedTsv.Read("vocabulary/stop-phrases.tsv", 1, 1))
            builder.Add(row[0], VocabularyCategory.Stop, 0, row.File + ":" + row.Line);
        return new Vocabularies(regions, parties, institutions, titles, numbers, calendar, builder.Build());
    }
}
