using NewsExtract.Evaluation;
using NewsExtract.Ner;
using NewsExtract.Training;
using NewsExtract.Vocabulary;

namespace NewsExtract.Tests.Ner;

/// <summary>
/// Prints the entity report with both baselines until 'newsextract eval --ner' shows it: set NEWSEXTRACT_NER_REPORT
/// to "split=path" (e.g. "dev=/tmp/ner-dev.txt"). Without it the test does nothing, so the suite stays fast.
/// </summary>
public class NerReportTests
{
    [Fact]
    public void WritesTheReportWhenAsked()
    {
        var request = Environment.GetEnvironmentVariable("NEWSEXTRACT_NER_REPORT");
        if (string.IsNullOrEmpty(request)) return;
        var (split, path) = (request[..request.IndexOf('=')], request[(request.IndexOf('=') + 1)..]);
        var corpus = GoldCorpus.Load(RepositoryPaths.Corpus);
        var (examples, _) = NerGold.Align(corpus.Split("train"));
        var options = new NerTrainingOptions { Groups = NerModel.Default.Groups & ~NerFeatureGroups.Vocabulary };
        var withoutVocabulary = NerTrainer.Train(examples, options, Vocabularies.Default, out _);
        var report = NerEvaluation.Run(corpus, split, NerModel.Default, withoutVocabulary);
        File.WriteAllText(path, report.Render());
        Assert.NotEmpty(report.Systems);
    }
}
