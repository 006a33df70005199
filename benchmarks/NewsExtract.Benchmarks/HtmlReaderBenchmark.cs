using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using NewsExtract.Html;

namespace NewsExtract.Benchmarks;

/// <summary>
/// Throughput of the HTML reader (decode, parse, metadata, body) on real pages: the 16 Indonesian
/// pages and the first 40 Zyte pages from shared/data, or a generated portal page when the data is
/// absent. Pages per second = pages in the set / mean time of one operation.
/// <c>dotnet run -c Release --project benchmarks/NewsExtract.Benchmarks -- --filter *HtmlReader*</c>
/// </summary>
[MemoryDiagnoser]
public class HtmlReaderBenchmark
{
    private List<byte[]> pages = [];

    [Params("indonesian", "zyte")]
    public string Set { get; set; } = "indonesian";

    [GlobalSetup]
    public void Setup()
    {
        var data = HtmlSharedData.Locate();
        pages = Set switch
        {
            "indonesian" when data is not null && Directory.Exists(Path.Combine(data, "indonesian-html", "pages")) =>
                Directory.GetFiles(Path.Combine(data, "indonesian-html", "pages"), "*.html").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList(),
            "zyte" when data is not null && Directory.Exists(Path.Combine(data, "zyte-article-extraction", "html")) =>
                Directory.GetFiles(Path.Combine(data, "zyte-article-extraction", "html"), "*.html.gz").Order(StringComparer.Ordinal).Take(40).Select(Gunzip).ToList(),
            _ => [GeneratedPage()],
        };
        if (data is null) Console.WriteLine($"HtmlReaderBenchmark: shared/data not found (set {HtmlSharedData.Variable}); measuring a generated page.");
    }

    /// <summary>Reads every page of the set once.</summary>
    [Benchmark]
    public int ReadPages()
    {
        int characters = 0;
        foreach (var page in pages) characters += HtmlArticleReader.Read(page).Body.Length;
        return characters;
    }

    private static byte[] Gunzip(string path)
    {
        using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] GeneratedPage()
    {
        var html = new StringBuilder("<html><head><title>Pengundian Nomor Urut - Portal</title></head><body><nav><a href=/>Beranda</a></nav><article>");
        for (int i = 0; i < 30; i++)
            html.Append("<p>Komisi Pemilihan Umum (KPU) menggelar rapat pleno terbuka pengundian nomor urut pasangan calon, dihadiri Bawaslu dan tim pendukung.</p>");
        return Encoding.UTF8.GetBytes(html.Append("</article><footer>Hak cipta</footer></body></html>").ToString());
    }
}
