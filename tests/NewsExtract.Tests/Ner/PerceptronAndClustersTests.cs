using NewsExtract.Documents;
using NewsExtract.Ner;
using NewsExtract.Training;

namespace NewsExtract.Tests.Ner;

public class PerceptronAndClustersTests
{
    private static readonly string Train = string.Concat(Enumerable.Repeat(ConllCorpusTests.Sample + "\n", 3));

    [Fact]
    public void Perceptron_training_twice_gives_the_same_bytes_and_learns_its_sentences()
    {
        using var tmp = new Cli.TempFolder();
        string train = tmp.File("train.txt", Train);
        var options = new NerTrainingOptions { Algorithm = NerAlgorithm.Perceptron, Iterations = 5, MinFeatureCount = 1, CaseCopies = true };
        var source = new ConllSource(train, ConllTypeMap.Parse(ConllCorpusTests.Types));
        var first = NerTrainingRun.RunConll(source, source, tmp.File("a/x"), options, TextWriter.Null);
        var second = NerTrainingRun.RunConll(source, source, tmp.File("b/x"), options, TextWriter.Null);
        Assert.Equal(File.ReadAllBytes(first.ModelPath), File.ReadAllBytes(second.ModelPath));
        Assert.Equal(File.ReadAllBytes(first.MetricsPath), File.ReadAllBytes(second.MetricsPath));
        Assert.Equal(NerDecoding.GlobalScores, first.Model.Decoding);
        Assert.All(first.Dev!, s => Assert.True(s.Scores["all"].F1 > 0.9, $"{s.Name}: F1 {s.Scores["all"].F1}"));
        Assert.Contains("averaged structured perceptron", File.ReadAllText(first.MetricsPath));
    }

    [Fact]
    public void Global_decoding_maximises_summed_scores_where_local_probabilities_would_not()
    {
        // Token 0: B-PER scores 2, O 0; token 1 given B-PER: I-PER 1; given O: O 0. Summed, B-PER I-PER (3) wins.
        const int K = NerTags.Count, C = BioDecoder.Contexts;
        var scores = new float[2 * C * K];
        Array.Fill(scores, -100f);
        scores[K * K + (int)NerTag.O] = 0;
        scores[K * K + (int)NerTag.BPer] = 2;
        scores[(C + (int)NerTag.BPer) * K + (int)NerTag.IPer] = 1;
        scores[(C + (int)NerTag.O) * K + (int)NerTag.O] = 0;
        var tags = new NerTag[2];
        var chosen = new float[2];
        BioDecoder.Decode(scores, 2, tags, chosen, scores);
        Assert.Equal([NerTag.BPer, NerTag.IPer], tags);
    }

    [Fact]
    public void A_model_with_global_decoding_and_clusters_round_trips_as_format_3()
    {
        var clusters = new WordClusters([5u, 7u], [3u << 16 | 0b101, 1u << 16 | 1]);
        var model = new NerModel(NerFeatureGroups.Lexical | NerFeatureGroups.Clusters, [3u, 10u], new float[2 * NerTags.Count], [0, 1, 2, 3, 4, 5, 6],
            NerDecoding.GlobalScores, clusters);
        using var first = new MemoryStream();
        model.Write(first);
        Assert.Equal(3, first.ToArray()[5]);
        first.Position = 0;
        var read = NerModel.Read(first, "test");
        Assert.Equal(NerDecoding.GlobalScores, read.Decoding);
        Assert.Equal(2, read.Clusters!.Count);
        Assert.Equal(3u << 16 | 0b101, read.Clusters.PathOf(5u));
        using var second = new MemoryStream();
        read.Write(second);
        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Throws<ArgumentException>(() => new NerModel(NerFeatureGroups.Lexical | NerFeatureGroups.Clusters, [], [], new float[NerTags.Count]));
    }

    [Fact]
    public void A_local_model_without_clusters_is_still_written_as_format_2()
    {
        var model = new NerModel(NerFeatureGroups.Lexical, [3u], new float[NerTags.Count], new float[NerTags.Count]);
        using var stream = new MemoryStream();
        model.Write(stream);
        Assert.Equal(2, stream.ToArray()[5]);
    }

    [Fact]
    public void Cluster_prefixes_cut_paths_and_mark_unknown_words()
    {
        uint path = 5u << 16 | 0b10110;
        Assert.Equal(2u << 16 | 0b10, WordClusters.Prefix(path, 2));
        Assert.Equal(path, WordClusters.Prefix(path, 8));
        Assert.Equal(WordClusters.Unknown, WordClusters.Prefix(0, 4));
    }

    [Fact]
    public void Clusters_group_words_of_the_same_contexts_and_are_the_same_on_every_run()
    {
        // Cities after "di", names after "kata": two kinds of context, two sides of the first split.
        string[] cities = ["jakarta", "surabaya", "medan", "bandung"], names = ["anies", "ganjar", "prabowo", "ahok"];
        var sentences = new List<(uint[], bool[])>();
        for (int r = 0; r < 5; r++)
            for (int i = 0; i < 4; i++)
            {
                sentences.AddRange(WordClusterBuilder.Sentences(Document.Create($"Mereka tinggal di {cities[i]} sejak lama.")));
                sentences.AddRange(WordClusterBuilder.Sentences(Document.Create($"Hal itu, kata {names[i]} kepada wartawan.")));
            }
        var options = new WordClusterOptions { MinCount = 2, MinLeaf = 1 };
        var first = WordClusterBuilder.Build(sentences, options, TextWriter.Null);
        var second = WordClusterBuilder.Build(sentences, options, TextWriter.Null);
        using (var a = new MemoryStream())
        using (var b = new MemoryStream())
        {
            first.Write(a);
            second.Write(b);
            Assert.Equal(a.ToArray(), b.ToArray());
            b.Position = 0;
            Assert.Equal(first.Count, WordClusters.Read(b, "b").Count);
        }
        uint PathOf(string word) => first.PathOf(FeatureHash.AddLower(FeatureHash.Offset, word));
        // The number of choices two words' paths share.
        int Shared(string x, string y)
        {
            int n = 0;
            while (n < WordClusters.MaxDepth && WordClusters.Prefix(PathOf(x), n + 1) == WordClusters.Prefix(PathOf(y), n + 1)) n++;
            return n;
        }
        foreach (string city in cities[1..]) Assert.True(Shared("jakarta", city) > Shared("jakarta", "anies"), city);
        foreach (string name in names[1..]) Assert.True(Shared("anies", name) > Shared("anies", "jakarta"), name);
    }
}
