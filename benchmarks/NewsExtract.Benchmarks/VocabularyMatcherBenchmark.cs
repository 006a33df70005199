using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Attributes;
using NewsExtract.Documents;
using NewsExtract.Vocabulary;

namespace NewsExtract.Benchmarks;

/// <summary>
/// Throughput of the vocabulary phrase matcher (<see cref="Vocabularies.Matcher"/>: regions, parties,
/// institutions, offices, roles, titles, numbers, months, weekdays in one pass) over already tokenized text:
/// the corpus articles (corpus/articles/*.txt) joined, or generated sentences when the corpus is absent.
/// MB/s = UTF-8 megabytes of text / mean time of one operation.
/// <c>dotnet run -c Release --project benchmarks/NewsExtract.Benchmarks -- --filter *VocabularyMatcher*</c>
/// </summary>
[MemoryDiagnoser]
public class VocabularyMatcherBenchmark
{
    private Document document = null!;

    [GlobalSetup]
    public void Setup()
    {
        document = Document.Create(MatcherText.Load(out string source));
        Console.WriteLine($"VocabularyMatcherBenchmark: {source}, {Encoding.UTF8.GetByteCount(document.Text) / 1e6:F2} MB, {document.Tokens.Count} tokens.");
    }

    /// <summary>Matches the whole text once.</summary>
    [Benchmark]
    public int MatchCorpus() => Vocabularies.Default.Matcher.Match(document).Count;
}

/// <summary>
/// The same measurement as a plain loop, quick enough to quote: tokenizes once, then matches the text
/// repeatedly for about <c>seconds</c> (default 5) on one thread and prints MB/s.
/// </summary>
public static class MatcherThroughput
{
    public const string Description = "vocabulary phrase matcher throughput over the corpus text (MB/s, one core)";

    public static int Run(string[] args)
    {
        double seconds = args.Length > 0 && double.TryParse(args[0], System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 5;
        var vocabulary = Vocabularies.Default;
        var document = Document.Create(MatcherText.Load(out string source));
        double megabytes = Encoding.UTF8.GetByteCount(document.Text) / 1e6;
        int matches = 0;
        for (int i = 0; i < 3; i++) matches = vocabulary.Matcher.Match(document).Count; // warm-up
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        int runs = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            matches = vocabulary.Matcher.Match(document).Count;
            runs++;
        }
        double elapsed = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine($"matcher: {source}: {megabytes:F2} MB, {document.Tokens.Count} tokens, {matches} matches per pass");
        Console.WriteLine($"matcher: {runs} passes in {elapsed:F2} s wall = {runs * megabytes / elapsed:F1} MB/s, {runs * (double)document.Tokens.Count / elapsed / 1e6:F2} M tokens/s");
        // On a shared machine wall time includes waiting for a core; CPU time is what one core spends.
        Console.WriteLine($"matcher: {cpu:F2} s CPU = {runs * megabytes / cpu:F1} MB per CPU-second");
        return 0;
    }
}

/// <summary>Benchmark text: the corpus articles joined, repeated to at least 4 MB.</summary>
internal static class MatcherText
{
    public static string Load(out string source)
    {
        var articles = FindCorpus() is { } dir
            ? Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList()
            : [];
        source = articles.Count > 0 ? $"{articles.Count} corpus articles" : "generated sentences (corpus/articles not found)";
        if (articles.Count == 0)
            articles.Add("KPU Kabupaten Blitar menggelar rapat pleno pengundian nomor urut pasangan calon Bupati dan Wakil Bupati, Senin (23/9/2024). " +
                         "Pasangan Drs. Santoso, M.Pd dan Ir. Tjutjuk Soenario, MM diusung PDI Perjuangan, Gerindra, PPP dan Partai Demokrat. " +
                         "Kapolresta Blitar AKBP Leonard M Sinambela bersama Dandim 0808 Letkol Arh. Dian memastikan keamanan di Kota Blitar. ");
        var text = new StringBuilder();
        while (text.Length < 4_000_000)
            foreach (var article in articles) text.Append(article).Append("\n\n");
        return text.ToString();
    }

    // The corpus sits beside NewsExtract.sln; look for it from the working directory and from the binary.
    private static string? FindCorpus()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "NewsExtract.sln")))
                    return Directory.Exists(Path.Combine(dir.FullName, "corpus", "articles")) ? Path.Combine(dir.FullName, "corpus", "articles") : null;
        return null;
    }
}
