using System.Text;
using System.Text.Json;
using NewsExtract.Cli;
using NewsExtract.Records;

namespace NewsExtract.Tests.Cli;

public class ExtractCommandTests
{
    private const string Article = "Kupang (ANTARA) - KPU Kota Kupang menggelar pengundian nomor urut pasangan calon Wali Kota Kupang, Senin (23/9).";

    private static ArticleRecord[] Records(CliResult r) => r.Lines.Select(RecordJson.Parse).ToArray();

    [Fact]
    public void A_text_file_gives_one_jsonl_record_and_exit_0()
    {
        using var tmp = new TempFolder();
        var r = CliRunner.Run("extract", tmp.File("a.txt", Article));
        Assert.Equal(0, r.Exit);
        var record = Assert.Single(Records(r));
        Assert.Null(record.Error);
        Assert.StartsWith("Kupang (ANTARA)", record.Text);
        Assert.EndsWith("a.txt", record.Source.Path);
        // Stderr holds only the end-of-run line.
        Assert.StartsWith("Done: 1 record(s), 0 error(s)", r.Err);
        Assert.Single(r.Err.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Unreadable_inputs_give_error_records_the_batch_goes_on_and_exit_1()
    {
        using var tmp = new TempFolder();
        string good = tmp.File("b-good.txt", Article);
        string empty = tmp.File("c-empty.txt", "");
        string binary = tmp.File("d-binary.txt");
        File.WriteAllBytes(binary, [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x02, 0x00, 0xFF]);
        string missing = Path.Combine(tmp.Path, "a-missing.txt");

        var r = CliRunner.Run("extract", missing, good, empty, binary);

        Assert.Equal(1, r.Exit);
        var records = Records(r);
        Assert.Equal(4, records.Length);
        Assert.Contains("no such file", records[0].Error!.Message);
        Assert.Null(records[1].Error);
        Assert.Contains("empty", records[2].Error!.Message);
        Assert.Contains("not text", records[3].Error!.Message);
        foreach (var name in (string[])[missing, empty, binary])
            Assert.Contains(name, r.Err);
        Assert.DoesNotContain(good, r.Err);
    }

    [Theory]
    [InlineData("extract")]
    [InlineData("extract", "x.txt", "--threads", "0")]
    [InlineData("extract", "x.txt", "--format", "xml")]
    [InlineData("extract", "x.txt", "--published", "23-09-2024")]
    [InlineData("extract", "x.txt", "--no-such-option")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_2_with_a_hint(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.Equal(2, r.Exit);
        Assert.Contains("newsextract --help", r.Err);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void A_folder_without_inputs_is_a_usage_error()
    {
        using var tmp = new TempFolder();
        tmp.File("notes.md", "nothing");
        Assert.Equal(2, CliRunner.Run("extract", tmp.Path).Exit);
    }

    [Fact]
    public void Json_format_is_one_array()
    {
        using var tmp = new TempFolder();
        tmp.File("a.txt", Article);
        tmp.File("b.txt", Article);
        var r = CliRunner.Run("extract", tmp.Path, "--format", "json");
        Assert.Equal(0, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(JsonValueKind.Array, doc.RootElement.ValueKind);
        Assert.Equal(2, doc.RootElement.GetArrayLength());
        Assert.True(doc.RootElement[0].TryGetProperty("candidates", out _));
    }

    [Fact]
    public void Json_format_of_nothing_readable_is_still_an_array()
    {
        using var tmp = new TempFolder();
        var r = CliRunner.Run("extract", tmp.File("empty.txt", ""), "-f", "json");
        Assert.Equal(1, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(1, doc.RootElement.GetArrayLength());
    }

    [Fact]
    public void Csv_format_has_a_header_and_crlf_rows()
    {
        using var tmp = new TempFolder();
        var r = CliRunner.Run("extract", tmp.File("a.txt", Article), "--format", "csv");
        Assert.Equal(0, r.Exit);
        var rows = r.Out.Split("\r\n");
        Assert.Equal(string.Join(',', RecordWriter.CsvHeader), rows[0]);
        Assert.Equal("", rows[^1]); // every row ends with CRLF
        Assert.True(rows.Length >= 3);
    }

    [Fact]
    public void Output_order_is_input_order_with_many_threads()
    {
        using var tmp = new TempFolder();
        for (int i = 0; i < 12; i++)
            tmp.File($"a{i:00}.txt", $"Artikel {i}. " + string.Concat(Enumerable.Repeat(Article + " ", i % 4 + 1)));
        var one = CliRunner.Run("extract", tmp.Path, "--threads", "1");
        var many = CliRunner.Run("extract", tmp.Path, "--threads", "4");
        Assert.Equal(0, many.Exit);
        Assert.Equal(one.Out, many.Out);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"a{i:00}.txt"), Records(many).Select(x => Path.GetFileName(x.Source.Path)));
    }

    [Fact]
    public void Output_file_is_written_whole_and_no_temporary_file_is_left()
    {
        using var tmp = new TempFolder();
        string input = tmp.File("in/a.txt", Article);
        string output = tmp.File("out/records.jsonl"); // the folder must exist: a missing one is a usage error
        var r = CliRunner.Run("extract", input, "-o", output);
        Assert.Equal(0, r.Exit);
        Assert.Equal("", r.Out);
        Assert.Single(File.ReadAllLines(output));
        Assert.Equal(["records.jsonl"], Directory.GetFiles(Path.GetDirectoryName(output)!).Select(Path.GetFileName));
    }

    [Fact]
    public void An_unfinished_output_never_replaces_the_target()
    {
        using var tmp = new TempFolder();
        string output = tmp.File("records.jsonl", "old\n");
        using (var writer = new RecordWriter(OutputFormat.Jsonl, output, TextWriter.Null))
            writer.Write(ArticleRecord.ForError(new SourceInfo { Path = "x" }, "boom"));
        Assert.Equal("old\n", File.ReadAllText(output));
        Assert.Single(Directory.GetFiles(tmp.Path));
    }

    [Fact]
    public void Standard_input_is_read_with_dash()
    {
        var r = CliRunner.RunWithInput(Article, "extract", "-", "--published", "2024-09-23");
        Assert.Equal(0, r.Exit);
        var record = Assert.Single(Records(r));
        Assert.Equal(new DateOnly(2024, 9, 23), record.Source.Published);
        Assert.Equal("-", record.Source.Path);
    }

    [Fact]
    public void Jsonl_crawl_files_give_one_record_per_line_and_errors_per_bad_line()
    {
        using var tmp = new TempFolder();
        var lines = new[]
        {
            JsonSerializer.Serialize(new Dictionary<string, string> { ["url"] = "https://example.org/1", ["text"] = Article, ["published"] = "2024-09-23T10:00:00+07:00" }),
            "",
            JsonSerializer.Serialize(new Dictionary<string, string> { ["url"] = "https://example.org/2", ["html"] = $"<html><head><title>Pengundian</title></head><body><article><p>{Article}</p></article></body></html>" }),
            "{not json",
            "[1, 2]",
            JsonSerializer.Serialize(new Dictionary<string, string> { ["url"] = "https://example.org/5" }),
        };
        string file = tmp.File("crawl.jsonl", string.Join("\n", lines) + "\n");
        var r = CliRunner.Run("extract", file);
        Assert.Equal(1, r.Exit);
        var records = Records(r);
        Assert.Equal(5, records.Length);
        Assert.Equal("https://example.org/1", records[0].Source.Url);
        Assert.Equal(new DateOnly(2024, 9, 23), records[0].Source.Published);
        Assert.Equal(file + ":1", records[0].Source.Path);
        Assert.Null(records[1].Error);
        Assert.Contains("Kupang", records[1].Text);
        Assert.Contains("not valid JSON", records[2].Error!.Message);
        Assert.Contains(file + ":4", records[2].Error!.Message);
        Assert.Contains("not a JSON object", records[3].Error!.Message);
        Assert.Contains("neither", records[4].Error!.Message);
    }

    [Fact]
    public void Jsonl_files_are_read_line_by_line_as_the_batch_goes()
    {
        // Lines appended after the first record was taken still arrive: the file is streamed, not read whole up front.
        using var tmp = new TempFolder();
        string Line(int i) => JsonSerializer.Serialize(new Dictionary<string, string> { ["url"] = $"u{i}", ["text"] = Article }) + "\n";
        string file = tmp.File("crawl.jsonl", Line(1));
        using var items = Inputs.Read([new InputSource(file)], null, Stream.Null, ReadLimits.Default).GetEnumerator();
        Assert.True(items.MoveNext());
        Assert.Equal("u1", items.Current.Input!.Options!.Source!.Url);
        File.AppendAllText(file, Line(2));
        Assert.True(items.MoveNext());
        Assert.Equal("u2", items.Current.Input!.Options!.Source!.Url);
        Assert.False(items.MoveNext());
    }

    [Fact]
    public void Utf8_with_bom_utf16_and_windows_1252_text_is_decoded()
    {
        Assert.Equal("Pemilu", Inputs.DecodeText([0xEF, 0xBB, 0xBF, .. "Pemilu"u8], out var w1));
        Assert.Null(w1);
        Assert.Equal("Pemilu", Inputs.DecodeText([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Pemilu")], out _));
        Assert.Equal("café", Inputs.DecodeText([(byte)'c', (byte)'a', (byte)'f', 0xE9], out var w2));
        Assert.NotNull(w2);
        Assert.Null(Inputs.DecodeText([(byte)'a', 0, (byte)'b'], out _));
    }

    [Fact]
    public void No_progress_bar_when_stderr_is_not_the_console() =>
        Assert.Null(Progress.Create(new StringWriter(), 10_000));
}
