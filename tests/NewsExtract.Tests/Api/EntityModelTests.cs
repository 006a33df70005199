using NewsExtract.Ner;
using NewsExtract.Records;
using NewsExtract.Tests.Cli;

namespace NewsExtract.Tests.Api;

public class EntityModelTests
{
    private const string Text = "Blitar (ANTARA) - Ketua KPU Kota Blitar Choirul Umam mengatakan pasangan Santoso-Tjutjuk mendapat nomor urut 2.";

    private static string WriteModel(TempFolder tmp, NerModel model)
    {
        string path = tmp.File("model/ner.bin");
        using var stream = File.Create(path);
        model.Write(stream);
        return path;
    }

    // A model with no features that always says O: swapping it in must remove every model entity.
    private static NerModel SilentModel() => new(NerFeatureGroups.Lexical, [], [], [10, 0, 0, 0, 0, 0, 0]);

    [Fact]
    public void A_loaded_copy_of_the_embedded_model_gives_the_same_records()
    {
        using var tmp = new TempFolder();
        var loaded = EntityModel.Load(WriteModel(tmp, NerModel.Default));
        Assert.Equal(EntityModel.Default.FeatureCount, loaded.FeatureCount);
        var swapped = NewsExtractor.Create(loaded);
        Assert.NotSame(NewsExtractor.CreateDefault(), swapped);
        Assert.Equal(RecordJson.ToJsonLine(NewsExtractor.CreateDefault().Extract(Text)), RecordJson.ToJsonLine(swapped.Extract(Text)));
        Assert.Same(NewsExtractor.CreateDefault(), NewsExtractor.Create(EntityModel.Default));
    }

    [Fact]
    public void A_swapped_model_is_the_one_that_tags()
    {
        using var tmp = new TempFolder();
        var silent = NewsExtractor.Create(EntityModel.Load(WriteModel(tmp, SilentModel())));
        Assert.Contains(NewsExtractor.CreateDefault().Extract(Text).Entities, e => e.Source == EntitySource.Model);
        Assert.DoesNotContain(silent.Extract(Text).Entities, e => e.Source == EntitySource.Model);
    }

    [Fact]
    public void A_file_that_is_no_model_fails_with_its_name()
    {
        using var tmp = new TempFolder();
        string path = tmp.File("bad.bin", "not a model");
        var ex = Assert.Throws<InvalidDataException>(() => EntityModel.Load(path));
        Assert.Contains("bad.bin", ex.Message);
        Assert.Throws<FileNotFoundException>(() => EntityModel.Load(tmp.File("missing.bin")));
    }

    [Fact]
    public void Extract_and_eval_take_a_model_file()
    {
        using var tmp = new TempFolder();
        string silent = WriteModel(tmp, SilentModel());
        string article = tmp.File("a.txt", Text);
        var withDefault = CliRunner.Run("extract", article);
        var withSilent = CliRunner.Run("extract", article, "--model", silent);
        Assert.Equal(0, withSilent.Exit);
        Assert.Contains("\"source\":\"model\"", withDefault.Out);
        Assert.DoesNotContain("\"source\":\"model\"", withSilent.Out);

        var missing = CliRunner.Run("extract", article, "--model", tmp.File("none.bin"));
        Assert.Equal(2, missing.Exit);
        var broken = CliRunner.Run("extract", article, "--model", tmp.File("broken.bin", "xx"));
        Assert.Equal(1, broken.Exit);
        Assert.Contains("broken.bin", broken.Err);

        string conll = tmp.File("valid.txt", Ner.ConllCorpusTests.Sample);
        var eval = CliRunner.Run("eval", "--ner", "--conll", conll, "--types", Ner.ConllCorpusTests.Types, "--model", silent);
        Assert.Equal(0, eval.Exit);
        Assert.Contains("Strict entity P/R/F1", eval.Out);
        // The silent model predicts nothing: recall 0 on the 4 mapped gold entities.
        Assert.Matches(@"model\s+PER\s+0\.000\s+0\.000\s+0\.000\s+1\s+0", eval.Out);
        Assert.Matches(@"all\s+0\.000\s+0\.000\s+0\.000\s+4\s+0", eval.Out);
    }

    [Fact]
    public void Conll_options_are_checked()
    {
        using var tmp = new TempFolder();
        string conll = tmp.File("valid.txt", Ner.ConllCorpusTests.Sample);
        Assert.Equal(2, CliRunner.Run("eval", "--conll", conll).Exit);                                  // needs --ner
        Assert.Equal(2, CliRunner.Run("eval", "--ner", "--conll", conll, "--types", "PERSON").Exit);    // bad map
        Assert.Equal(2, CliRunner.Run("eval", "--ner", "--conll", tmp.File("none.txt")).Exit);
        Assert.Equal(2, CliRunner.Run("eval").Exit);                                                    // no GOLD_DIR
        Assert.Equal(2, CliRunner.Run("train", "--conll-dev", conll).Exit);
        var bad = CliRunner.Run("eval", "--ner", "--conll", tmp.File("bad.txt", "kata O\n"));
        Assert.Equal(1, bad.Exit);
        Assert.Contains("bad.txt:1", bad.Err);
    }

    [Fact]
    public void Train_reads_a_conll_file_and_the_model_it_writes_can_be_swapped_in()
    {
        using var tmp = new TempFolder();
        string conll = tmp.File("train.txt", string.Concat(Enumerable.Repeat(Ner.ConllCorpusTests.Sample + "\n", 2)));
        string output = tmp.File("out/x");
        var r = CliRunner.Run("train", "--conll", conll, "--conll-dev", conll, "--types", Ner.ConllCorpusTests.Types, "--iterations", "3", "--min-count", "1", "-o", output);
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("model-lowercase", r.Err);
        var model = EntityModel.Load(Path.Combine(output, "ner.bin"));
        Assert.True(model.FeatureCount > 10);
    }
}
