using NewsExtract.Documents;
using NewsExtract.Ner;
using NewsExtract.Records;
using NewsExtract.Training;
using NewsExtract.Vocabulary;

namespace NewsExtract.Tests.Ner;

public class ConllCorpusTests
{
    internal const string Sample = "Ketua\tO\nKPU\tB-ORGANISATION\nKota\tI-ORGANISATION\nBlitar\tI-ORGANISATION\nChoirul\tB-PERSON\nUmam\tI-PERSON\n"
        + "hadir\tO\ndi\tO\nBlitar\tB-PLACE\n.\tO\n\n"
        + "Pilkada\tB-EVENT\nSerentak\tI-EVENT\ndi\tO\nJawa\tI-PLACE\nTimur\tI-PLACE\n.\tO\n";

    internal const string Types = "PERSON=PER,PLACE=LOC,ORGANISATION=ORG";

    private static List<ConllSentence> Read(string text) => ConllCorpus.Read(new StringReader(text), ConllTypeMap.Parse(Types), "sample.txt");

    [Fact]
    public void Sentences_become_texts_with_entity_spans_and_unmapped_types_are_ignored_spans()
    {
        var sentences = Read(Sample);
        Assert.Equal(2, sentences.Count);
        var first = sentences[0];
        Assert.Equal("Ketua KPU Kota Blitar Choirul Umam hadir di Blitar .", first.Text);
        Assert.Equal(
            [(EntityType.ORG, "KPU Kota Blitar"), (EntityType.PER, "Choirul Umam"), (EntityType.LOC, "Blitar")],
            first.Entities.Select(e => (e.Type, first.Text[e.Start..e.End])));
        Assert.Empty(first.Ignored);
        // EVENT is not mapped: it is an ignored span. An I- after O starts a chunk, as conlleval reads it.
        var second = sentences[1];
        Assert.Equal("Pilkada Serentak", second.Text[second.Ignored[0].Start..second.Ignored[0].End]);
        Assert.Equal((EntityType.LOC, "Jawa Timur"), (second.Entities[0].Type, second.Text[second.Entities[0].Start..second.Entities[0].End]));
    }

    [Fact]
    public void Chunks_follow_conlleval()
    {
        Assert.Equal([("A", 0, 2), ("B", 2, 3), ("A", 4, 5), ("A", 5, 6)],
            ConllCorpus.Chunks(["B-A", "I-A", "I-B", "O", "I-A", "B-A"]));
    }

    [Theory]
    [InlineData("Ketua O\n")]
    [InlineData("Ketua\tX-PER\n")]
    [InlineData("\tO\n")]
    public void A_malformed_line_names_the_file_and_line(string text)
    {
        var ex = Assert.Throws<InvalidDataException>(() => Read("kata\tO\n" + text));
        Assert.Contains("sample.txt:2", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("PERSON")]
    [InlineData("PERSON=PEOPLE")]
    [InlineData("PERSON=PER,PERSON=ORG")]
    public void A_bad_type_map_is_refused(string spec) => Assert.Throws<FormatException>(() => ConllTypeMap.Parse(spec));

    [Fact]
    public void Strict_scoring_counts_exact_spans_and_drops_predictions_over_ignored_types()
    {
        var sentences = Read(Sample);
        // A tagger that finds "Kota Blitar" as LOC (wrong span), "Choirul Umam" (right), "Blitar" (right), "Jawa Timur"
        // (right) and "Serentak" (over an ignored EVENT span: left out).
        List<NerSpan> Tagger(Document d)
        {
            var spans = new List<NerSpan>();
            void Add(EntityType type, string phrase)
            {
                int start = d.Text.LastIndexOf(phrase, StringComparison.Ordinal);
                if (start >= 0) spans.Add(new NerSpan(type, 0, 0, start, start + phrase.Length, 1));
            }
            if (d.Text.StartsWith("Ketua", StringComparison.Ordinal))
            {
                Add(EntityType.LOC, "Kota Blitar");
                Add(EntityType.PER, "Choirul Umam");
                spans.Add(new NerSpan(EntityType.LOC, 0, 0, d.Text.Length - 8, d.Text.Length - 2, 1));
            }
            else
            {
                Add(EntityType.ORG, "Serentak");
                Add(EntityType.LOC, "Jawa Timur");
            }
            return spans;
        }
        var scores = ConllCorpus.Score(sentences, Tagger);
        var all = scores["all"];
        Assert.Equal((3, 1, 1), (all.TruePositives, all.FalsePositives, all.FalseNegatives));
        Assert.Equal(0, scores["ORG"].TruePositives);
        Assert.Equal(1, scores["ORG"].FalseNegatives);
        Assert.Equal(0, scores["ORG"].FalsePositives);
        Assert.Equal(1.0, scores["PER"].F1);
    }

    [Fact]
    public void Lowercased_scoring_keeps_the_gold_offsets()
    {
        var sentences = Read(Sample);
        var lower = sentences[0].InCase(TextCase.Lower);
        Assert.Equal("kpu kota blitar", lower.Text[lower.Entities[0].Start..lower.Entities[0].End]);
        var (_, start, end) = sentences[0].Entities[1];
        Assert.Equal("CHOIRUL UMAM", sentences[0].InCase(TextCase.Upper).Text[start..end]);
    }

    [Fact]
    public void Training_examples_carry_bio_tags_and_case_copies_double_nothing_but_the_text()
    {
        var sentences = Read(Sample);
        var (examples, alignment) = ConllCorpus.Examples(sentences, "sample.txt");
        Assert.Equal(4, alignment.Aligned);
        Assert.Equal(
            [NerTag.O, NerTag.BOrg, NerTag.IOrg, NerTag.IOrg, NerTag.BPer, NerTag.IPer, NerTag.O, NerTag.O, NerTag.BLoc, NerTag.O],
            examples[0].Tags);
        var (lower, _) = ConllCorpus.Examples(sentences, "sample.txt", TextCase.Lower);
        Assert.Equal(examples[0].Tags, lower[0].Tags);
        Assert.Equal("ketua kpu kota blitar choirul umam hadir di blitar .", lower[0].Document.Text);
    }

    [Fact]
    public void Training_on_a_conll_file_twice_gives_the_same_bytes_and_a_dev_report()
    {
        using var tmp = new Cli.TempFolder();
        string train = tmp.File("train.txt", string.Concat(Enumerable.Repeat(Sample + "\n", 3)));
        var options = new NerTrainingOptions { Iterations = 3, MinFeatureCount = 1, CaseCopies = true };
        var source = new ConllSource(train, ConllTypeMap.Parse(Types));
        var first = NerTrainingRun.RunConll(source, source, tmp.File("a/x"), options, TextWriter.Null);
        var second = NerTrainingRun.RunConll(source, source, tmp.File("b/x"), options, TextWriter.Null);
        Assert.Equal(File.ReadAllBytes(first.ModelPath), File.ReadAllBytes(second.ModelPath));
        Assert.Equal(File.ReadAllBytes(first.MetricsPath), File.ReadAllBytes(second.MetricsPath));
        Assert.Equal(["model", "model-lowercase", "model-uppercase"], first.Dev!.Select(s => s.Name));
        // Scored on its own training sentences, the model gets most entities right in every casing.
        Assert.All(first.Dev!, s => Assert.True(s.Scores["all"].F1 > 0.5, $"{s.Name}: F1 {s.Scores["all"].F1}"));
        string metrics = File.ReadAllText(first.MetricsPath);
        Assert.Contains("\"caseCopies\": true", metrics);
        Assert.Contains("train.txt", metrics);
    }

    [Fact]
    public void The_caseless_matcher_finds_forms_whatever_their_case()
    {
        var v = Vocabularies.Default;
        var lower = Document.Create("ketua kpu kota blitar hadir");
        Assert.DoesNotContain(v.Matcher.Match(lower), m => m.Category == VocabularyCategory.Region);
        var found = v.Matcher.IgnoringCase().Match(lower);
        Assert.Contains(found, m => m.Category == VocabularyCategory.Region && m.Text(lower.Text) == "kota blitar");
        var upper = Document.Create("KETUA KPU KOTA BLITAR HADIR");
        Assert.Contains(v.Matcher.IgnoringCase().Match(upper), m => m.Category == VocabularyCategory.Region && m.Text(upper.Text) == "KOTA BLITAR");
    }
}
