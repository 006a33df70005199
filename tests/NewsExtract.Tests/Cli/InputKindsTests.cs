using System.IO.Compression;
using System.Text;
using System.Text.Json;
using NewsExtract.Cli;

namespace NewsExtract.Tests.Cli;

/// <summary>
/// Inputs that were dropped or misread (issue 16, item 2): gzipped pages and crawls, .ndjson, HTML and gzip on standard
/// input, a PDF given by name, files a folder holds that are not read, --input-format, and one line number per broken
/// JSONL line.
/// </summary>
public sealed class InputKindsTests
{
    private const string Page = "<!DOCTYPE html><html><head><title>Pengundian Pilwali</title></head><body><article><p>Komisi Pemilihan Umum Kota Blitar menggelar pengundian nomor urut pasangan calon Pilwali Kota Blitar 2024 pada Senin. Pasangan Santoso-Tjutjuk mendapat nomor urut 1 dan pasangan Henry-Yasin mendapat nomor urut 2.</p></article></body></html>";

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest)) gz.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }

    private static JsonElement[] Records(CliResult run) => run.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();

    [Fact]
    public void A_folder_reads_gzipped_pages_and_crawls_and_ndjson_and_names_what_it_skips()
    {
        using var tmp = new TempFolder();
        File.WriteAllBytes(tmp.File("a/page.html.gz"), Gzip(Page));
        File.WriteAllBytes(tmp.File("a/crawl.jsonl.gz"), Gzip("{\"url\":\"https://a.example/1\",\"text\":\"KPU Kota Blitar menggelar rapat Pilwali Kota Blitar 2024.\"}\n"));
        tmp.File("a/crawl.ndjson", "{\"url\":\"https://a.example/2\",\"text\":\"Bawaslu Kota Blitar mengawasi kampanye.\"}\n");
        File.WriteAllBytes(tmp.File("a/report.pdf"), "%PDF-1.4 not an article"u8.ToArray());
        tmp.File("a/notes.md", "# notes");

        var run = CliRunner.Run("extract", Path.Combine(tmp.Path, "a"));
        Assert.Equal(0, run.Exit);
        var records = Records(run);
        Assert.Equal(3, records.Length);
        var page = records.Single(r => r.GetProperty("source").GetProperty("path").GetString()!.EndsWith("page.html.gz", StringComparison.Ordinal));
        Assert.Equal("Pengundian Pilwali", page.GetProperty("source").GetProperty("title").GetString());
        Assert.Equal(2, page.GetProperty("candidates").GetArrayLength());
        Assert.Contains(records, r => r.GetProperty("source").GetProperty("url").GetString() == "https://a.example/1");
        Assert.Contains(records, r => r.GetProperty("source").GetProperty("url").GetString() == "https://a.example/2");
        Assert.Contains("skipped 2 file(s)", run.Err);
        Assert.Contains("report.pdf", run.Err);
        Assert.Contains("notes.md", run.Err);
    }

    [Fact]
    public void A_pdf_given_by_name_gets_an_error_record_that_says_so()
    {
        using var tmp = new TempFolder();
        string pdf = tmp.File("tiny.pdf");
        File.WriteAllBytes(pdf, "%PDF-1.4\n1 0 obj << >> endobj\n"u8.ToArray());
        var run = CliRunner.Run("extract", pdf);
        Assert.Equal(1, run.Exit);
        var error = Assert.Single(Records(run)).GetProperty("error").GetProperty("message").GetString();
        Assert.Contains("is a PDF", error);
        Assert.Contains("pdftotext", error);
    }

    [Fact]
    public void Html_and_gzip_on_standard_input_are_recognised()
    {
        var html = CliRunner.RunWithInput(Page, "extract", "-");
        Assert.Equal("Pengundian Pilwali", Records(html).Single().GetProperty("source").GetProperty("title").GetString());

        var stdout = new StringWriter { NewLine = "\n" };
        int exit = Program.Run(["extract", "-", "--quiet"], new CliContext(new MemoryStream(Gzip(Page)), stdout, new StringWriter()));
        Assert.Equal(0, exit);
        var record = JsonDocument.Parse(stdout.ToString().Trim()).RootElement;
        Assert.Equal("Pengundian Pilwali", record.GetProperty("source").GetProperty("title").GetString());
    }

    [Fact]
    public void Input_format_forces_how_every_input_is_read()
    {
        using var tmp = new TempFolder();
        string page = tmp.File("page.html", Page);
        // As text, the markup is the article's text: no title is read, the tags stay in the text.
        var asText = Records(CliRunner.Run("extract", page, "--input-format", "text")).Single();
        Assert.Equal(JsonValueKind.Null, asText.GetProperty("source").GetProperty("title").ValueKind);
        Assert.Contains("<article>", asText.GetProperty("text").GetString());
        // A crawl under another name is read line by line when told so.
        string crawl = tmp.File("crawl.txt", "{\"url\":\"https://a.example/9\",\"text\":\"KPU Kota Blitar.\"}\n{\"url\":\"https://a.example/10\",\"text\":\"Bawaslu Kota Blitar.\"}\n");
        Assert.Equal(2, CliRunner.Run("extract", crawl, "--input-format", "jsonl").Lines.Length);
        Assert.Equal(2, CliRunner.Run("extract", page, "--input-format", "csv").Exit);
    }

    [Fact]
    public void A_broken_jsonl_line_is_reported_with_the_file_line_only()
    {
        using var tmp = new TempFolder();
        string file = tmp.File("broken.jsonl", "{\"url\":\"https://a.example/1\",\"text\":\"KPU.\"}\n{\"url\": \"a\", \"text\": \n");
        var run = CliRunner.Run("extract", file);
        Assert.Equal(1, run.Exit);
        Assert.Contains("broken.jsonl:2:", run.Err);
        Assert.DoesNotContain("LineNumber", run.Err);
    }
}
