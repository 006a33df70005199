using NewsExtract.Common;

namespace NewsExtract.Vocabulary;

/// <summary>Small helpers shared by the vocabulary loaders.</summary>
internal static class VocabularyFiles
{
    /// <summary>The "|"-separated forms in a field; an empty form fails with file and line.</summary>
    public static List<string> Forms(TsvRow row, int field)
    {
        var forms = row[field].Split('|');
        foreach (var form in forms)
            if (form.Length == 0 || form != form.Trim())
                throw row.Error($"empty form or form with surrounding spaces in '{row[field]}'.");
        return [.. forms];
    }

    /// <summary>Parses a sector name of institutions.tsv and offices.tsv.</summary>
    public static Sector Sector(TsvRow row, int field) => row[field] switch
    {
        "kpu" => Vocabulary.Sector.Kpu,
        "bawaslu" => Vocabulary.Sector.Bawaslu,
        "police" => Vocabulary.Sector.Police,
        "military" => Vocabulary.Sector.Military,
        "government" => Vocabulary.Sector.Government,
        "court" => Vocabulary.Sector.Court,
        "parliament" => Vocabulary.Sector.Parliament,
        "party" => Vocabulary.Sector.Party,
        "other" => Vocabulary.Sector.Other,
        _ => throw row.Error($"sector '{row[field]}' is not one of kpu, bawaslu, police, military, government, court, parliament, party, other."),
    };
}
