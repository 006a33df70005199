using NewsExtract.Common;

namespace NewsExtract.Vocabulary;

/// <summary>Where a party stands: nationally or only in Aceh (local party).</summary>
internal enum PartyScope : byte { National, Aceh }

/// <summary>A political party. <see cref="Canonical"/> is the short name records use ("PDIP", "Partai Aceh").</summary>
/// <remarks>
/// Elections: General elections the party stood in (2019, 2024); empty for Pilkada-only parties.<br/>
/// Forms: Every form news use, as listed in parties.tsv.<br/>
/// </remarks>
internal sealed record Party(int Id, string Canonical, string Name, PartyScope Scope, IReadOnlyList<int> Elections, IReadOnlyList<string> Forms);

/// <summary>A named coalition ("KIM Plus") with its member parties where fixed (empty where it varied).</summary>
internal sealed record Coalition(int Id, string Canonical, IReadOnlyList<Party> Members, IReadOnlyList<string> Forms);

/// <summary>Parties (parties.tsv) and named coalitions (coalitions.tsv).</summary>
internal sealed class PartyLexicon
{
    private readonly Dictionary<string, Party> _byCanonical;

    private PartyLexicon(List<Party> parties, List<Coalition> coalitions)
    {
        Parties = parties;
        Coalitions = coalitions;
        _byCanonical = parties.ToDictionary(p => p.Canonical, StringComparer.Ordinal);
    }

    public IReadOnlyList<Party> Parties { get; }

    public IReadOnlyList<Coalition> Coalitions { get; }

    /// <summary>The party with this canonical short name, or null.</summary>
    public Party? Find(string canonical) => _byCanonical.GetValueOrDefault(canonical);

    /// <summary>The party behind a matcher entry id of category <see cref="VocabularyCategory.Party"/>.</summary>
    public Party Party(int entryId) => Parties[entryId];

    /// <summary>The coalition behind a matcher entry id of category <see cref="VocabularyCategory.Coalition"/>.</summary>
    public Coalition Coalition(int entryId) => Coalitions[entryId];

    internal static PartyLexicon Load(PhraseMatcher.Builder matcher)
    {
        var parties = new List<Party>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in EmbeddedTsv.Read("vocabulary/parties.tsv", 5, 5))
        {
            if (seen.TryGetValue(row[0], out int line)) throw row.Error($"duplicate party '{row[0]}' (first at line {line}).");
            seen[row[0]] = row.Line;
            var scope = row[1] switch
            {
                "national" => PartyScope.National,
                "aceh" => PartyScope.Aceh,
                _ => throw row.Error($"scope '{row[1]}' is not national or aceh."),
            };
            var elections = row[2] == "-" ? [] : row[2].Split(',').Select(y =>
                y is "2019" or "2024" ? int.Parse(y, System.Globalization.CultureInfo.InvariantCulture) : throw row.Error($"election '{y}' is not 2019 or 2024.")).ToList();
            var forms = VocabularyFiles.Forms(row, 4);
            var party = new Party(parties.Count, row[0], row[3], scope, elections, forms);
            foreach (var form in forms) matcher.Add(form, VocabularyCategory.Party, party.Id, row.File + ":" + row.Line);
            parties.Add(party);
        }
        var byCanonical = parties.ToDictionary(p => p.Canonical, StringComparer.Ordinal);
        var coalitions = new List<Coalition>();
        seen.Clear();
        foreach (var row in EmbeddedTsv.Read("vocabulary/coalitions.tsv", 3, 3))
        {
            if (seen.TryGetValue(row[0], out int line)) throw row.Error($"duplicate coalition '{row[0]}' (first at line {line}).");
            seen[row[0]] = row.Line;
            var members = row[1] == "-" ? [] : row[1].Split(',').Select(m =>
                byCanonical.TryGetValue(m, out var p) ? p : throw row.Error($"unknown party '{m}' (not a canonical name in parties.tsv).")).ToList();
            var forms = VocabularyFiles.Forms(row, 2);
            var coalition = new Coalition(coalitions.Count, row[0], members, forms);
            foreach (var form in forms) matcher.Add(form, VocabularyCategory.Coalition, coalition.Id, row.File + ":" + row.Line);
            coalitions.Add(coalition);
        }
        return new PartyLexicon(parties, coalitions);
    }
}
