using NewsExtract.Common;

namespace NewsExtract.Vocabulary;

/// <summary>Kind of a title.</summary>
internal enum TitleKind : byte
{
    /// <summary>Before the name: "Drs.", "H.", "KH", "dr.".</summary>
    Honorific,
    /// <summary>Academic degree after the name: "S.H.", "M.Pd", "MM".</summary>
    Degree,
    /// <summary>Police or military rank: "AKBP", "Letkol", "Brigjen".</summary>
    Rank,
    /// <summary>Corps written after a rank: "Arh." in "Letkol Arh.", "Pol." in "Kombes Pol.".</summary>
    Corps,
}

/// <summary>A title with the form records keep (<see cref="Canonical"/>: "Mm" is written "MM").</summary>
/// <remarks>
/// Sector: Police or Military for ranks and corps of one force; null otherwise or when both use it.<br/>
/// </remarks>
internal sealed record Title(int Id, string Canonical, TitleKind Kind, Sector? Sector, IReadOnlyList<string> Forms);

/// <summary>Honorifics, degrees, ranks and corps (titles.tsv).</summary>
internal sealed class TitleLexicon
{
    private TitleLexicon(List<Title> titles) => Titles = titles;

    public IReadOnlyList<Title> Titles { get; }

    /// <summary>The title behind a matcher entry id of category <see cref="VocabularyCategory.Title"/>.</summary>
    public Title Title(int entryId) => Titles[entryId];

    internal static TitleLexicon Load(PhraseMatcher.Builder matcher)
    {
        var titles = new List<Title>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in EmbeddedTsv.Read("vocabulary/titles.tsv", 4, 4))
        {
            if (!seen.Add(row[0])) throw row.Error($"duplicate title '{row[0]}'.");
            var kind = row[1] switch
            {
                "honorific" => TitleKind.Honorific,
                "degree" => TitleKind.Degree,
                "rank" => TitleKind.Rank,
                "corps" => TitleKind.Corps,
                _ => throw row.Error($"kind '{row[1]}' is not honorific, degree, rank or corps."),
            };
            Sector? sector = row[2] switch
            {
                "-" => null,
                "police" => Sector.Police,
                "military" => Sector.Military,
                _ => throw row.Error($"sector '{row[2]}' is not police, military or '-'."),
            };
            var forms = VocabularyFiles.Forms(row, 3);
            var title = new Title(titles.Count, row[0], kind, sector, forms);
            foreach (var form in forms) matcher.Add(form, VocabularyCategory.Title, title.Id, row.File + ":" + row.Line);
            titles.Add(title);
        }
        return new TitleLexicon(titles);
    }
}
