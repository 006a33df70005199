using System.Text;
using NewsExtract.Html;

namespace NewsExtract.Tests.Html;

public sealed class HtmlMetadataTests
{
    [Theory]
    [InlineData("Paslon Ambil Nomor Urut - Kompas.com", "Kompas.com", "Paslon Ambil Nomor Urut")]
    [InlineData("Paslon Ambil Nomor Urut | Suara Daerah", "Suara Daerah", "Paslon Ambil Nomor Urut")]
    [InlineData("Republicans Are Following Trump to Nowhere - WSJ", null, "Republicans Are Following Trump to Nowhere")]
    [InlineData("Pilkada 2024: KPU Tetapkan Paslon", null, "Pilkada 2024: KPU Tetapkan Paslon")]
    public void Title_loses_the_site_suffix(string raw, string? outlet, string expected) =>
        Assert.Equal(expected, HtmlMetadataReader.CleanTitle(raw, outlet, keepIfNoSuffix: true));

    [Fact]
    public void Json_ld_graph_gives_date_author_and_publisher()
    {
        var html = """
            <html><head><title>Judul - Situs</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Situs"},
              {"@type":"NewsArticle","headline":"Judul","datePublished":"2024-09-23T14:05:00+07:00",
               "author":[{"@type":"Person","name":"Andi"},{"@type":"Person","name":"Budi"}],"publisher":{"@type":"Organization","name":"Situs Berita"}}]}</script>
            </head><body><p>Teks.</p></body></html>
            """;
        var article = HtmlArticleReader.Read(Encoding.UTF8.GetBytes(html));
        Assert.Equal(new DateOnly(2024, 9, 23), article.Published);
        Assert.Equal("Andi, Budi", article.Author);
        Assert.Equal("Situs Berita", article.Outlet);
    }

    [Fact]
    public void Broken_json_ld_is_a_warning_and_other_sources_still_work()
    {
        var html = """
            <html><head><script type="application/ld+json">{"headline": "Kata "kutip" rusak"}</script>
            <meta property="article:published_time" content="2020-09-24T09:00:00+07:00"></head><body></body></html>
            """;
        var article = HtmlArticleReader.Read(Encoding.UTF8.GetBytes(html));
        Assert.Equal(new DateOnly(2020, 9, 24), article.Published);
        Assert.Contains(article.Warnings, w => w.Contains("JSON-LD", StringComparison.Ordinal));
    }

    [Fact]
    public void Date_in_page_text_and_relative_canonical_url()
    {
        var html = "<html><head><link rel=canonical href=\"/read/berita/123\"></head><body><div class=\"date\">Senin, 23 Sep 2024 14:05 WIB</div></body></html>";
        var article = HtmlArticleReader.Read(Encoding.UTF8.GetBytes(html), "https://news.example.co.id/x");
        Assert.Equal(new DateOnly(2024, 9, 23), article.Published);
        Assert.Equal("https://news.example.co.id/read/berita/123", article.CanonicalUrl);
    }
}
