using NewsExtract.Training;

namespace NewsExtract.Tests.Ner;

public class NerTrainingTests
{
    [Fact]
    public void TrainingTwiceGivesTheSameBytes()
    {
        string a = Path.Combine(Path.GetTempPath(), "nx-ner-" + Guid.NewGuid().ToString("N"));
        string b = Path.Combine(Path.GetTempPath(), "nx-ner-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new NerTrainingOptions { Iterations = 5 };
            var first = NerTrainingRun.Run(RepositoryPaths.Corpus, a, options, limit: 6, baselines: false, TextWriter.Null);
            var second = NerTrainingRun.Run(RepositoryPaths.Corpus, b, options, limit: 6, baselines: false, TextWriter.Null);
            Assert.True(first.Info.Features > 1000);
            Assert.Equal(File.ReadAllBytes(first.ModelPath), File.ReadAllBytes(second.ModelPath));
            Assert.Equal(File.ReadAllBytes(first.MetricsPath), File.ReadAllBytes(second.MetricsPath));
        }
        finally
        {
            foreach (var dir in new[] { a, b })
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
