using System.Globalization;
using System.Text;
using NewsExtract.Documents;
using NewsExtract.Evaluation;
using NewsExtract.Records;
using NewsExtract.Vocabulary;

namespace NewsExtract.Ner;

/// <summary>The entity scores of one tagger: fields "PER", "ORG", "LOC" and "all" (exact span and type).</summary>
internal sealed record NerSystemScores(string Name, string Description, Scorer Scores);

/// <summary>Entity-level scores of the model and its baselines on one split.</summary>
internal sealed record NerReport(string Split, int Articles, int Tokens, NerAlignment Alignment, IReadOnlyList<NerSystemScores> Systems)
{
    public static readonly string[] Fields = ["PER", "ORG", "LOC", "all"];

    /// <summary>A plain-text table: one block per tagger, one row per type.</summary>
    public string Render()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"Entities on the {Split} split: {Articles} articles, {Tokens:N0} tokens; {Alignment}.");
        sb.AppendLine("Exact span and type; micro-averaged over articles.");
        sb.AppendLine();
        sb.AppendLine(inv, $"{"tagger",-22} {"type",-4} {"P",6} {"R",6} {"F1",6} {"gold",6} {"pred",6}");
        foreach (var system in Systems)
        {
            foreach (var field in Fields)
            {
                var c = system.Scores[field];
                sb.AppendLine(inv, $"{(field == "PER" ? system.Name : ""),-22} {field,-4} {c.Precision,6:0.000} {c.Recall,6:0.000} {c.F1,6:0.000} {c.Gold,6} {c.Predicted,6}");
            }
        }
        sb.AppendLine();
        foreach (var system in Systems) sb.AppendLine(inv, $"{system.Name}: {system.Description}");
        return sb.ToString();
    }
}

/// <summary>
/// Scores entity taggers against the gold spans of a corpus split: the shipped model, the model trained without
/// vocabulary features (when given) and the vocabulary-only gazetteer. Predicted spans are mapped back to the
/// article file's offsets, so a gold span that does not fall on token boundaries counts as missed.
/// </summary>
internal static class NerEvaluation
{
    public static NerReport Run(GoldCorpus corpus, string split, NerModel? model = null, NerModel? withoutVocabulary = null, Vocabularies? vocabularies = null, TextCase textCase = TextCase.AsWritten)
    {
        var articles = corpus.Split(split);
        vocabularies ??= Vocabularies.Default;
        model ??= NerModel.Default;
        var v = vocabularies;
        var systems = new List<NerSystemScores>
        {
            new("model", $"the entity model ({model.FeatureCount:N0} features, groups {model.Groups})", Score(articles, d => model.Tag(d, v), textCase)),
        };
        if (withoutVocabulary is not null)
            systems.Add(new("model-no-vocabulary", $"the same training without vocabulary features ({withoutVocabulary.FeatureCount:N0} features)", Score(articles, d => withoutVocabulary.Tag(d, v), textCase)));
        systems.Add(new("gazetteer", "vocabulary only: regions are LOC; parties, coalitions and institutions are ORG", Score(articles, d => GazetteerTagger.Tag(d, v), textCase)));
        var (examples, alignment) = NerGold.Align(articles);
        return new NerReport(textCase == TextCase.AsWritten ? split : $"{split} ({textCase.ToString().ToLowerInvariant()}case)", articles.Count, examples.Sum(e => e.Tags.Length), alignment, systems);
    }

    /// <summary>The missed and spurious entities of one tagger, one line each ("- PER 'x'" missed, "+ ORG 'y'" spurious).</summary>
    public static List<string> Errors(IEnumerable<GoldArticle> articles, Func<Document, List<NerSpan>> tagger)
    {
        var lines = new List<string>();
        foreach (var article in articles)
        {
            var document = Document.Create(article.Text);
            var predicted = tagger(document).Select(s => { var (a, b) = document.Normalized.ToOriginal(s.Start, s.End); return (s.Type, Start: a, End: b); });
            var (missed, spurious) = new Scorer().Add("all", predicted, article.EntityList.Select(e => (e.Type, e.Start, e.End)));
            foreach (var (type, start, end) in missed) lines.Add($"{article.Id} - {type} '{Context(article.Text, start, end)}'");
            foreach (var (type, start, end) in spurious) lines.Add($"{article.Id} + {type} '{Context(article.Text, start, end)}'");
        }
        return lines;
    }

    private static string Context(string text, int start, int end)
    {
        int a = Math.Max(0, start - 25), b = Math.Min(text.Length, end + 25);
        return (text[a..start] + "[" + text[start..end] + "]" + text[end..b]).Replace('\n', ' ');
    }

    /// <summary>Scores one tagger on gold articles (optionally with the text forced to one case; offsets stay).</summary>
    public static Scorer Score(IEnumerable<GoldArticle> articles, Func<Document, List<NerSpan>> tagger, TextCase textCase = TextCase.AsWritten)
    {
        var scorer = new Scorer();
        foreach (var article in articles)
        {
            var document = Document.Create(textCase switch
            {
                TextCase.Lower => article.Text.ToLowerInvariant(),
                TextCase.Upper => article.Text.ToUpperInvariant(),
                _ => article.Text,
            });
            var predicted = tagger(document)
                .Select(s => { var (a, b) = document.Normalized.ToOriginal(s.Start, s.End); return (s.Type, Start: a, End: b); })
                .ToList();
            var gold = article.EntityList.Select(e => (e.Type, e.Start, e.End)).ToList();
            foreach (var type in (EntityType[])[EntityType.PER, EntityType.ORG, EntityType.LOC])
                scorer.Add(type.ToString(), predicted.Where(p => p.Type == type), gold.Where(g => g.Type == type));
            scorer.Add("all", predicted, gold);
        }
        return scorer;
    }
}
