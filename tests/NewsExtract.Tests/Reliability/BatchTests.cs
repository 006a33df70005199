using System.Text;
using NewsExtract.Cli;
using NewsExtract.Records;
using NewsExtract.Tests.Cli;

namespace NewsExtract.Tests.Reliability;

/// <summary>One bad file never costs the rest of a batch: every input gives exactly one record, in order.</summary>
public class BatchTests
{
    private const int Files = 1000;

    // Positions of the bad files among the 1,000 and how each one is broken.
    private static readonly (int Index, string Kind)[] Corrupt =
    [
        (3, "empty"), (97, "binary"), (180, "nul-text"), (333, "dangling-link"), (401, "binary-html"),
        (512, "png-html"), (650, "elf"), (777, "nul-html"), (901, "zeros"), (999, "dangling-link"),
    ];

    private static string Text(int i)
    {
        var corpus = RecordChecks.CorpusTexts;
        // The first few sentences of a corpus article, so 1,000 files take seconds in a Debug test run.
        string article = corpus[i % corpus.Count];
        int cut = article.Length > 600 ? article.IndexOf(' ', 500) : -1;
        return cut > 0 ? article[..cut] : article;
    }

    private static Dictionary<int, string> Build(TempFolder tmp)
    {
        var bad = new Dictionary<int, string>();
        var corrupt = Corrupt.ToDictionary(c => c.Index, c => c.Kind);
        for (int i = 0; i < Files; i++)
        {
            string name = $"batch/{i:0000}";
            if (!corrupt.TryGetValue(i, out var kind))
            {
                if (i % 10 == 5) File.WriteAllText(tmp.File(name + ".html"), RecordChecks.AsHtml(Text(i)), Encoding.UTF8);
                else File.WriteAllText(tmp.File(name + ".txt"), Text(i), Encoding.UTF8);
                continue;
            }
            string path = tmp.File(name + (kind.Contains("html") ? ".html" : ".txt"));
            bad[i] = path;
            switch (kind)
            {
                case "empty": File.WriteAllBytes(path, []); break;
                case "png-html": File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]); break;
                case "binary": case "binary-html": File.WriteAllBytes(path, Enumerable.Range(0, 4096).Select(b => (byte)(b * 7919 % 256)).ToArray()); break;
                case "nul-text": File.WriteAllText(path, Text(i)[..200] + "\0\0\0" + Text(i)[200..]); break;
                case "nul-html": File.WriteAllText(path, "<html><body>\0\0\0\0" + new string('\0', 5000) + "</body></html>"); break;
                case "elf": File.WriteAllBytes(path, [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3E, 0]); break;
                case "zeros": File.WriteAllBytes(path, new byte[65536]); break;
                case "dangling-link": File.CreateSymbolicLink(path, Path.Combine(tmp.Path, "gone", $"{i}.txt")); break;
            }
        }
        return bad;
    }

    [Fact]
    public void A_thousand_files_with_ten_broken_give_990_records_and_10_error_records_in_order()
    {
        using var tmp = new TempFolder();
        var bad = Build(tmp);
        var r = CliRunner.Run("extract", Path.Combine(tmp.Path, "batch"), "--published", "2024-09-23");

        Assert.Equal(1, r.Exit);
        var records = r.Lines.Select(RecordJson.Parse).ToArray();
        Assert.Equal(Files, records.Length);
        for (int i = 0; i < Files; i++)
        {
            var record = records[i];
            Assert.Equal($"{i:0000}", Path.GetFileNameWithoutExtension(record.Source.Path));
            if (bad.TryGetValue(i, out var path))
            {
                Assert.True(record.Error is not null, $"file {i} ({Corrupt.First(c => c.Index == i).Kind}) gave a record, not an error record");
                Assert.Contains(path, r.Err);
            }
            else
            {
                Assert.True(record.Error is null, $"file {i}: {record.Error?.Message}");
                Assert.NotEmpty(record.Text);
                RecordChecks.AssertValid(record);
            }
        }
        Assert.Equal(990, records.Count(x => x.Error is null));
        Assert.Equal(10, r.Err.Split('\n').Count(l => l.StartsWith("newsextract:", StringComparison.Ordinal)));

        // Nothing lost or changed by the neighbours: a good record equals the one its file gives on its own.
        foreach (int i in (int[])[0, 4, 96, 98, 332, 334, 998])
        {
            string file = records[i].Source.Path!;
            var alone = CliRunner.Run("extract", file, "--published", "2024-09-23");
            Assert.Equal(RecordJson.ToJsonLine(records[i]), alone.Lines.Single());
        }
    }

    [Fact]
    public void An_empty_html_file_gives_an_error_record()
    {
        using var tmp = new TempFolder();
        var r = CliRunner.Run("extract", tmp.File("empty.html", ""));
        Assert.Equal(1, r.Exit);
        Assert.NotNull(RecordJson.Parse(r.Lines.Single()).Error);
    }

    [Fact]
    public void An_interrupted_batch_leaves_the_old_output_whole_and_no_temporary_file()
    {
        using var tmp = new TempFolder();
        for (int i = 0; i < 30; i++) File.WriteAllText(tmp.File($"in/{i:00}.txt"), Text(i));
        File.WriteAllBytes(tmp.File("in/15.txt"), []); // the run is stopped when this one is reported
        string output = tmp.File("out/records.jsonl", "old complete output\n");

        using var cts = new CancellationTokenSource();
        var stderr = new CancelOnWrite(cts);
        var context = new CliContext(Stream.Null, TextWriter.Null, stderr);
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ExtractCommand.Run(context, [Path.Combine(tmp.Path, "in")], OutputFormat.Jsonl, output, 1, null, cts.Token));

        Assert.True(stderr.Cancelled);
        Assert.Equal("old complete output\n", File.ReadAllText(output));
        Assert.Equal(["records.jsonl"], Directory.GetFiles(Path.GetDirectoryName(output)!).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("json")]
    [InlineData("csv")]
    public void A_completed_output_file_equals_standard_output(string format)
    {
        using var tmp = new TempFolder();
        for (int i = 0; i < 12; i++) File.WriteAllText(tmp.File($"in/{i:00}.txt"), Text(i));
        string output = Path.Combine(tmp.Path, "out." + format);
        var toFile = CliRunner.Run("extract", Path.Combine(tmp.Path, "in"), "-f", format, "-o", output, "--threads", "2");
        var toStdout = CliRunner.Run("extract", Path.Combine(tmp.Path, "in"), "-f", format);
        Assert.Equal(0, toFile.Exit);
        Assert.Equal(toStdout.Out, File.ReadAllText(output));
    }

    /// <summary>A stderr that stops the run (cancels) at the first message, as Ctrl+C in the middle of a batch would.</summary>
    private sealed class CancelOnWrite(CancellationTokenSource cts) : StringWriter
    {
        public bool Cancelled { get; private set; }

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value is not null && value.StartsWith("newsextract:", StringComparison.Ordinal))
            {
                Cancelled = true;
                cts.Cancel();
            }
        }
    }
}
