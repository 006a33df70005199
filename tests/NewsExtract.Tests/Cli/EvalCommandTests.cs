using System.Text.Json;
using NewsExtract.Evaluation;

namespace NewsExtract.Tests.Cli;

public class EvalCommandTests
{
    /// <summary>A small gold corpus: two seed articles in a dev split and one in test.</summary>
    private static TempFolder SmallCorpus()
    {
        var tmp = new TempFolder();
        foreach (var id in (string[])["seed-000", "seed-001", "seed-002"])
            foreach (var ext in (string[])[".txt", ".gold.json"])
                File.Copy(Path.Combine(RepositoryPaths.Corpus, "seed", id + ext), tmp.File("articles/" + id + ext));
        tmp.File("splits/dev.txt", "# dev\nseed-000\nseed-001\n");
        tmp.File("splits/test.txt", "seed-002\n");
        return tmp;
    }

    [Fact]
    public void Eval_prints_a_row_per_field()
    {
        using var corpus = SmallCorpus();
        var r = CliRunner.Run("eval", corpus.Path, "--split", "dev");
        Assert.Equal(0, r.Exit);
        Assert.Contains("Evaluation on the dev split: 2 articles", r.Out);
        foreach (var field in FieldEvaluator.Fields)
            Assert.Contains(r.Lines, l => l.StartsWith(field + " ", StringComparison.Ordinal));
    }

    [Fact]
    public void Errors_list_missed_items_per_article()
    {
        using var corpus = SmallCorpus();
        // The extractor may get seed-002 entirely right: retype its first person as an organisation in this copy of the
        // gold, so there is a missed item to list whatever the rules find.
        string goldFile = Path.Combine(corpus.Path, "articles", "seed-002.gold.json");
        string json = File.ReadAllText(goldFile);
        int at = json.IndexOf("{\"type\": \"PER\"", StringComparison.Ordinal);
        Assert.True(at > 0, "seed-002 gold has a PER entity");
        File.WriteAllText(goldFile, json[..at] + "{\"type\": \"ORG\"" + json[(at + "{\"type\": \"PER\"".Length)..]);
        var r = CliRunner.Run("eval", corpus.Path, "--split", "test", "--errors", "--threads", "1");
        Assert.Equal(0, r.Exit);
        var gold = GoldCorpus.LoadArticle(Path.Combine(corpus.Path, "articles", "seed-002.gold.json"));
        Assert.Contains("== seed-002", r.Out);
        // Whatever the rules find today, a gold entity is either found or listed as missed.
        var report = EvaluationFor(corpus, "test");
        int missed = report.PerArticle.Single().Errors.Where(e => e.Field == "entities").Sum(e => e.Missed.Count);
        Assert.Equal(gold.EntityList.Count - report.Scores["entities"].TruePositives, missed);
    }

    private static EvaluationReport EvaluationFor(TempFolder corpus, string split) =>
        CorpusEvaluation.Run(GoldCorpus.Load(corpus.Path), split);

    [Fact]
    public void Ner_adds_the_entity_tagger_report()
    {
        using var corpus = SmallCorpus();
        var r = CliRunner.Run("eval", corpus.Path, "--split", "test", "--ner");
        Assert.Equal(0, r.Exit);
        Assert.Contains("Evaluation on the test split", r.Out);
        Assert.Contains("Entities on the test split", r.Out);
        Assert.Contains(r.Lines, l => l.StartsWith("gazetteer", StringComparison.Ordinal));
        Assert.Contains("no train split", r.Err);
    }

    [Fact]
    public void Ner_with_a_case_scores_the_tagger_on_the_text_in_that_case()
    {
        using var corpus = SmallCorpus();
        var r = CliRunner.Run("eval", corpus.Path, "--split", "test", "--ner", "--case", "lower");
        Assert.Equal(0, r.Exit);
        Assert.Contains("Entities on the test (lowercase) split", r.Out);
        // The shipped model reads lowercase text: it still finds entities.
        var all = r.Lines.First(l => l.TrimStart().StartsWith("all", StringComparison.Ordinal));
        double f1 = double.Parse(all.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(f1 > 0.5, all);
        Assert.Equal(2, CliRunner.Run("eval", corpus.Path, "--split", "test", "--case", "lower").Exit);
    }

    [Fact]
    public void Ner_report_trains_the_no_vocabulary_baseline_on_the_train_split()
    {
        using var corpus = SmallCorpus();
        corpus.File("splits/dev.txt", "seed-000\n");
        corpus.File("splits/train.txt", "seed-001\n");
        var r = CliRunner.Run("eval", corpus.Path, "--split", "test", "--ner");
        Assert.Equal(0, r.Exit);
        Assert.Contains("training the no-vocabulary baseline on the train split (1 articles)", r.Err);
        // One row per type for each of the three taggers.
        foreach (var tagger in (string[])["model ", "model-no-vocabulary ", "gazetteer "])
            Assert.Contains(r.Lines, l => l.StartsWith(tagger, StringComparison.Ordinal) && l.Contains("PER", StringComparison.Ordinal));
        Assert.Equal(3 * 4, r.Lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\S*\s+(PER|ORG|LOC|all)\s+\d\.\d{3}")));
    }

    [Fact]
    public void Report_writes_json_with_every_field()
    {
        using var corpus = SmallCorpus();
        string file = Path.Combine(corpus.Path, "scores.json");
        var r = CliRunner.Run("eval", corpus.Path, "--split", "dev", "--report", file);
        Assert.Equal(0, r.Exit);
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal("dev", doc.RootElement.GetProperty("split").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("articles").GetInt32());
        Assert.Equal(64, doc.RootElement.GetProperty("goldSha256").GetString()!.Length);
        var fields = doc.RootElement.GetProperty("fields");
        foreach (var field in FieldEvaluator.Fields)
            Assert.InRange(fields.GetProperty(field).GetProperty("f1").GetDouble(), 0, 1);
        Assert.Equal(2, doc.RootElement.GetProperty("perArticle").GetArrayLength());
    }

    [Fact]
    public void Pin_then_gate_passes_and_a_changed_gold_file_fails_the_gate()
    {
        using var corpus = SmallCorpus();
        var pin = CliRunner.Run("eval", corpus.Path, "--split", "test", "--pin");
        Assert.Equal(0, pin.Exit);
        Assert.Contains("Pinned the floors of the test split", pin.Out);
        string floorsFile = Path.Combine(corpus.Path, "eval-floors.json");
        Assert.True(EvaluationFloors.Load(floorsFile).Splits.ContainsKey("test"));

        var gate = CliRunner.Run("eval", corpus.Path, "--split", "test", "--gate");
        Assert.Equal(0, gate.Exit);
        Assert.Contains("Gate passed", gate.Out);

        // The dev split has no floors yet.
        var dev = CliRunner.Run("eval", corpus.Path, "--split", "dev", "--gate");
        Assert.Equal(1, dev.Exit);
        Assert.Contains("no floors are pinned for the dev split", dev.Err);

        File.AppendAllText(Path.Combine(corpus.Path, "articles", "seed-002.txt"), "\n");
        var changed = CliRunner.Run("eval", corpus.Path, "--split", "test", "--gate");
        Assert.Equal(1, changed.Exit);
        Assert.Contains("gold data of the test split changed", changed.Err);
        Assert.Contains($"newsextract eval {corpus.Path} --split test --pin", changed.Err);
    }

    [Fact]
    public void Gate_fails_per_field_below_its_floor()
    {
        using var corpus = SmallCorpus();
        var report = EvaluationFor(corpus, "test");
        // Floors above any score the extractor can reach on two fields.
        string floorsFile = Path.Combine(corpus.Path, "eval-floors.json");
        File.WriteAllText(floorsFile, $$"""
            { "splits": { "test": { "articles": 1, "goldSha256": "{{report.GoldHash}}",
              "floors": { "entities": 1.0, "candidates": 1.0, "dates": 0 } } } }
            """);
        bool perfectEntities = report.Scores["entities"].F1 >= 1, perfectPairs = report.Scores["candidates"].F1 >= 1;
        var gate = CliRunner.Run("eval", corpus.Path, "--split", "test", "--gate");
        Assert.Equal(perfectEntities && perfectPairs ? 0 : 1, gate.Exit);
        Assert.Equal(!perfectEntities, gate.Err.Contains("gate: entities: F1", StringComparison.Ordinal));
        Assert.Equal(!perfectPairs, gate.Err.Contains("gate: candidates: F1", StringComparison.Ordinal));
        Assert.DoesNotContain("gate: dates", gate.Err);
    }

    [Fact]
    public void Gold_hash_depends_on_every_byte_of_the_split()
    {
        using var corpus = SmallCorpus();
        string before = CorpusEvaluation.GoldHash(GoldCorpus.Load(corpus.Path).Split("dev"));
        Assert.Equal(before, CorpusEvaluation.GoldHash(GoldCorpus.Load(corpus.Path).Split("dev").Reverse()));
        Assert.NotEqual(before, CorpusEvaluation.GoldHash(GoldCorpus.Load(corpus.Path).Split("test")));
        string gold = Path.Combine(corpus.Path, "articles", "seed-001.gold.json");
        File.WriteAllText(gold, File.ReadAllText(gold).Replace("\"id\"", "\"id\" ", StringComparison.Ordinal));
        Assert.NotEqual(before, CorpusEvaluation.GoldHash(GoldCorpus.Load(corpus.Path).Split("dev")));
    }

    [Theory]
    [InlineData("--split", "nope")]
    [InlineData("--gate", "--pin")]
    [InlineData("--threads", "0")]
    [InlineData("--ner", "--split", "all")]
    public void Usage_errors_exit_2(params string[] options)
    {
        using var corpus = SmallCorpus();
        var r = CliRunner.Run(["eval", corpus.Path, .. options]);
        Assert.Equal(2, r.Exit);
        Assert.Contains("newsextract --help", r.Err);
    }

    [Fact]
    public void A_missing_gold_folder_or_split_is_a_usage_error()
    {
        Assert.Equal(2, CliRunner.Run("eval", Path.Combine(Path.GetTempPath(), "no-such-corpus-" + Guid.NewGuid())).Exit);
        using var corpus = SmallCorpus();
        var r = CliRunner.Run("eval", corpus.Path, "--split", "train");
        Assert.Equal(2, r.Exit);
        Assert.Contains("no split 'train'", r.Err);
    }

    [Fact]
    public void The_committed_floors_file_is_pinned_for_the_test_split()
    {
        string path = Path.Combine(RepositoryPaths.Corpus, "eval-floors.json");
        var floors = EvaluationFloors.Load(path);
        Assert.True(floors.Splits.TryGetValue("test", out var test));
        Assert.Equal(GoldCorpus.Load(RepositoryPaths.Corpus).Split("test").Count, test!.Articles);
        Assert.Equal(FieldEvaluator.Fields.Order(StringComparer.Ordinal), test.Floors.Keys);
    }
}

public class EvalWithoutGoldTests
{
    [Fact]
    public void A_folder_without_gold_fails_instead_of_scoring_nothing_as_perfect()
    {
        using var folder = new TempFolder();
        folder.File("article.txt", "KPU Kota Blitar menetapkan dua pasangan calon.");
        var r = CliRunner.Run("eval", folder.Path, "--split", "all");
        Assert.Equal(2, r.Exit);
        Assert.Contains("no gold articles", r.Err);
        Assert.DoesNotContain("1.000", r.Out);
        Assert.DoesNotContain("0 articles", r.Out);
    }

    [Fact]
    public void An_empty_split_fails_with_a_message()
    {
        using var folder = new TempFolder();
        foreach (var ext in (string[])[".txt", ".gold.json"])
            File.Copy(Path.Combine(RepositoryPaths.Corpus, "seed", "seed-000" + ext), folder.File("articles/seed-000" + ext));
        folder.File("splits/dev.txt", "# dev split: no articles yet\n");
        var r = CliRunner.Run("eval", folder.Path, "--split", "dev", "--gate");
        Assert.Equal(2, r.Exit);
        Assert.Contains("the dev split", r.Err);
        Assert.Contains("lists no articles", r.Err);
        Assert.Equal("", r.Out);
    }
}
