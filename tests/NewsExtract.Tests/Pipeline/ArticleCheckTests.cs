using NewsExtract.Evaluation;
using NewsExtract.Pipeline;
using NewsExtract.Records;

namespace NewsExtract.Tests.Pipeline;

/// <summary>The crawl warnings "not Indonesian" and "no election content": right on the corpus, and on foreign pages.</summary>
public class ArticleCheckTests
{
    private static readonly NewsExtractor Extractor = NewsExtractor.CreateDefault();

    private static readonly Lazy<GoldCorpus> Gold = new(() => GoldCorpus.Load(RepositoryPaths.Corpus));

    private const string Bread = """
        How to bake a country loaf at home

        Feed the starter the night before you bake, so that it is bubbly and active in the morning. Mix the flour and
        water and let the dough rest for an hour before you add the salt. Fold the dough every half hour for the first
        two hours, then leave it to rise until it has grown by half. Shape the loaf, put it in a floured basket and
        keep it in the fridge overnight. Heat the oven to 250 degrees Celsius with the pot inside, bake the loaf for
        twenty minutes with the lid on and twenty more without it, until the crust is deep brown. Let it cool on a rack
        for an hour before you cut it, or the crumb will be gummy.
        """;

    private static bool Has(ArticleRecord r, string kind) => r.Warnings.Any(w => w.StartsWith(kind + ":", StringComparison.Ordinal));

    [Fact]
    public void An_english_page_about_bread_is_not_indonesian_and_has_no_election_content()
    {
        var record = Extractor.Extract(Bread);
        Assert.Null(record.Error);
        Assert.True(Has(record, ArticleCheckStage.NotIndonesian), string.Join(" | ", record.Warnings));
        Assert.True(Has(record, ArticleCheckStage.NoElectionContent), string.Join(" | ", record.Warnings));
        // The same page as HTML says so too.
        var page = Extractor.ExtractHtml($"<html><body><article><h1>Country loaf</h1>{string.Concat(Bread.Split("\n\n").Select(p => $"<p>{p}</p>"))}</article></body></html>");
        Assert.True(Has(page, ArticleCheckStage.NotIndonesian), string.Join(" | ", page.Warnings));
    }

    /// <summary>The election words of the data file, read here on their own so the test does not lean on the stage.</summary>
    private static readonly Lazy<HashSet<string>> ElectionWords = new(() =>
        File.ReadLines(Path.Combine(RepositoryPaths.Root, "src", "NewsExtract", "Resources", "language", "election-words.txt"))
            .Where(l => l.Length > 0 && l[0] != '#').Skip(1).ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// Truly without election content: gold has no race and no pair, and no election word stands in the text (split at
    /// every non-letter, which finds at least the words the tokenizer finds).
    /// </summary>
    private static bool WithoutElectionContent(GoldArticle a) =>
        a.ElectionList.Count == 0 && a.CandidateList.Count == 0
        && !System.Text.RegularExpressions.Regex.Split(a.Text.ToLowerInvariant(), @"\P{L}+").Any(ElectionWords.Value.Contains);

    [Fact]
    public void Every_corpus_article_is_indonesian_and_no_election_content_is_said_only_when_true()
    {
        var problems = new List<string>();
        int flagged = 0, nonElection = 0;
        foreach (var article in Gold.Value.Articles)
        {
            var record = Extractor.Extract(article.Text, new ExtractionOptions { Published = article.Source?.Published });
            string warnings = string.Join(" | ", record.Warnings);
            if (Has(record, ArticleCheckStage.NotIndonesian)) problems.Add($"{article.Id} is Indonesian but was warned: {warnings}");
            bool warned = Has(record, ArticleCheckStage.NoElectionContent);
            bool electionStory = article.Meta?.Story != "non-election";
            if (!electionStory) nonElection++;
            if (warned && (electionStory || article.ElectionList.Count > 0 || article.CandidateList.Count > 0))
                problems.Add($"{article.Id} has election content but was warned: {warnings}");
            if (!electionStory && WithoutElectionContent(article))
            {
                if (warned) flagged++;
                else problems.Add($"{article.Id} is not about elections and has no election content, but got no warning");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // The corpus's hand-written non-election articles (27 of them) name no race, pair or election word.
        Assert.True(flagged >= 20, $"only {flagged} of {nonElection} non-election articles were flagged: the negative side checks little");
    }

    [Fact]
    public void An_indonesian_article_on_another_subject_gets_only_the_election_warning()
    {
        const string text = """
            Jakarta - Harga beras di sejumlah pasar tradisional kembali naik pekan ini. Para pedagang mengatakan pasokan
            dari daerah sentra produksi berkurang karena musim hujan datang lebih awal dari biasanya. Di Pasar Induk,
            harga beras medium naik menjadi Rp13.500 per kilogram, sementara beras premium dijual Rp15.000. Pemerintah
            daerah berjanji akan menggelar operasi pasar agar harga kembali stabil dan warga tidak kesulitan membeli
            kebutuhan pokok menjelang akhir tahun.
            """;
        var record = Extractor.Extract(text);
        Assert.False(Has(record, ArticleCheckStage.NotIndonesian), string.Join(" | ", record.Warnings));
        Assert.True(Has(record, ArticleCheckStage.NoElectionContent), string.Join(" | ", record.Warnings));
    }

    [Fact]
    public void Short_texts_are_not_judged()
    {
        var record = Extractor.Extract("Bake the bread at 250 degrees Celsius.");
        Assert.DoesNotContain(record.Warnings, w => w.StartsWith(ArticleCheckStage.NotIndonesian, StringComparison.Ordinal));
        Assert.DoesNotContain(record.Warnings, w => w.StartsWith(ArticleCheckStage.NoElectionContent, StringComparison.Ordinal));
    }

    [Fact]
    public void The_thresholds_are_data()
    {
        var settings = ArticleCheckSettings.Default;
        Assert.Equal(300, settings.IndonesianTopWords);
        Assert.InRange(settings.IndonesianMinShare, 0.01, 0.2);
        Assert.Equal(1, settings.ElectionMinWords);
        Assert.Equal(25, settings.MinWords);
        // A stricter setting turns the corpus's Indonesian into "not Indonesian": the threshold is what decides.
        var strict = new ArticleCheckStage(settings with { IndonesianMinShare = 0.99 });
        var analysis = new Analysis(NewsExtract.Documents.Document.Create(Gold.Value.Articles[0].Text), new SourceInfo(), null);
        strict.Process(analysis, CancellationToken.None);
        Assert.Contains(analysis.Warnings, w => w.StartsWith(ArticleCheckStage.NotIndonesian, StringComparison.Ordinal));
    }
}
