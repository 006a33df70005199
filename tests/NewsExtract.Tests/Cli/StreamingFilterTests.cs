using System.Text.Json;

namespace NewsExtract.Tests.Cli;

/// <summary>
/// `extract -` with JSON lines on standard input is a streaming filter (the mapper of Hadoop Streaming or Spark's
/// RDD.pipe): each input line gives its record on standard output before the next line is read.
/// </summary>
public sealed class StreamingFilterTests
{
    private static string Line(string url, string text) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["url"] = url, ["text"] = text, ["published"] = "2024-09-23" });

    [Fact]
    public void Jsonl_on_stdin_gives_one_record_per_line_before_the_next_line_is_read()
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var lines = new[]
        {
            Line("https://a.example/1", "KPU Kota Blitar menggelar pengundian nomor urut Pilwali Kota Blitar 2024, Senin (23/9/2024)."),
            "{ not json",
            Line("https://a.example/3", "Bawaslu Kabupaten Ngada mengawasi kampanye Pilbup Ngada 2024."),
        };
        var stdin = new WatchingReader(lines, stdout);
        int exit = NewsExtract.Cli.Program.Run(["extract", "-"], new NewsExtract.Cli.CliContext(stdin, stdout, new StringWriter()));
        Assert.Equal(1, exit); // the broken line is an error record; the others succeed
        var records = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, records.Length);
        Assert.Contains("\"url\":\"https://a.example/1\"", records[0]);
        Assert.Contains("the line is not valid JSON", records[1]);
        Assert.Contains("\"url\":\"https://a.example/3\"", records[2]);
        Assert.Equal(2024, JsonDocument.Parse(records[0]).RootElement.GetProperty("elections")[0].GetProperty("year").GetInt32());
        // When line n+1 was asked for, the records of lines 1..n were already out.
        Assert.Equal([0, 1, 2, 3], stdin.RecordsOutWhenRead);
    }

    [Fact]
    public void Plain_text_on_stdin_is_still_one_article()
    {
        var run = CliRunner.RunWithInput("Pilkada Kota Blitar 2024.\n{ this brace is in the text }\n", "extract", "-");
        Assert.Equal(0, run.Exit);
        Assert.Single(run.Lines);
    }

    /// <summary>Serves lines one at a time and notes how many records were written before each read.</summary>
    private sealed class WatchingReader(string[] lines, StringWriter stdout) : TextReader
    {
        private int _next;
        public List<int> RecordsOutWhenRead { get; } = [];

        public override int Peek() => _next < lines.Length ? lines[_next][0] : -1;

        public override string? ReadLine()
        {
            RecordsOutWhenRead.Add(stdout.ToString().Count(c => c == '\n'));
            return _next < lines.Length ? lines[_next++] : null;
        }

        public override string ReadToEnd() => throw new InvalidOperationException("a JSONL stream must not be read whole");
    }
}
