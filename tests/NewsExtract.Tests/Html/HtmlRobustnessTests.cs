using System.Diagnostics;
using System.Text;
using NewsExtract.Html;

namespace NewsExtract.Tests.Html;

/// <summary>Hostile and broken pages degrade to warnings; nothing recurses on depth; time grows linearly.</summary>
[Collection(SerialCollection.Name)]
public sealed class HtmlRobustnessTests
{
    private const string Paragraph =
        "<p>Komisi Pemilihan Umum (KPU) Kota Blitar menggelar rapat pleno terbuka pengundian nomor urut pasangan calon, " +
        "dihadiri Bawaslu, kepolisian, dan tim pendukung masing-masing paslon.</p>";

    private static HtmlArticle Read(string html) => HtmlArticleReader.Read(Encoding.UTF8.GetBytes(html));

    [Fact]
    public void Malformed_markup_still_yields_the_paragraphs()
    {
        var html = "<html><head><title>Uji</title><body><div class=content><p>Komisi Pemilihan Umum menetapkan dua pasangan calon, " +
                   "yaitu pasangan Santoso-Tjutjuk dan pasangan Henry-Yasin, pada rapat pleno hari ini.<p>Pengundian nomor urut " +
                   "digelar Kamis, 24 September 2020, secara virtual di Hotel Puri Perdana.<div><b><i>tidak ditutup</b></i>" +
                   "<p>Paragraf ketiga juga harus terbaca meskipun tag sebelumnya rusak, karena pembaca halaman harus tahan banting.</div></span></td>";
        var article = Read(html);
        Assert.Contains("Santoso-Tjutjuk", article.Body);
        Assert.Contains("Paragraf ketiga", article.Body);
    }

    [Fact]
    public void Hundred_thousand_nested_elements_do_not_overflow_the_stack()
    {
        const int depth = 100_000;
        var html = new StringBuilder("<html><body>");
        for (int i = 0; i < depth; i++) html.Append("<div>");
        html.Append(Paragraph).Append(Paragraph);
        for (int i = 0; i < depth; i++) html.Append("</div>");
        html.Append("</body></html>");

        // A thread with a small stack: recursion per nesting level would fail here for certain.
        HtmlArticle? article = null;
        var thread = new Thread(() => article = Read(html.ToString()), maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.NotNull(article);
        Assert.Contains("Komisi Pemilihan Umum", article!.Body);
    }

    [Fact]
    public void Twenty_megabyte_page_is_read()
    {
        var html = BigPage(20 * 1024 * 1024);
        var watch = Stopwatch.StartNew();
        var article = Read(html);
        Assert.Contains("Komisi Pemilihan Umum", article.Body);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"20 MB took {watch.Elapsed}");
    }

    [Fact]
    public void Page_without_an_article_gives_a_warning_and_an_empty_body()
    {
        var html = "<html><head><title>Beranda</title></head><body><nav><a href=/a>Politik</a> <a href=/b>Daerah</a></nav>" +
                   "<ul><li><a href=/1>Judul berita pertama yang cukup panjang untuk dibaca</a></li><li><a href=/2>Judul berita kedua yang juga panjang</a></li></ul>" +
                   "<footer>Hak cipta 2024</footer></body></html>";
        var article = Read(html);
        Assert.Equal("", article.Body);
        Assert.Contains(article.Warnings, w => w.Contains("No article text", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_input_gives_warnings_not_an_exception()
    {
        var article = HtmlArticleReader.Read(ReadOnlySpan<byte>.Empty);
        Assert.Equal("", article.Body);
        Assert.NotEmpty(article.Warnings);
    }

    [Fact]
    public void Time_grows_linearly_with_page_size()
    {
        Read(BigPage(200_000)); // warm up
        var small = Time(BigPage(1_000_000));
        var large = Time(BigPage(8_000_000));
        // 8x the input; quadratic behaviour would take ~64x. Allow noise from a shared machine.
        Assert.True(large.TotalMilliseconds < small.TotalMilliseconds * 24 + 500, $"1 MB: {small.TotalMilliseconds:0} ms, 8 MB: {large.TotalMilliseconds:0} ms");
    }

    // The fastest of three runs: a pause of the shared machine or a GC in one run says nothing about growth.
    private static TimeSpan Time(string html)
    {
        var best = TimeSpan.MaxValue;
        for (int run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            Read(html);
            if (watch.Elapsed < best) best = watch.Elapsed;
        }
        return best;
    }

    /// <summary>A realistic page grown to <paramref name="size"/> characters: menus, sidebars and article paragraphs.</summary>
    private static string BigPage(int size)
    {
        var html = new StringBuilder("<html><head><title>Besar</title></head><body><nav><a href=/>Beranda</a></nav><div class=article-content>");
        int i = 0;
        while (html.Length < size)
        {
            html.Append(Paragraph);
            if (++i % 10 == 0) html.Append("<div class=sidebar><ul><li><a href=/x>Berita lain</a></li><li><a href=/y>Terpopuler</a></li></ul></div>");
        }
        return html.Append("</div></body></html>").ToString();
    }
}
