using System.Collections.Concurrent;
using NewsExtract.Records;
using NewsExtract.Tests.Cli;

namespace NewsExtract.Tests.Reliability;

/// <summary>The same input gives the same bytes: across runs, thread counts, and threads sharing one extractor.</summary>
public class DeterminismTests
{
    [Fact]
    public void Cli_output_is_byte_identical_across_runs_and_thread_counts()
    {
        using var tmp = new TempFolder();
        var corpus = RecordChecks.CorpusTexts;
        for (int i = 0; i < 40; i++)
        {
            string text = corpus[i * 7 % corpus.Count];
            if (i % 4 == 3) File.WriteAllText(tmp.File($"in/{i:00}.html"), RecordChecks.AsHtml(text));
            else File.WriteAllText(tmp.File($"in/{i:00}.txt"), text);
        }
        string dir = Path.Combine(tmp.Path, "in");
        var first = CliRunner.Run("extract", dir, "--published", "2024-09-23");
        Assert.Equal(0, first.Exit);
        Assert.Equal(40, first.Lines.Length);
        foreach (var threads in (string[])["1", "2", "3", "8"])
        {
            var again = CliRunner.Run("extract", dir, "--published", "2024-09-23", "--threads", threads);
            Assert.True(first.Out == again.Out, $"output with --threads {threads} differs from the first run");
        }
    }

    [Fact]
    public void One_extractor_used_from_eight_threads_gives_the_records_of_one_thread()
    {
        var extractor = NewsExtractor.CreateDefault();
        var texts = RecordChecks.CorpusTexts.Take(24).ToArray();
        var options = new ExtractionOptions { Published = new DateOnly(2024, 9, 23) };
        var expected = texts.Select(t => RecordJson.ToJsonLine(extractor.Extract(t, options))).ToArray();

        // Every thread walks the whole list from a different starting point, so the same article is in work on
        // several threads at once.
        var got = new ConcurrentBag<(int Index, string Json)>();
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            for (int k = 0; k < texts.Length; k++)
            {
                int i = (k + t * texts.Length / 8) % texts.Length;
                got.Add((i, RecordJson.ToJsonLine(extractor.Extract(texts[i], options))));
            }
        })).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();

        Assert.Equal(8 * texts.Length, got.Count);
        foreach (var (index, json) in got)
            Assert.True(expected[index] == json, $"article {index} gave a different record on a shared extractor");
    }

    [Fact]
    public async Task Extract_all_async_gives_the_same_records_at_any_parallelism()
    {
        var extractor = NewsExtractor.CreateDefault();
        var inputs = RecordChecks.CorpusTexts.Take(40)
            .Select((t, i) => i % 3 == 0 ? ArticleInput.FromHtml(System.Text.Encoding.UTF8.GetBytes(RecordChecks.AsHtml(t))) : ArticleInput.FromText(t))
            .ToArray();
        async Task<string[]> Run(int parallelism)
        {
            var lines = new List<string>();
            await foreach (var r in extractor.ExtractAllAsync(inputs.ToAsyncEnumerable(), parallelism))
                lines.Add(RecordJson.ToJsonLine(r));
            return [.. lines];
        }
        var one = await Run(1);
        Assert.Equal(one, await Run(2));
        Assert.Equal(one, await Run(8));
    }
}
