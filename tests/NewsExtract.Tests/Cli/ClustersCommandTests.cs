using NewsExtract.Tests.Ner;

namespace NewsExtract.Tests.Cli;

public class ClustersCommandTests
{
    [Fact]
    public void Clusters_from_a_conll_file_feed_a_perceptron_model_that_eval_loads()
    {
        using var tmp = new TempFolder();
        string train = tmp.File("train.txt", string.Concat(Enumerable.Repeat(ConllCorpusTests.Sample + "\n", 4)));
        string table = Path.Combine(tmp.Path, "clusters.bin");
        var built = CliRunner.Run("clusters", "--conll", train, "--min-count", "2", "-o", table);
        Assert.True(built.Exit == 0, built.Err);
        Assert.Contains("wrote", built.Err);
        string model = Path.Combine(tmp.Path, "model");
        var trained = CliRunner.Run("train", "--conll", train, "--types", ConllCorpusTests.Types, "--algorithm", "perceptron", "--iterations", "3",
            "--min-count", "1", "--clusters", table, "-o", model);
        Assert.True(trained.Exit == 0, trained.Err);
        string metrics = File.ReadAllText(Path.Combine(model, "ner.metrics.json"));
        Assert.Contains("perceptron", metrics);
        Assert.Contains("Clusters", metrics);
        var scored = CliRunner.Run("eval", "--ner", "--conll", train, "--types", ConllCorpusTests.Types, "--model", Path.Combine(model, "ner.bin"));
        Assert.True(scored.Exit == 0, scored.Err);
        Assert.Contains("all", scored.Out + scored.Err);
    }

    [Fact]
    public void Clusters_refuse_a_test_split_and_missing_text()
    {
        using var tmp = new TempFolder();
        var test = CliRunner.Run("clusters", "--split", "test", "-o", Path.Combine(tmp.Path, "c.bin"));
        Assert.Equal(2, test.Exit);
        Assert.Contains("never learnt from a test split", test.Err);
        var none = CliRunner.Run("clusters", "-o", Path.Combine(tmp.Path, "c.bin"));
        Assert.Equal(2, none.Exit);
        Assert.Contains("give some text", none.Err);
    }
}
