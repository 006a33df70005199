using System.Text;
using NewsExtract.Html;

namespace NewsExtract.Tests.Html;

/// <summary>Which of a page's dates is its publication day, and which dates must never be taken for it.</summary>
public sealed class HtmlPublishedDateTests
{
    private const string Story = "<p>Komisi Pemilihan Umum menetapkan pasangan calon dan nomor urut mereka dalam rapat pleno terbuka di kantor KPU.</p>";

    private static DateOnly? Published(string html, string? url = null) => HtmlArticleReader.Read(Encoding.UTF8.GetBytes(html), url).Published;

    private static string Page(string head, string body) =>
        $"<html><head><title>Paslon Ambil Nomor Urut - Situs</title>{head}</head><body>{body}</body></html>";

    [Fact]
    public void Json_ld_that_is_not_valid_json_still_gives_its_date()
    {
        var html = Page("""<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-10-26T18:10:00+01:00"}}</script>""", Story);
        Assert.Equal(new DateOnly(2020, 10, 26), Published(html));
    }

    [Fact]
    public void Utc_stamp_yields_to_the_day_shown_under_the_headline()
    {
        // 23:15 UTC is already the next day in the newsroom (UTC+1): the page shows 6 December.
        var html = Page("""<meta property="article:published_time" content="2020-12-05T23:15:00Z">""",
            "<h1>Paslon Ambil Nomor Urut</h1><p class=\"data\">06 Dicembre 2020</p>" + Story);
        Assert.Equal(new DateOnly(2020, 12, 6), Published(html));
    }

    [Fact]
    public void Utc_stamp_keeps_its_day_when_the_time_cannot_fall_on_the_url_day()
    {
        // 10:04 UTC is 9 July from UTC-10 to UTC+14: the URL's 8 July is when the story was filed, not published.
        var html = Page("""<meta property="article:published_time" content="2020-07-09T10:04:04Z">""", Story);
        Assert.Equal(new DateOnly(2020, 7, 9), Published(html, "https://news.example.com/politics/2020/07/08/paslon-story.html"));
    }

    [Fact]
    public void Utc_stamp_near_midnight_yields_to_the_url_day()
    {
        var html = Page("""<meta property="article:published_time" content="2020-02-18T03:00:00Z">""", Story);
        Assert.Equal(new DateOnly(2020, 2, 17), Published(html, "https://news.example.com/read/2020/02/17/123/paslon"));
    }

    [Fact]
    public void Date_element_after_the_headline_wins_over_the_header_date_of_today()
    {
        var html = Page("", """
            <div class="top-date">Selasa, 08 Des 2020</div>
            <h1>Paslon Ambil Nomor Urut</h1><div class="post-date">Selasa, 13 Okt 2020 18:29 WIB</div>
            """ + Story);
        Assert.Equal(new DateOnly(2020, 10, 13), Published(html));
    }

    [Fact]
    public void Comment_dates_are_not_the_publication_day()
    {
        var html = Page("", "<h1>Paslon Ambil Nomor Urut</h1>" + Story + """
            <div class="comments"><div class="comment-meta"><span class="date">August 06, 2019</span></div>
            <div class="meta"><span class="date">August 07, 2019</span></div></div>
            """);
        Assert.Null(Published(html));
    }

    [Fact]
    public void Dates_of_related_articles_are_skipped()
    {
        var html = Page("", """
            <h1>Paslon Ambil Nomor Urut</h1>
            <div class="related-posts"><ul><li><a href="/a">Berita lain</a><div class="meta">December 17, 2019</div></li></ul></div>
            <div class="byline"><span class="date">August 06, 2019</span></div>
            """ + Story);
        Assert.Equal(new DateOnly(2019, 8, 6), Published(html));
    }

    [Fact]
    public void Published_date_wins_over_the_updated_date_in_a_byline()
    {
        var html = Page("", """<h1>Paslon Ambil Nomor Urut</h1><div class="post-meta">Diperbarui 05/11/2020 10:00 WIB · Terbit 04/11/2020 09:00 WIB</div>""" + Story);
        Assert.Equal(new DateOnly(2020, 11, 4), Published(html));
    }

    [Fact]
    public void Copyright_year_gives_no_date()
    {
        var html = Page("", "<h1>Paslon Ambil Nomor Urut</h1>" + Story + "<footer><p>© 2020 Situs. All rights reserved.</p><p class=\"copyright\">Copyright 2009-2020</p></footer>");
        Assert.Null(Published(html));
    }

    [Fact]
    public void Date_line_under_the_headline_skips_the_photo_caption()
    {
        var html = Page("", """
            <h1>Paslon Ambil Nomor Urut</h1>
            <div style="color:#999">Para pasangan calon hadir dalam rapat pleno pengundian nomor urut di kantor KPU, 16 Januari 2020. Foto oleh Andi untuk Situs Berita Daerah</div>
            <p>January 18, 2020</p>
            """ + Story);
        Assert.Equal(new DateOnly(2020, 1, 18), Published(html));
    }

    [Fact]
    public void Date_line_under_a_masthead_is_not_taken()
    {
        // The h1 is the site name, not this page's headline: the date under it is today's, not the story's.
        var html = Page("", "<h1>Situs Berita Harian Nusantara</h1><div>Wednesday, August 19, 2020</div>" + Story);
        Assert.Null(Published(html));
    }

    [Fact]
    public void Date_after_the_modified_time_is_not_the_publication_day()
    {
        var html = Page("""<meta property="article:modified_time" content="2020-10-13T11:00:00+04:00">""",
            "<h1>Paslon Ambil Nomor Urut</h1><div class=\"date\">Tuesday, (08 Dec 2020)</div>" + Story);
        Assert.Equal(new DateOnly(2020, 10, 13), Published(html));
    }

    [Fact]
    public void Lead_image_path_is_the_last_resort()
    {
        var html = Page("""<meta property="og:image" content="https://img.example.com/news/photo/2020/03/04/2020030501000409.jpg">""", Story);
        Assert.Equal(new DateOnly(2020, 3, 4), Published(html));
    }
}
