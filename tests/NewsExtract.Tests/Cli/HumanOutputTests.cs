using System.Text.Json;
using System.Text.RegularExpressions;
using NewsExtract.Cli;
using NewsExtract.Records;

namespace NewsExtract.Tests.Cli;

/// <summary>Output a person can read: plain UTF-8 JSON, --pretty, --format summary and the end-of-run line on stderr.</summary>
public class HumanOutputTests
{
    private const string Article = "Kupang (ANTARA) - KPU Kota Kupang menggelar pengundian nomor urut pasangan calon Wali Kota Kupang, Senin (23/9).";

    [Fact]
    public void Json_is_plain_utf8_and_only_the_less_than_sign_is_escaped()
    {
        using var tmp = new TempFolder();
        const string text = "Kata \"André\" <b>tebal</b> it's KPU Kota Blitar & Bawaslu > semua. </script><script>alert(1)</script>";
        var r = CliRunner.Run("extract", "--quiet", tmp.File("a.txt", text));
        Assert.Equal(0, r.Exit);
        string line = Assert.Single(r.Lines);
        Assert.Contains("\\\"André\\\"", line);
        Assert.Contains("it's", line);
        Assert.Contains("& Bawaslu > semua", line);
        foreach (var escape in (string[])["\\u0022", "\\u0027", "\\u003E", "\\u00E9", "\\u0026"])
            Assert.DoesNotContain(escape, line);
        // Embedded in an HTML page, no string can close the <script> element it sits in.
        Assert.DoesNotContain('<', line);
        Assert.Contains("\\u003C/script>", line);
        Assert.Equal(text, RecordJson.Parse(line).Text);
    }

    [Fact]
    public void Pretty_writes_an_indented_json_array_that_parses_back()
    {
        using var tmp = new TempFolder();
        tmp.File("a.txt", Article);
        tmp.File("b.txt", Article.Replace("Kupang", "Blitar", StringComparison.Ordinal));
        var r = CliRunner.Run("extract", "--pretty", "--quiet", tmp.Path);
        Assert.Equal(0, r.Exit);
        Assert.StartsWith("[\n  {\n    \"source\": {", r.Out);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(2, doc.RootElement.GetArrayLength());
        var records = doc.RootElement.EnumerateArray().Select(e => RecordJson.Parse(e.GetRawText())).ToArray();
        Assert.Equal(Article, records[0].Text);
        // The same records as the compact form.
        var compact = CliRunner.Run("extract", "--quiet", tmp.Path);
        Assert.Equal(compact.Lines, records.Select(RecordJson.ToJsonLine));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("summary")]
    [InlineData("jsonl")]
    public void Pretty_with_a_format_that_is_not_json_is_a_usage_error(string format)
    {
        using var tmp = new TempFolder();
        var r = CliRunner.Run("extract", tmp.File("a.txt", Article), "--pretty", "--format", format);
        Assert.Equal(2, r.Exit);
        Assert.Contains("--pretty", r.Err);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void Summary_format_gives_one_line_per_article_and_names_errors()
    {
        using var tmp = new TempFolder();
        string seed = File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, "seed", "seed-000.txt"));
        string good = tmp.File("a.txt", seed);
        string empty = tmp.File("b.txt", "");
        var r = CliRunner.Run("extract", "--format", "summary", "--quiet", good, empty);
        Assert.Equal(1, r.Exit);
        Assert.Equal(2, r.Lines.Length);
        Assert.Matches(@"^.*a\.txt: 1 election\(s\) \(walikota Kota Blitar 2020\), 2 candidate pair\(s\) \(2 Santoso - Tjutjuk Soenario; 1 Henry Pradipta Anwar - Muh\.Yasin\), \d+ official\(s\), \d+ date\(s\), \d+ figure\(s\), \d+ entities$", r.Lines[0]);
        Assert.Matches(@"b\.txt: error: .*empty", r.Lines[1]);
    }

    [Fact]
    public void Summary_line_of_a_record_is_one_line_whatever_the_names_hold()
    {
        var record = ArticleRecord.ForError(new SourceInfo { Path = "a\nb.txt" }, "a\nb.txt: the file is\r\nempty.");
        string line = ArticleSummary.Line(record);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.StartsWith("a b.txt: error: ", line);
    }

    [Fact]
    public void The_run_ends_with_a_summary_on_stderr_unless_quiet()
    {
        using var tmp = new TempFolder();
        string seed = File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, "seed", "seed-002.txt"));
        string[] files = [tmp.File("a.txt", seed), tmp.File("b.txt", Article), tmp.File("c.txt", "")];
        var r = CliRunner.Run(["extract", .. files]);
        Assert.Equal(1, r.Exit);
        string last = r.Err.TrimEnd('\n').Split('\n')[^1];
        Assert.Matches(@"^Done: 3 record\(s\), 1 error\(s\), \d+ warning\(s\) in \d+\.\d s \(\d+\.\d articles/s\)", last);
        // seed-002 names parties without their pairs: the warning is counted by kind.
        Assert.Contains("Warnings: unnamed parties 1", last);
        // Stdout holds only records.
        Assert.Equal(3, r.Lines.Length);
        Assert.All(r.Lines, l => RecordJson.Parse(l));

        var quiet = CliRunner.Run(["extract", "--quiet", .. files]);
        Assert.DoesNotContain("Done:", quiet.Err);
        Assert.Contains("c.txt", quiet.Err);
        Assert.Equal(r.Out, quiet.Out);
    }

    [Theory]
    [InlineData("weekday mismatch: 'Senin (24/9)' is a Tuesday", "weekday mismatch")]
    [InlineData("unnamed parties", "unnamed parties")]
    [InlineData("No publication date found on the page; relative dates in the text cannot be resolved.", "No publication date found on the page")]
    [InlineData("Very little article text found (12 characters); the page may not be an article.", "Very little article text found")]
    public void Warnings_are_grouped_by_their_kind(string warning, string kind) =>
        Assert.Equal(kind, RunSummary.KindOf(warning));
}
