using NewsExtract.Pipeline;
using NewsExtract.Records;
using NewsExtract.Vocabulary;

namespace NewsExtract.Rules;

/// <summary>
/// Runs the vocabulary matcher over the text, keeps the matches for the rule stages, and proposes entities:
/// regions are locations; institutions (with the region that follows them: "KPU Kota Blitar"), parties and
/// coalitions are organisations. A region inside an office word stays a location on its own ("Wali Kota Blitar").
/// </summary>
internal sealed class GazetteerStage : IStage
{
    private readonly Vocabularies _vocabularies;

    public GazetteerStage(Vocabularies vocabularies) => _vocabularies = vocabularies;

    public void Process(Analysis a, CancellationToken cancellationToken)
    {
        var matches = _vocabularies.Matcher.Match(a.Document);
        a.Matches = matches;
        for (int i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            switch (m.Category)
            {
                case VocabularyCategory.Region:
                    // Skip when the same span was also matched as an institution/party (handled there).
                    if (i > 0 && matches[i - 1].Start == m.Start && matches[i - 1].End == m.End && matches[i - 1].Category != VocabularyCategory.Region) break;
                    a.Entities.Add(new Entity(EntityType.LOC, a.Text[m.Start..m.End], m.Start, m.End, EntitySource.Gazetteer, 0.8));
                    break;
                case VocabularyCategory.Institution:
                {
                    int end = m.End;
                    // "KPU Kota Blitar", "Polres Pekalongan Kota", "Kodim 0808": the region or unit number belongs to the name.
                    // "DPC PDIP Kota Blitar": a party office takes the party and the region.
                    if (i + 1 < matches.Count && matches[i + 1].Category == VocabularyCategory.Party && matches[i + 1].FirstToken == m.EndToken)
                    {
                        end = matches[i + 1].End;
                        i++;
                        while (i + 1 < matches.Count && matches[i + 1].Start == matches[i].Start) i++;
                    }
                    if (i + 1 < matches.Count && matches[i + 1].Category == VocabularyCategory.Region && matches[i + 1].Start >= end && matches[i + 1].Start <= end + 1)
                    {
                        end = matches[i + 1].End;
                        i++;
                    }
                    else if (m.EndToken < a.Document.Tokens.Count && a.Document.Tokens[m.EndToken].Kind == Documents.TokenKind.Number
                             && a.Document.Tokens[m.EndToken].Start == m.End + 1)
                        end = a.Document.Tokens[m.EndToken].End;
                    a.Entities.Add(new Entity(EntityType.ORG, a.Text[m.Start..end], m.Start, end, EntitySource.Gazetteer, 0.8));
                    break;
                }
                case VocabularyCategory.Party:
                case VocabularyCategory.Coalition:
                    a.Entities.Add(new Entity(EntityType.ORG, a.Text[m.Start..m.End], m.Start, m.End, EntitySource.Gazetteer, 0.9));
                    break;
            }
        }
    }
}
