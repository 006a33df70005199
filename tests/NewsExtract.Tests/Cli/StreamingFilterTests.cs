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

    /// <summary>
    /// Standard input that serves one line per read (as a pipe does when the writer sends line by line) and notes how
    /// many records were written before each line (and the end) was asked for.
    /// </summary>
    private sealed class WatchingReader(string[] lines, StringWriter stdout) : Stream
    {
        private int _next;
        private byte[] _pending = [];
        private int _at;
        public List<int> RecordsOutWhenRead { get; } = [];

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (buffer.IsEmpty) return 0;
            if (_at == _pending.Length)
            {
                if (RecordsOutWhenRead.Count > lines.Length) return 0;
                RecordsOutWhenRead.Add(stdout.ToString().Count(c => c == '\n'));
                if (_next >= lines.Length) return 0;
                _pending = System.Text.Encoding.UTF8.GetBytes(lines[_next++] + "\n");
                _at = 0;
            }
            int n = Math.Min(buffer.Length, _pending.Length - _at);
            _pending.AsSpan(_at, n).CopyTo(buffer);
            _at += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
