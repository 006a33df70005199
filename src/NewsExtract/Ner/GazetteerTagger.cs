using NewsExtract.Documents;
using NewsExtract.Records;
using NewsExtract.Vocabulary;

namespace NewsExtract.Ner;

/// <summary>
/// The vocabulary-only baseline of the entity evaluation: regions are LOC; parties, coalitions and institutions
/// are ORG; nothing is PER. Where the matcher reports several categories for one span, ORG wins.
/// </summary>
internal static class GazetteerTagger
{
    public static List<NerSpan> Tag(Document document, Vocabularies vocabularies)
    {
        var result = new List<NerSpan>();
        foreach (var m in vocabularies.Matcher.Match(document))
        {
            EntityType? type = m.Category switch
            {
                VocabularyCategory.Party or VocabularyCategory.Coalition or VocabularyCategory.Institution => EntityType.ORG,
                VocabularyCategory.Region => EntityType.LOC,
                _ => null,
            };
            if (type is null) continue;
            var span = new NerSpan(type.Value, m.FirstToken, m.EndToken, m.Start, m.End, 1);
            if (result.Count > 0 && result[^1].FirstToken == m.FirstToken && result[^1].EndToken == m.EndToken)
            {
                if (type == EntityType.ORG) result[^1] = span;
                continue;
            }
            if (result.Count > 0 && result[^1].EndToken > m.FirstToken) continue;
            result.Add(span);
        }
        return result;
    }
}
