using BenchmarkDotNet.Attributes;
using NewsExtract.Documents;
using NewsExtract.Ner;
using NewsExtract.Vocabulary;

namespace NewsExtract.Benchmarks;

/// <summary>
/// Throughput of the entity model on the corpus articles (read from corpus/ in the repository): feature
/// extraction with the vocabulary matcher, scoring and Viterbi decoding, on documents tokenised beforehand.
/// Tokens per second = corpus tokens / mean time of one operation.
/// <c>dotnet run -c Release --project benchmarks/NewsExtract.Benchmarks -- --filter *NerTagging*</c>
/// </summary>
[MemoryDiagnoser]
public class NerTaggingBenchmark
{
    private List<Document> documents = [];
    private NerModel model = null!;

    /// <summary>Tokens in one pass over the corpus.</summary>
    public int Tokens { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsExtract.sln"))) dir = dir.Parent;
        string corpus = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("No NewsExtract.sln above the benchmark."), "corpus");
        documents = Directory.GetFiles(corpus, "*.txt", SearchOption.AllDirectories)
            .Where(p => File.Exists(p[..^4] + ".gold.json"))
            .Order(StringComparer.Ordinal)
            .Select(p => Document.Create(File.ReadAllText(p)))
            .ToList();
        Tokens = documents.Sum(d => d.Tokens.Count);
        model = NerModel.Default;
        _ = Vocabularies.Default;
        Console.WriteLine($"NerTaggingBenchmark: {documents.Count} articles, {Tokens:N0} tokens per operation.");
    }

    /// <summary>Tags every corpus article once.</summary>
    [Benchmark]
    public int TagCorpus()
    {
        int entities = 0;
        foreach (var document in documents) entities += model.Tag(document, Vocabularies.Default).Count;
        return entities;
    }

    /// <summary>Loads the shipped model from the embedded resource.</summary>
    [Benchmark]
    public int LoadModel()
    {
        using var stream = typeof(NerModel).Assembly.GetManifestResourceStream(NerModel.ResourceName)!;
        return NerModel.Read(stream, "ner.bin").FeatureCount;
    }
}
